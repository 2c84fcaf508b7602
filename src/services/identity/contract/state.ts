import type { JsonValue, StateAccess, StateReader } from 'saksi'
import type { CitizenRecord, KeyRecord, Membership, Organisation } from './records.js'
import { ORG_ADMIN_ROLE } from './roles.js'

// State layout of the identity contract. Dids and org ids are printable ASCII, so they are keys as is.
const citizenKey = (did: string) => `citizen/${did}`
const keyRecordKey = (did: string) => `key/${did}`
const orgKey = (id: string) => `org/${id}`
const memberKey = (org: string, did: string) => `member/${org}/${did}`
const membershipKey = (did: string, org: string) => `membership/${did}/${org}`

/** The citizen record of `did`, if registered. */
export function readCitizen(state: StateReader, did: string): CitizenRecord | undefined {
  return state.get(citizenKey(did)) as CitizenRecord | undefined
}

/** Writes (or with `undefined`, deletes) the citizen record of `did`. */
export function writeCitizen(state: StateAccess, did: string, record: CitizenRecord | undefined): void {
  if (record === undefined) state.delete(citizenKey(did))
  else state.put(citizenKey(did), record as unknown as JsonValue)
}

/** The key record of `did` (rotated or revoked), or undefined while the key is active. */
export function readKeyRecord(state: StateReader, did: string): KeyRecord | undefined {
  return state.get(keyRecordKey(did)) as KeyRecord | undefined
}

/** Records that `record.did` can no longer act. */
export function writeKeyRecord(state: StateAccess, record: KeyRecord): void {
  state.put(keyRecordKey(record.did), record as unknown as JsonValue)
}

/** The organisation `id`, if it exists. */
export function readOrganisation(state: StateReader, id: string): Organisation | undefined {
  return state.get(orgKey(id)) as Organisation | undefined
}

/** Writes an organisation. */
export function writeOrganisation(state: StateAccess, org: Organisation): void {
  state.put(orgKey(org.id), org as unknown as JsonValue)
}

/** Every organisation, ordered by id. */
export function listOrganisations(state: StateReader): Organisation[] {
  return state.range({ prefix: 'org/' }).map((e) => e.value as unknown as Organisation)
}

/** The membership of `did` in `org`, if any. */
export function readMember(state: StateReader, org: string, did: string): Membership | undefined {
  return state.get(memberKey(org, did)) as Membership | undefined
}

/** Writes a membership and its index entry (`membership/<did>/<org>`). */
export function writeMember(state: StateAccess, m: Membership): void {
  state.put(memberKey(m.org, m.did), m as unknown as JsonValue)
  state.put(membershipKey(m.did, m.org), m.org)
}

/** Deletes a membership and its index entry. */
export function deleteMember(state: StateAccess, org: string, did: string): void {
  state.delete(memberKey(org, did))
  state.delete(membershipKey(did, org))
}

/** The members of `org`, ordered by did. */
export function listMembers(state: StateReader, org: string): Membership[] {
  return state.range({ prefix: `member/${org}/` }).map((e) => e.value as unknown as Membership)
}

/** The ids of the organisations `did` is a member of, ordered. */
export function memberOrgs(state: StateReader, did: string): string[] {
  return state.range({ prefix: `membership/${did}/` }).map((e) => e.value as string)
}

/** The admins of `org` whose keys are active, ordered by did. */
export function activeAdmins(state: StateReader, org: string): string[] {
  return listMembers(state, org)
    .filter((m) => m.roles.includes(ORG_ADMIN_ROLE) && readKeyRecord(state, m.did) === undefined)
    .map((m) => m.did)
}
