import { base64, base64urlnopad } from '@scure/base'
import { ValidationError } from '../errors.js'

/** Standard base64 with padding (RFC 4648 section 4), as the protocol writes binary values. */
export function toBase64(bytes: Uint8Array): string {
  return base64.encode(bytes)
}

/**
 * Parses standard padded base64, refusing anything but the canonical encoding (so one value has
 * exactly one text form, which matters wherever the text is hashed or signed).
 * @param text base64 text
 * @param length expected decoded length in bytes, if fixed
 * @param field name used in error details
 * @throws ValidationError `BASE64_INVALID` or `BASE64_WRONG_LENGTH`
 */
export function fromBase64(text: unknown, length?: number, field = 'value'): Uint8Array {
  if (typeof text !== 'string') throw new ValidationError('BASE64_INVALID', `${field} must be a base64 string`, { field })
  let bytes: Uint8Array
  try {
    bytes = base64.decode(text)
  } catch {
    throw new ValidationError('BASE64_INVALID', `${field} is not valid padded base64`, { field })
  }
  if (base64.encode(bytes) !== text) {
    throw new ValidationError('BASE64_INVALID', `${field} is not canonical base64`, { field })
  }
  if (length !== undefined && bytes.length !== length) {
    throw new ValidationError('BASE64_WRONG_LENGTH', `${field} must decode to ${length} bytes`, {
      field,
      expected: length,
      actual: bytes.length,
    })
  }
  return bytes
}

/** base64url without padding (JWK). */
export function toBase64Url(bytes: Uint8Array): string {
  return base64urlnopad.encode(bytes)
}

/**
 * Parses unpadded base64url (as JWK uses).
 * @throws ValidationError `BASE64_INVALID` or `BASE64_WRONG_LENGTH`
 */
export function fromBase64Url(text: unknown, length?: number, field = 'value'): Uint8Array {
  if (typeof text !== 'string') throw new ValidationError('BASE64_INVALID', `${field} must be a base64url string`, { field })
  let bytes: Uint8Array
  try {
    bytes = base64urlnopad.decode(text)
  } catch {
    throw new ValidationError('BASE64_INVALID', `${field} is not valid base64url`, { field })
  }
  if (base64urlnopad.encode(bytes) !== text) throw new ValidationError('BASE64_INVALID', `${field} is not canonical base64url`, { field })
  if (length !== undefined && bytes.length !== length) {
    throw new ValidationError('BASE64_WRONG_LENGTH', `${field} must decode to ${length} bytes`, { field, expected: length, actual: bytes.length })
  }
  return bytes
}
