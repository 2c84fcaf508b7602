import { noteError, type NoteErrorCode } from './note-errors.js'

// Go's unicode.IsSpace, which golang.org/x/mod/sumdb/note uses for "Unicode spaces": the ASCII
// spaces, U+0085 and the Z categories.
const UNICODE_SPACE = /[\t\n\v\f\r\u0085\p{Z}]/u

/**
 * Whether `name` is a valid note key name: non-empty, well-formed Unicode, no Unicode spaces and
 * no `+` (C2SP signed-note, "Format"). The `+` rule is what lets verifier keys be split on `+`.
 * @param name candidate key name
 * @returns true when the name may appear in a signature line or a verifier key
 */
export function isValidKeyName(name: unknown): name is string {
  return typeof name === 'string' && name !== '' && name.isWellFormed() && !UNICODE_SPACE.test(name) && !name.includes('+') && !hasControl(name)
}

/**
 * Whether `text` holds a Unicode space (Go's `unicode.IsSpace`).
 * @param text any string
 * @returns true if a space character occurs
 */
export function hasUnicodeSpace(text: string): boolean {
  return UNICODE_SPACE.test(text)
}

/**
 * Whether `text` holds an ASCII control character (below U+0020), newline included.
 * @param text any string
 * @returns true if a control character occurs
 */
export function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return true
  return false
}

/**
 * Throws unless `name` is a valid key name (see {@link isValidKeyName}).
 * @param name candidate key name
 * @param code the error code to throw (defaults to `NOTE_KEY_NAME_INVALID`)
 * @throws ValidationError with `code`
 */
export function assertKeyName(name: unknown, code: NoteErrorCode = 'NOTE_KEY_NAME_INVALID'): asserts name is string {
  if (!isValidKeyName(name)) {
    throw noteError(code, 'a key name must be non-empty and hold no Unicode spaces, plus signs or control characters')
  }
}
