import { z } from 'zod'
import { isDidKey, parseTime, scopedId, Slug, text } from 'saksi'

/** An id inside a process or of a supplier: lowercase letters, digits and dashes. */
export { Slug, text }

/** A process id: `<buyer organisation>.<name>`, e.g. `pertamanan.bangku-taman-2026`; the organisation owns it. */
export const ProcessId = scopedId('pertamanan.bangku-taman-2026')

/** An Ed25519 did:key. */
export const Did = z.string().refine((s) => isDidKey(s), 'must be an Ed25519 did:key')

/** A protocol time (RFC 3339 UTC with milliseconds). */
export const Time = z.string().refine((s) => {
  try {
    parseTime(s)
    return true
  } catch {
    return false
  }
}, 'must be an RFC 3339 UTC time like 2026-12-01T03:00:00.000Z')

/** A calendar day, `YYYY-MM-DD` (a due date is the end of that day in Western Indonesia Time). */
export const Day = z.string().refine((s) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  try {
    parseTime(`${s}T00:00:00.000Z`)
    return true
  } catch {
    return false
  }
}, 'must be a calendar day like 2026-12-15')

/** Rupiah: a whole, non-negative amount below 10^15 (15 digits: never mistaken for a NIK). */
export const Rupiah = z.number().int().min(0).max(1e15 - 1)

/** A whole quantity of units. */
export const Quantity = z.number().int().min(1).max(1e9)

/** A hex SHA-256 digest. */
export const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits')

/** A percentage, 0-100. */
export const Percent = z.number().int().min(0).max(100)

/** A coordinate with at most 6 decimals (about 10 cm). */
const coordinate = (max: number) =>
  z
    .number()
    .min(-max)
    .max(max)
    .refine((v) => Math.abs(v * 1e6 - Math.round(v * 1e6)) < 1e-6, 'must have at most 6 decimals')

/** A WGS 84 position and the place's name. */
export const Position = { lat: coordinate(90), lon: coordinate(180), place: text(200) }

/** Item lines: `{item, quantity}` without repeats (checked in the body). */
export const Lines = z.array(z.strictObject({ item: Slug, quantity: Quantity })).min(1).max(100)

/** A bid's content, as the supplier reveals it. */
export const BidContentInput = z.strictObject({
  prices: z.array(z.strictObject({ item: Slug, unitPrice: Rupiah })).min(1).max(100),
  deliveryDays: z.number().int().min(1).max(3650),
  localContent: Percent,
  origin: z.array(z.strictObject({ item: Slug, origin: z.enum(['domestic', 'imported']) })).min(1).max(100),
})

/** OCDS item classification schemes accepted (the itemClassificationScheme codelist). */
export const CLASSIFICATION_SCHEMES = ['UNSPSC', 'CPV', 'CPVS', 'GSIN', 'CPC', 'OKDP', 'OKPD', 'CUCOP', 'NAICS', 'PSC', 'HS'] as const
