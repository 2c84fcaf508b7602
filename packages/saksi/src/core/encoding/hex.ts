import { ValidationError } from '../errors.js'

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** Lowercase hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]!]
  return s
}

/**
 * Parses lowercase hex.
 * @param text hex string (lowercase only, as the protocol writes it)
 * @param length expected byte length, if fixed
 * @throws ValidationError `HEX_INVALID` or `HEX_WRONG_LENGTH`
 */
export function fromHex(text: string, length?: number): Uint8Array {
  if (typeof text !== 'string' || text.length % 2 !== 0 || !/^[0-9a-f]*$/.test(text)) {
    throw new ValidationError('HEX_INVALID', 'expected lowercase hexadecimal')
  }
  if (length !== undefined && text.length !== length * 2) {
    throw new ValidationError('HEX_WRONG_LENGTH', `expected ${length} bytes of hex`, { expected: length, actual: text.length / 2 })
  }
  const out = new Uint8Array(text.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16)
  return out
}
