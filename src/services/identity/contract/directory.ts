import type { Directory, DirectoryFactory } from 'saksi'
import { ORG_ADMIN_ROLE, mayGrant } from './roles.js'
import { memberOrgs, readCitizen, readKeyRecord, readMember, readOrganisation } from './state.js'

/**
 * The identity contract's answers to the runtime's directory questions, read from its state. A
 * key that was revoked or rotated away is refused everywhere (`IDENTITY_KEY_REVOKED`), holds no
 * role and is no citizen. A role counts only in an organisation that may grant it (its genesis
 * `grants`, or `identity.admin`), whatever a membership record says: so `role(identity.verifier)`
 * is met only by verifiers of organisations declared to appoint them.
 */
export const identityDirectory: DirectoryFactory = (view): Directory => {
  const active = (did: string) => readKeyRecord(view, did) === undefined
  const hasRole = (did: string, role: string, org?: string): boolean => {
    if (!active(did)) return false
    const orgs = org === undefined ? memberOrgs(view, did) : [org]
    return orgs.some((o) => {
      if (readMember(view, o, did)?.roles.includes(role) !== true) return false
      const organisation = readOrganisation(view, o)
      return organisation !== undefined && mayGrant(organisation, role)
    })
  }
  return {
    keyRefusal(did) {
      const k = readKeyRecord(view, did)
      if (k === undefined) return undefined
      return {
        code: 'IDENTITY_KEY_REVOKED',
        message: k.status === 'rotated' ? `this key was rotated to ${k.successor} at ${k.at}; sign with the new key` : `this key was revoked at ${k.at}`,
      }
    },
    citizenStatus(did) {
      return active(did) ? readCitizen(view, did)?.status : undefined
    },
    hasRole,
    isOrgAdmin: (did, org) => hasRole(did, ORG_ADMIN_ROLE, org),
    isKnown: (did) => readCitizen(view, did) !== undefined || readKeyRecord(view, did) !== undefined || memberOrgs(view, did).length > 0,
    rolesOf(did) {
      if (!active(did)) return []
      return memberOrgs(view, did).flatMap((org) => {
        const organisation = readOrganisation(view, org)
        const roles = organisation === undefined ? [] : (readMember(view, org, did)?.roles ?? []).filter((r) => mayGrant(organisation, r))
        return roles.map((role) => ({ role, org }))
      })
    },
    adminRole: ORG_ADMIN_ROLE,
  }
}
