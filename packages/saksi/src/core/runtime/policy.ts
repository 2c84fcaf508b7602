import type { DidKey } from '../keys/did-key.js'
import type { BlockTime, ContractView } from './context.js'
import type { Directory } from './directory.js'

/**
 * Why a call is refused: a stable code and a message.
 * @typeParam C the codes it may carry (a contract's screen refuses with its own codes)
 */
export interface Refusal<C extends string = string> {
  readonly code: C
  readonly message: string
}

/** What an access policy may look at: the caller, the validated arguments and the directory. */
export interface PolicyContext {
  /** The signer of the transaction. */
  readonly caller: DidKey
  /** The contract called. */
  readonly contract: string
  /** The method called. */
  readonly method: string
  /** The arguments, already validated by the method's schema. */
  readonly args: unknown
  /** The block's time. */
  readonly time: BlockTime
  /** Who is who, from the directory contract. */
  readonly directory: Directory
  /** A read-only view of any contract, seeing the state of this call. */
  view(contract: string): ContractView
}

/**
 * A declared access policy. The runtime evaluates it after argument validation and before the
 * body; a refusal fails the call with its code. Compose policies with `anyOf` and `allOf`.
 */
export interface Policy {
  /** What the policy requires, for people (API docs, error messages), e.g. `role(identity.verifier)`. */
  readonly describe: string
  /**
   * @returns undefined to allow the call, or the refusal
   */
  check(ctx: PolicyContext): Refusal | undefined
}

/**
 * Defines a custom policy. Prefer the built-in helpers; a custom policy must be deterministic and
 * read only what the context offers.
 * @param describe what the policy requires
 * @param check returns undefined to allow, or a refusal
 */
export function definePolicy(describe: string, check: (ctx: PolicyContext) => Refusal | undefined): Policy {
  return Object.freeze({ describe, check })
}
