import { SaksiError } from '../errors.js'
import type { DidKey } from '../keys/did-key.js'
import { StateOverlay } from '../state/state-overlay.js'
import type { StateStore } from '../state/state-store.js'
import type { BlockTime } from './context.js'
import { ContractFailure } from './contract-failure.js'
import type { Policy, PolicyContext, Refusal } from './policy.js'
import type { RuntimeCore } from './runtime-core.js'
import { Session } from './session.js'
import { thrownName } from './thenable.js'

/** An action that is not a transaction (a signed request), to be checked against a policy. */
export interface PolicyRequest {
  /** Who asks: the request's signer. */
  readonly caller: DidKey
  /** The service the action belongs to, e.g. `welfare`. */
  readonly contract: string
  /** The action, e.g. `deposit`. */
  readonly method: string
  /** What the action is given (the request's body). */
  readonly args: unknown
  /** When it is asked (the node's clock). */
  readonly time: BlockTime
}

/**
 * The context a policy sees for `request`, reading through `session` (internal).
 */
export function policyContext(session: Session, request: PolicyRequest): PolicyContext {
  return Object.freeze({
    caller: request.caller,
    contract: request.contract,
    method: request.method,
    args: request.args,
    time: request.time,
    directory: session.directory,
    view: (name: string) => session.view(name),
  })
}

/**
 * Evaluates a policy for a request on committed state, with the directory a call would see
 * (internal; see `Runtime.authorize`).
 * @returns undefined to allow, or the refusal
 * @throws ContractFailure `CONTRACT_ERROR` (internal) when the policy fails a view or throws
 *   unexpectedly; a `SaksiError` of the store as it is
 */
export function checkPolicy(core: RuntimeCore, state: StateStore, policy: Policy, request: PolicyRequest): Refusal | undefined {
  const session = new Session(core, new StateOverlay(state), 0)
  try {
    const refusal = policy.check(policyContext(session, request))
    if (session.failure) throw session.failure
    return refusal
  } catch (e) {
    // A policy that fails a view or query is a bug of its contract; a store failure stays one.
    if (session.failure) throw new ContractFailure('CONTRACT_ERROR', `the policy ${policy.describe} failed with ${session.failure.code}`, 'internal')
    if (e instanceof SaksiError) throw e
    throw new ContractFailure('CONTRACT_ERROR', `the policy ${policy.describe} threw an unexpected exception (${thrownName(e)})`, 'internal')
  } finally {
    session.close()
  }
}
