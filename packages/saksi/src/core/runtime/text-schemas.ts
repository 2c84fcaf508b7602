import { z } from 'zod'

// C0, DEL and C1 control characters (all in the BMP: a test over code units finds the same).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

/**
 * Whether a text has 1-`max` characters (code points), no control character and is not blank. A
 * text of at most `max` code units has at most `max` code points: only a longer one is counted.
 * @param s the text
 * @param max the most characters allowed
 */
export function isDisplayText(s: string, max: number): boolean {
  if (s.length === 0 || (s.length > max && [...s].length > max)) return false
  return !CONTROL.test(s) && s.trim() !== ''
}

/** Text shown to people, for contract arguments: 1-`max` characters, no control characters, not blank. */
export const text = (max: number) => z.string().refine((s) => isDisplayText(s, max), `must be 1-${max} characters without control characters`)

/** Words for citizens: Bahasa Indonesia (`id`) and English (`en`). */
export const Words = z.strictObject({ id: text(300), en: text(300) })

/** Words for citizens, as records hold them. */
export interface WordsText {
  id: string
  en: string
}

/** A query's page size, given as a number or as query-string text: 1-1000, default 100. */
export const PageLimit = z.union([z.number(), z.string().regex(/^\d{1,4}$/).transform(Number)]).pipe(z.number().int().min(1).max(1000)).default(100)

/** An id inside a service (an item, a milestone, a supplier): 1-40 lowercase letters, digits or dashes. */
export const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1-40 lowercase letters, digits or dashes')

/**
 * An id an organisation owns, `<organisation id>.<name>` (a welfare programme, a procurement
 * process): the one pattern every service and its routes use.
 * @param example an id to show in the error message, e.g. `dinsos.pkh`
 */
export const scopedId = (example: string) => z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}\.[a-z0-9][a-z0-9-]{0,39}$/, `must be <organisation id>.<name>, e.g. ${example}`)
