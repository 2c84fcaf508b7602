import { z } from 'zod'

const hasControl = (s: string): boolean =>
  [...s].some((ch) => {
    const c = ch.codePointAt(0)!
    return c < 0x20 || (c >= 0x7f && c <= 0x9f)
  })

/** Text shown to people, for contract arguments: 1-`max` characters, no control characters, not blank. */
export const text = (max: number) =>
  z.string().refine((s) => {
    const n = [...s].length
    return n >= 1 && n <= max && !hasControl(s) && s.trim() !== ''
  }, `must be 1-${max} characters without control characters`)

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
