import { AuthorizationError, ValidationError, formatTime, verifySignedRequest, type Policy, type PolicyRequest, type VerifiedRequest } from '../core/index.js'
import type { SaksiNode } from '../node/index.js'

/**
 * An action a service takes by signed request (not by transaction), declared like a contract
 * method: its name and who may ask. The API checks the policy on committed state, with the same
 * directory and policies (`role`, `verifiedCitizen`, `anyOf`, ...) the runtime uses for methods.
 */
export interface SignedRequestAction {
  /** `<service>.<action>`, as `req.action` names it, e.g. `welfare.deposit`. */
  readonly name: string
  /** Who may ask. */
  readonly allow: Policy
  /** The message of a refusal, for people (default: the policy's own). */
  readonly denied?: string
}

/** The policy request of a verified signed request for `action`, at `now`. */
function policyRequest(action: SignedRequestAction, request: VerifiedRequest, now: number): PolicyRequest {
  const dot = action.name.indexOf('.')
  return {
    caller: request.signer,
    contract: action.name.slice(0, dot),
    method: action.name.slice(dot + 1),
    args: request.body,
    time: { iso: formatTime(now), ms: now },
  }
}

/**
 * Verifies a signed request for `action` and checks its policy: the network, expiry and signature,
 * that it names this action, then who may ask.
 * @param node the node (its network, validity window and committed state)
 * @param action the action the route takes
 * @param body the request's bytes
 * @param now the node's clock, ms since the epoch
 * @returns the verified request
 * @throws ValidationError `REQUEST_INVALID` (malformed, or another action), `REQUEST_EXPIRED`,
 *   `REQUEST_WRONG_NETWORK`; VerificationError `REQUEST_BAD_SIGNATURE`; AuthorizationError with the
 *   policy's code (`ACCESS_DENIED`, ...)
 */
export async function acceptSignedRequest(node: SaksiNode, action: SignedRequestAction, body: Uint8Array, now: number = Date.now()): Promise<VerifiedRequest> {
  const info = node.info()
  const request = verifySignedRequest(body, { network: info.network, now, maxValiditySeconds: info.maxValiditySeconds })
  if (request.action !== action.name) throw new ValidationError('REQUEST_INVALID', `this route takes the action ${action.name}`)
  const refusal = await node.authorize(action.allow, policyRequest(action, request, now))
  if (refusal) throw new AuthorizationError(refusal.code, action.denied ?? refusal.message)
  return request
}

/**
 * Whether a further policy of an action allows a verified request (e.g. who is exempt from a quota).
 * @param node the node
 * @param action the action the request was accepted for
 * @param policy the policy to check
 * @param request the verified request
 * @param now the node's clock, ms since the epoch
 */
export async function requestAllowed(node: SaksiNode, action: SignedRequestAction, policy: Policy, request: VerifiedRequest, now: number = Date.now()): Promise<boolean> {
  return (await node.authorize(policy, policyRequest(action, request, now))) === undefined
}
