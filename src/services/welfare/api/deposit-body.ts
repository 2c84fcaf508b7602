import { z } from 'zod'
import type { JsonObject } from 'saksi'

/** Most records, or people, in one deposit. */
export const MAX_DEPOSIT_ITEMS = 50

const OBJECTS = 'must hold JSON objects'

/** A personal record: any JSON object; a `nik` field (16 digits) also gets its keyed hash back. */
const PersonalRecord = z
  .record(z.string(), z.json(), { error: OBJECTS })
  .meta({ description: 'a personal record; a `nik` field (16 digits) also gets its keyed hash back' }) as unknown as z.ZodType<JsonObject>

const records = (what = 'records') => {
  const message = `must hold 1-${MAX_DEPOSIT_ITEMS} ${what}`
  return z.array(PersonalRecord, { error: message }).min(1, message).max(MAX_DEPOSIT_ITEMS, message)
}

/**
 * What a `welfare.deposit` request's body holds: either one person's `records` (optionally for an
 * existing `subject`), or several new `people` at once (e.g. a whole household), each with their
 * own records; each person gets their own key. With `people`, `records` and `subject` are not used.
 */
export const DepositBody = z
  .object({
    records: records().optional(),
    subject: z.string({ error: 'must be a string' }).optional().meta({ description: "an existing person's subject id: add records to them" }),
    people: z
      .array(z.object({ records: records() }, { error: 'must hold objects with records' }), { error: `must hold 1-${MAX_DEPOSIT_ITEMS} people` })
      .min(1, `must hold 1-${MAX_DEPOSIT_ITEMS} people`)
      .max(MAX_DEPOSIT_ITEMS, `must hold 1-${MAX_DEPOSIT_ITEMS} people`)
      .optional()
      .meta({ description: 'instead of records: several new people at once, each `{records}`' }),
  })
  .superRefine((body, ctx) => {
    if (body.people === undefined && body.records === undefined) ctx.addIssue({ code: 'custom', path: ['records'], message: `must hold 1-${MAX_DEPOSIT_ITEMS} records` })
  })

/** A deposit's body, as the route reads it. */
export type DepositBody = z.infer<typeof DepositBody>
