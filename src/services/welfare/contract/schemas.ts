import { z } from 'zod'
import type { JsonValue } from 'saksi'
import { fromBase64, isDidKey, scopedId, Slug, text, Words } from 'saksi'
import { DISABILITIES, RELATIONSHIPS, SCHOOL_LEVELS } from './rules/attributes.js'

/** Text shown to people and words for citizens: shared by every contract. */

/** An identifier inside a programme: lowercase letters, digits and dashes. */
export { Slug, text, Words }

/** A programme id: `<organisation>.<name>`, e.g. `dinsos.pkh`; the organisation owns it. */
export const ProgrammeId = scopedId('dinsos.pkh')

/** A household id, as `registerHousehold` assigns it. */
export const HouseholdId = z.string().regex(/^hh-[0-9a-f]{20}$/, 'must be a household id like hh-0123456789abcdef0123')

/** An Ed25519 did:key. */
export const Did = z.string().refine((s) => isDidKey(s), 'must be an Ed25519 did:key')

/** A region code (Kemendagri kode wilayah), e.g. `32.73.01.1001`. */
export const Region = z.string().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'must be a region code like 32.73 or 32.73.01.1001')

/** A period: `YYYY-Qn` or `YYYY-MM` (checked against the programme's kind in the body). */
export const Period = z.string().regex(/^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/, 'must be a period like 2026-Q3 or 2026-07')

/** Rupiah: a whole, non-negative amount up to 10^15. */
export const Rupiah = z.number().int().min(0).max(1e15)

/** A keyed NIK hash (HMAC-SHA-256 in base64), never a NIK. */
// Canonical base64 only: four spellings of the same 32 bytes would otherwise be four different
// state keys, and one person could be registered four times.
export const NikHash = z.string().refine((s) => {
  try {
    fromBase64(s, 32)
    return true
  } catch {
    return false
  }
}, 'must be the canonical base64 of a 32-byte keyed hash of the NIK')

/** A reference to a personal record in the vault. */
export const VaultRef = z.string().regex(/^pd_[0-9a-f]{32}$/, 'must be a vault reference like pd_<32 hex digits>')

/** A vault reference with the salted commitment to the record. */
export const VaultLink = z.strictObject({
  ref: VaultRef,
  commitment: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits'),
})

/** A JSON Logic rule; checked by `validateRule` in the body, which reports the path of a problem. */
export const Rule = z.custom<JsonValue>((v) => v !== undefined && v !== null, 'must be a JSON Logic rule')

/** A programme's rules, as an admin submits them. */
export const RulesInput = z.strictObject({
  effectiveFrom: Period,
  criteria: z.array(z.strictObject({ id: Slug, rule: Rule, reason: Words })).max(32),
  components: z
    .array(z.strictObject({ id: Slug, label: Words, amount: Rupiah, per: z.enum(['member', 'household']), when: Rule }))
    .min(1)
    .max(32),
  maxComponents: z.number().int().min(1).max(64),
  householdCap: Rupiah,
  budgetPerPeriod: Rupiah,
})

/** A household member as the log holds it. */
export const MemberInput = z.strictObject({
  nikHash: NikHash,
  relationship: z.enum(RELATIONSHIPS),
  birthMonth: z.string().regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, 'must be a month like 1990-04'),
  schoolLevel: z.enum(SCHOOL_LEVELS),
  disability: z.enum(DISABILITIES),
  pregnant: z.boolean(),
  record: VaultLink,
})

/** Consent to the processing of the household's data. */
export const ConsentInput = z.strictObject({
  method: z.enum(['self-signed', 'signature-on-paper', 'thumbprint', 'witnessed-verbal']),
  evidence: VaultLink.optional(),
})

/** Why an official reads a household's personal data. */
export const PURPOSES = ['verification', 'appeal-review', 'payment-issue', 'complaint', 'audit'] as const

/**
 * Why a NIK is hashed: for a new household's `registration` (no household yet), or for an existing
 * household (named in the check): a member joins or changes, a verification, an appeal, an audit.
 */
export const NIK_CHECK_PURPOSES = ['registration', 'member-change', 'verification', 'appeal-review', 'audit'] as const
