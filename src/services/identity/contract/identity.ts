import { ORG_ADMIN_ROLE, VERIFIER_ROLE } from './roles.js'
import { defineContract, findNikInClear } from 'saksi'
import { identityDirectory } from './directory.js'
import { identityGenesis } from './genesis.js'
import { addMember, removeMember, setRoles } from './members.js'
import { get, key, members, organisation, organisations, roles } from './queries.js'
import { register } from './register.js'
import { revokeKey, rotateKey } from './keys.js'
import { verifyCitizen } from './verify-citizen.js'
import { IDENTITY_ERROR_CODES } from './codes.js'

/**
 * The built-in identity contract (PROTOCOL section 8): citizens, organisations (agencies),
 * members and roles, verification by officials, key rotation and revocation. It is the runtime's
 * directory: its key records refuse revoked keys in every contract, and its memberships answer
 * `role(...)` and `orgAdmin` policies.
 */
export const identity = defineContract({
  name: 'identity',
  version: 1,
  roles: [ORG_ADMIN_ROLE, VERIFIER_ROLE],
  codes: IDENTITY_ERROR_CODES,
  methods: { register, addMember, removeMember, setRoles, verifyCitizen, rotateKey, revokeKey },
  queries: { get, key, organisation, organisations, members, roles },
  screen(_method, args) {
    const at = findNikInClear(args)
    if (at === undefined) return undefined
    return { code: 'IDENTITY_NIK_IN_CLEAR', message: `${at} looks like a NIK in clear; send only a keyed hash (evidence.nikHash)` }
  },
  genesis: identityGenesis,
  directory: identityDirectory,
})
