import type { ContractView } from './context.js'
import type { Refusal } from './policy.js'

/** A citizen identity's verification status, as the directory knows it. */
export type CitizenStatus = 'unverified' | 'verified'

/** A role a key holds in an organisation. */
export interface RoleHolding {
  readonly role: string
  readonly org: string
}

/**
 * The questions access policies ask about a caller. One contract (identity) answers them from its
 * own state; the runtime gives policies and contracts a directory bound to the state of the call.
 */
export interface Directory {
  /** Why `did` may not act at all (its key was revoked or rotated away), or undefined when it may. */
  keyRefusal(did: string): Refusal | undefined
  /** The citizen status of `did`, or undefined when `did` is not a registered citizen. */
  citizenStatus(did: string): CitizenStatus | undefined
  /**
   * Whether `did` holds `role`.
   * @param org when given, only in that organisation; otherwise in any
   */
  hasRole(did: string, role: string, org?: string): boolean
  /** Whether `did` administers organisation `org`. */
  isOrgAdmin(did: string, org: string): boolean
  /**
   * Whether the directory holds any record of `did`: a registered citizen, a member of an
   * organisation, or a key that was rotated away or revoked. The node admits only such keys, and
   * any key's registration (PROTOCOL-NOTES "Admission limits").
   */
  isKnown(did: string): boolean
  /**
   * The roles `did` holds that count (those {@link hasRole} answers yes to), ordered by
   * organisation then role: for explanations of a refusal, never for a decision.
   */
  rolesOf(did: string): RoleHolding[]
  /** The role that makes a member an organisation's admin ({@link isOrgAdmin}), when there is one. */
  readonly adminRole?: string
}

/**
 * Builds a directory over a read-only view of the contract that provides it.
 * @param view the providing contract's view, bound to the state of the current call or query
 */
export type DirectoryFactory = (view: ContractView) => Directory

/** The directory of a runtime without a directory contract: it knows nobody and refuses no key. */
export const EMPTY_DIRECTORY: Directory = Object.freeze({
  keyRefusal: () => undefined,
  citizenStatus: () => undefined,
  hasRole: () => false,
  isOrgAdmin: () => false,
  isKnown: () => false,
  rolesOf: () => [],
})
