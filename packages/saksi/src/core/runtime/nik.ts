// A NIK (Nomor Induk Kependudukan) is 16 digits: 6 for the region, 6 for the birth date, 4 for a
// serial. It may be written plainly or in groups separated by spaces or dashes. Digits right after
// a decimal point (a coordinate's fraction) do not start a number.
const PLAIN_NIK = /(?<!\d\.)(?<!\d)\d{16}(?!\d)/
const GROUPED_DIGITS = /(?<!\d\.)(?<!\d)\d+(?:[ -]\d+)*/g

// Hashes, commitments and ids derived from them are hexadecimal tokens; one in forty 64-digit hashes
// (and one in four hundred 20-digit ids) holds a run of 16 decimal digits by chance. A token of 17
// or more hex digits with at least one letter is taken for a digest, not a NIK, and left out of the
// search. The price: a NIK written glued to the letters a-f ("3273012345678901ab") is not caught.
const HEX_TOKEN = /[0-9a-fA-F]{17,}/g
const HAS_HEX_LETTER = /[a-fA-F]/

// Both patterns need 16 digits in one run, at most one space or dash between two of them: a text
// without such a run is answered by one scan of a compiled expression.
const SIXTEEN_DIGIT_RUN = /\d(?:[ -]?\d){15}/

function looksLikeNik(raw: string): boolean {
  if (raw.length < 16 || !SIXTEEN_DIGIT_RUN.test(raw)) return false
  const text = raw.length < 17 ? raw : raw.replace(HEX_TOKEN, (t) => (HAS_HEX_LETTER.test(t) ? ' ' : t))
  if (PLAIN_NIK.test(text)) return true
  for (const m of text.matchAll(GROUPED_DIGITS)) {
    if (m[0].replace(/[ -]/g, '').length === 16) return true
  }
  return false
}

/**
 * Finds something that looks like a NIK in clear anywhere in a JSON value: in a string, an object
 * key, or an integer of 16 digits. Principle 2 of the design: a NIK never reaches the log, not
 * even hashed plainly; contracts take a keyed hash instead.
 * @param value the value to search (e.g. `tx.args`)
 * @param path the name of the value, for the answer
 * @returns the path of the first match (e.g. `args.evidence.note`), or undefined
 */
export function findNikInClear(value: unknown, path = 'args'): string | undefined {
  const at = nikIn(value)
  return at && path + at.reverse().join('')
}

// The path is built only for a finding, from the inside out: no string is made per field walked.
function nikIn(value: unknown): string[] | undefined {
  if (typeof value === 'string') return looksLikeNik(value) ? [] : undefined
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 1e15 && looksLikeNik(String(Math.abs(value))) ? [] : undefined
  if (typeof value !== 'object' || value === null) return undefined
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nikIn(value[i])
      if (found) {
        found.push(`[${i}]`)
        return found
      }
    }
    return undefined
  }
  // JSON objects: own enumerable keys only (for...in skips building a key array).
  for (const key in value) {
    if (looksLikeNik(key)) return [' (a key)']
    const found = nikIn((value as Record<string, unknown>)[key])
    if (found) {
      found.push(`.${key}`)
      return found
    }
  }
  return undefined
}
