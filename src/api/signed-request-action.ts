import { z } from 'zod'
import { AuthorizationError, ValidationError, formatTime, verifySignedRequest, type JsonObject, type Policy, type PolicyRequest, type VerifiedRequest } from 'saksi'
import type { SaksiNode } from '../node/index.js'

/**
 * An action a service takes by signed request (not by transaction), declared like a contract
 * method: its name and who may ask. The API checks the policy on committed state, with the same
 * directory and policies (`role`, `verifiedCitizen`, `anyOf`, ...) the runtime uses for methods.
 */
export interface SignedRequestAction<B = JsonObject> {
  /** `<service>.<action>`, as `req.action` names it, e.g. `welfare.deposit`. */
  readonly name: string
  /** Who may ask. */
  readonly allow: Policy
  /** The message of a refusal, for people (default: the policy's own). */
  readonly denied?: string
  /**
   * What `req.body` must hold, checked after the policy (a stranger learns nothing of the body's
   * shape); the route's documented body is derived from it. Issue messages are written to follow
   * the field's path, e.g. `must hold 1-50 records` for `req.body.records must hold 1-50 records`.
   */
  readonly body?: z.ZodType<B>
}

/** A verified signed request whose body the action's schema accepted. */
export type AcceptedRequest<B> = Omit<VerifiedRequest, 'body'> & { readonly body: B }

/** `req.body.people[0].records`, from a zod issue's path. */
function bodyPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((at, key) => (typeof key === 'number' ? `${at}[${key}]` : `${at}.${String(key)}`), 'req.body')
}

/** The policy request of a verified signed request for `action`, at `now`. */
function policyRequest<B>(action: SignedRequestAction<B>, request: { signer: VerifiedRequest['signer']; body: unknown }, now: number): PolicyRequest {
  const dot = action.name.indexOf('.')
  return {
    caller: request.signer,
    contract: action.name.slice(0, dot),
    method: action.name.slice(dot + 1),
    // The body came from JSON; a schema's parsed copy is JSON too.
    args: request.body as JsonObject,
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
export async function acceptSignedRequest<B = JsonObject>(node: SaksiNode, action: SignedRequestAction<B>, body: Uint8Array, now: number = Date.now()): Promise<AcceptedRequest<B>> {
  const info = node.info()
  const request = verifySignedRequest(body, { network: info.network, now, maxValiditySeconds: info.maxValiditySeconds })
  if (request.action !== action.name) throw new ValidationError('REQUEST_INVALID', `this route takes the action ${action.name}`)
  const refusal = await node.authorize(action.allow, policyRequest(action, request, now))
  if (refusal) throw new AuthorizationError(refusal.code, action.denied ?? refusal.message)
  if (!action.body) return request as AcceptedRequest<B>
  const parsed = action.body.safeParse(request.body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new ValidationError('REQUEST_INVALID', `${bodyPath(issue.path)} ${issue.message}`)
  }
  return { ...request, body: parsed.data }
}

/**
 * Whether a further policy of an action allows a verified request (e.g. who is exempt from a quota).
 * @param node the node
 * @param action the action the request was accepted for
 * @param policy the policy to check
 * @param request the verified request
 * @param now the node's clock, ms since the epoch
 */
export async function requestAllowed<B>(node: SaksiNode, action: SignedRequestAction<B>, policy: Policy, request: AcceptedRequest<B>, now: number = Date.now()): Promise<boolean> {
  return (await node.authorize(policy, policyRequest(action, request, now))) === undefined
}

/**
 * The documented body of a route that takes `action` by signed request, for `/openapi.json`: the
 * envelope of PROTOCOL-NOTES "Signed requests", with `req.body` derived from the action's schema.
 * @param action the action, with its body schema
 */
export function signedRequestSchema<B>(action: SignedRequestAction<B>) {
  const body = action.body ? withoutDialect(z.toJSONSchema(action.body, { io: 'input' })) : { type: 'object' }
  return {
    type: 'object',
    required: ['req', 'sig'],
    description: 'A signed request (docs/PROTOCOL-NOTES.md, "Signed requests"): `saksi/request/v1\\n` ‖ JCS(req), signed by req.signer.',
    properties: {
      req: {
        type: 'object',
        required: ['v', 'network', 'action', 'signer', 'nonce', 'expiresAt', 'body'],
        properties: {
          v: { const: 1 },
          network: { type: 'string' },
          action: { const: action.name },
          signer: { type: 'string' },
          nonce: { type: 'string' },
          expiresAt: { type: 'string' },
          body,
        },
      },
      sig: { type: 'string' },
    },
  } as const
}

/** A JSON Schema without its `$schema` line: it is embedded in the OpenAPI document. */
function withoutDialect(json: object): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = json as Record<string, unknown>
  return rest
}
