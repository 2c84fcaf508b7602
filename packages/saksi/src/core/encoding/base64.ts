import { base64, base64urlnopad } from '@scure/base'
import { ValidationError } from '../errors.js'

/** Standard base64 with padding (RFC 4648 section 4), as the protocol writes binary values. */
export function toBase64(bytes: Uint8Array): string {
  return base64.encode(bytes)
}

/**
 * Parses standard padded base64, refusing anything but the canonical encoding (so one value has
 * exactly one text form, which matters wherever the text is hashed or signed): only the RFC 4648
 * alphabet, no whitespace, exact padding, and zero unused bits in the last character.
 * @param text base64 text
 * @param length expected decoded length in bytes, if fixed
 * @param field name used in error details
 * @throws ValidationError `BASE64_INVALID` or `BASE64_WRONG_LENGTH`
 */
export function fromBase64(text: unknown, length?: number, field = 'value'): Uint8Array {
  if (typeof text !== 'string') throw new ValidationError('BASE64_INVALID', `${field} must be a base64 string`, { field })
  const bytes = decodeCanonical(text, STANDARD, true)
  if (bytes === undefined) throw new ValidationError('BASE64_INVALID', `${field} is not canonical padded base64`, { field })
  return checkLength(bytes, length, field)
}

/** base64url without padding (JWK). */
export function toBase64Url(bytes: Uint8Array): string {
  return base64urlnopad.encode(bytes)
}

/**
 * Parses unpadded base64url (as JWK uses), canonical only (zero unused bits, no padding).
 * @throws ValidationError `BASE64_INVALID` or `BASE64_WRONG_LENGTH`
 */
export function fromBase64Url(text: unknown, length?: number, field = 'value'): Uint8Array {
  if (typeof text !== 'string') throw new ValidationError('BASE64_INVALID', `${field} must be a base64url string`, { field })
  const bytes = decodeCanonical(text, URL_SAFE, false)
  if (bytes === undefined) throw new ValidationError('BASE64_INVALID', `${field} is not canonical base64url`, { field })
  return checkLength(bytes, length, field)
}

function checkLength(bytes: Uint8Array, length: number | undefined, field: string): Uint8Array {
  if (length !== undefined && bytes.length !== length) {
    throw new ValidationError('BASE64_WRONG_LENGTH', `${field} must decode to ${length} bytes`, { field, expected: length, actual: bytes.length })
  }
  return bytes
}

/** Value of each ASCII code in an alphabet, -1 where the code is not in it. */
function decodingTable(alphabet: string): Int8Array {
  const table = new Int8Array(128).fill(-1)
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i
  return table
}

const LETTERS_AND_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const STANDARD = decodingTable(`${LETTERS_AND_DIGITS}+/`)
const URL_SAFE = decodingTable(`${LETTERS_AND_DIGITS}-_`)

/**
 * Decodes base64 in one pass, or returns undefined unless `text` is the one canonical encoding of
 * its bytes: with `padded`, a length that is a multiple of 4 and one or two "=" only where needed;
 * without, no "=" at all and no length of 4n + 1; and in both, unused low bits of the last
 * character that are zero.
 */
function decodeCanonical(text: string, table: Int8Array, padded: boolean): Uint8Array | undefined {
  let end = text.length
  if (padded) {
    if (end % 4 !== 0) return undefined
    if (end > 0 && text.charCodeAt(end - 1) === 0x3d) end -= text.charCodeAt(end - 2) === 0x3d ? 2 : 1
  } else if (end % 4 === 1) return undefined
  const out = new Uint8Array((end * 3) >> 2)
  let acc = 0
  let bits = 0
  let j = 0
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i)
    const v = c < 128 ? table[c]! : -1
    if (v < 0) return undefined
    acc = ((acc << 6) | v) & 0xffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[j++] = acc >> bits
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) return undefined
  return out
}
