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
