import type { Organisation } from './records.js'

/** The role that makes a member an admin of their organisation: adds and removes members, sets roles. */
export const ORG_ADMIN_ROLE = 'identity.admin'

/** The role of officials who verify citizens (`identity.verifyCitizen`). */
export const VERIFIER_ROLE = 'identity.verifier'

/** The roles `org`'s admins may grant: `identity.admin`, then its declared grants. */
export function grantableRoles(org: Organisation): string[] {
  return [ORG_ADMIN_ROLE, ...(org.grants ?? [])]
}

/**
 * Whether `org` may grant `role`, i.e. whether a member holding it there counts. Declared per
 * organisation in the genesis document; `identity.admin` is always grantable within the org.
 */
export function mayGrant(org: Organisation, role: string): boolean {
  return role === ORG_ADMIN_ROLE || (org.grants ?? []).includes(role)
}
