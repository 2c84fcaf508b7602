import { z } from 'zod'
import { fromBase64, parseTime, isDidKey, isDisplayText, type DidKey } from 'saksi'
import { EVIDENCE_METHODS } from './records.js'
import { ORG_ADMIN_ROLE } from './roles.js'

function succeeds(fn: () => unknown): boolean {
  try {
    fn()
    return true
  } catch {
    return false
  }
}

const ORG_ID = /^[a-z0-9][a-z0-9-]{0,62}$/
const ROLE = /^[a-z][a-z0-9-]*(\.[a-z][a-zA-Z0-9-]*)+$/

/** An Ed25519 `did:key`. */
export const Did = z
  .string()
  .refine((s) => isDidKey(s), 'must be an Ed25519 did:key')
  .transform((s) => s as DidKey)

/** An organisation id: 1-63 of lowercase letters, digits and dashes, e.g. `dinsos`. */
export const OrgId = z.string().refine((s) => ORG_ID.test(s), 'must be 1-63 lowercase letters, digits or dashes')

/** A role name, namespaced by its contract, e.g. `identity.verifier`, `welfare.enumerator`. */
export const RoleName = z.string().refine((s) => s.length <= 64 && ROLE.test(s), 'must be a namespaced role like identity.verifier')

/** At most 16 roles, without repeats. */
export const Roles = z
  .array(RoleName)
  .max(16)
  .refine((roles) => new Set(roles).size === roles.length, 'must not repeat a role')

/**
 * The roles an organisation's admins may grant besides `identity.admin` (which is always
 * grantable and not listed): at most 64, without repeats.
 */
export const Grants = z
  .array(RoleName)
  .max(64)
  .refine((roles) => new Set(roles).size === roles.length, 'must not repeat a role')
  .refine((roles) => !roles.includes(ORG_ADMIN_ROLE), 'must not list identity.admin (always grantable)')

/**
 * Text shown to people: `min`-`max` characters (code points), no control characters, not blank.
 * @param max the most characters allowed
 */
export function displayText(max: number) {
  return z.string().refine((s) => isDisplayText(s, max), `must be 1-${max} characters without control characters`)
}

/** A protocol time (RFC 3339 UTC with milliseconds). */
export const Time = z.string().refine((s) => succeeds(() => parseTime(s)), 'must be an RFC 3339 UTC time like 2026-11-23T18:30:00.000Z')

/** How the verifier checked the citizen; `nikHash` is a keyed hash, never a NIK. */
export const Evidence = z.strictObject({
  method: z.enum(EVIDENCE_METHODS),
  checkedAt: Time.optional(),
  nikHash: z
    .string()
    .refine((s) => succeeds(() => fromBase64(s, 32)), 'must be the base64 of a 32-byte keyed hash (HMAC-SHA-256)')
    .optional(),
})

/** A base64 Ed25519 signature (64 bytes). */
export const Signature = z.string().refine((s) => succeeds(() => fromBase64(s, 64)), 'must be the base64 of a 64-byte Ed25519 signature')

/**
 * What kind of body an organisation is, in a regional government's terms: the mayor's or regent's
 * office (`kepala-daerah`), the regional secretariat (`sekretariat`), a `dinas`, a `badan`, a
 * `kantor`, the `inspektorat`, a `kecamatan` or `kelurahan`, the council (`dprd`), a regional
 * enterprise (`bumd`), a national agency's local office (`instansi-vertikal`: the land office,
 * LKPP), or `lainnya` (a university, an NGO witness).
 */
export const ORGANISATION_KINDS = ['kepala-daerah', 'sekretariat', 'dinas', 'badan', 'kantor', 'inspektorat', 'kecamatan', 'kelurahan', 'dprd', 'bumd', 'instansi-vertikal', 'lainnya'] as const

/** An organisation's kind (see {@link ORGANISATION_KINDS}). */
export const OrgKind = z.enum(ORGANISATION_KINDS)
