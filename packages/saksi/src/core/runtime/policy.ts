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
 * One way to meet a policy's role requirement, for people (the simulate answer's `explanation`):
 * `role` in organisation `org` (any organisation when `org` is absent), or being an admin of `org`
 * (`orgAdmin`; undefined when the call names no organisation).
 */
export type PolicyRequirement = { readonly role: string; readonly org?: string } | { readonly orgAdmin: string | undefined }

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
  /**
   * What the policy requires of the caller for this call, as alternatives (any one suffices), for
   * explanations only: it never changes what {@link check} decides. Absent (or undefined) for a
   * policy that asks for no role (`anyone`, `self`, the citizen policies).
   */
  requires?(ctx: PolicyContext): readonly PolicyRequirement[] | undefined
}

/**
 * Defines a custom policy. Prefer the built-in helpers; a custom policy must be deterministic and
 * read only what the context offers.
 * @param describe what the policy requires
 * @param check returns undefined to allow, or a refusal
 * @param requires what it requires of the caller, for explanations (see {@link Policy.requires})
 */
export function definePolicy(describe: string, check: (ctx: PolicyContext) => Refusal | undefined, requires?: (ctx: PolicyContext) => readonly PolicyRequirement[] | undefined): Policy {
  return Object.freeze(requires ? { describe, check, requires } : { describe, check })
}
