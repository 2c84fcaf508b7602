import { z } from 'zod'
import type { JsonValue } from 'saksi'
import { defineQuery } from 'saksi'
import type { CitizenAnswer, Organisation } from './records.js'
import { Did, OrgId } from './schemas.js'
import { activeAdmins, listMembers, listOrganisations, memberOrgs, readCitizen, readKeyRecord, readMember, readOrganisation } from './state.js'

const json = (v: unknown) => v as JsonValue

/** An organisation as queries answer it: `grants` always present (empty when none declared). */
const withGrants = (o: Organisation) => ({ id: o.id, name: o.name, createdAt: o.createdAt, grants: o.grants ?? [] })

/**
 * `get {did}`: the citizen record (PROTOCOL section 8) with `keyStatus` (`active`, `revoked` or
 * `rotated`, then with `successor`), or not found. A dead key's record keeps its `status` (e.g.
 * `verified`) as history; only `keyStatus: 'active'` means the identity can act under this key.
 */
export const get = defineQuery({
  description: 'The citizen identity record of a did, with whether the key is active, revoked or rotated.',
  args: z.strictObject({ did: Did }),
  run(q, { did }) {
    const citizen = readCitizen(q.state, did)
    if (citizen === undefined) return undefined
    const k = readKeyRecord(q.state, did)
    const answer: CitizenAnswer =
      k === undefined ? { ...citizen, keyStatus: 'active' } : k.status === 'rotated' ? { ...citizen, keyStatus: 'rotated', successor: k.successor } : { ...citizen, keyStatus: 'revoked' }
    return json(answer)
  },
})

/** `key {did}`: whether a key is active, rotated (with its successor) or revoked. */
export const key = defineQuery({
  description: 'The status of a key: active, rotated (with its successor) or revoked.',
  args: z.strictObject({ did: Did }),
  run: (q, { did }) => json(readKeyRecord(q.state, did) ?? { did, status: 'active' }),
})

/** `organisation {id}`: the organisation with its grants and its active admins, or not found. */
export const organisation = defineQuery({
  description: 'An organisation, the roles its admins may grant besides identity.admin, and its admins.',
  args: z.strictObject({ id: OrgId }),
  run(q, { id }) {
    const org = readOrganisation(q.state, id)
    return org === undefined ? undefined : json({ ...withGrants(org), admins: activeAdmins(q.state, id) })
  },
})

/** `organisations {}`: every organisation with its grants, by id. */
export const organisations = defineQuery({
  description: 'Every organisation, ordered by id.',
  args: z.strictObject({}),
  run: (q) => json(listOrganisations(q.state).map(withGrants)),
})

/** `members {org}`: the members of an organisation with their roles and key status, or not found. */
export const members = defineQuery({
  description: 'The members of an organisation, their roles and whether their keys are active.',
  args: z.strictObject({ org: OrgId }),
  run(q, { org }) {
    if (readOrganisation(q.state, org) === undefined) return undefined
    return json(listMembers(q.state, org).map((m) => ({ ...m, keyStatus: readKeyRecord(q.state, m.did)?.status ?? 'active' })))
  },
})

/** `roles {did}`: the organisations a key belongs to and its roles in each. */
export const roles = defineQuery({
  description: 'The organisations a did belongs to and its roles in each.',
  args: z.strictObject({ did: Did }),
  run: (q, { did }) => json(memberOrgs(q.state, did).map((org) => ({ org, roles: readMember(q.state, org, did)?.roles ?? [] }))),
})
