import { fromBase64, ValidationError, isBytes } from '../core/index.js'

/** A hash or proof element: raw bytes or standard padded base64 (PROTOCOL section 1). */
export type HashInput = Uint8Array | string

/**
 * Bytes of a hash given as bytes or base64 (any length: the Merkle verifiers check lengths).
 * @throws ValidationError `BASE64_INVALID` or `VERIFY_INPUT_INVALID`
 */
export function hashBytes(input: unknown, field: string): Uint8Array {
  if (isBytes(input)) return input
  if (typeof input === 'string') return fromBase64(input, undefined, field)
  throw new ValidationError('VERIFY_INPUT_INVALID', `${field} must be a Uint8Array or a base64 string`, { field })
}

/**
 * Proof elements given as bytes or base64; `null` or `undefined` is the empty proof (as in the
 * RFC 6962 test data).
 * @throws ValidationError `BASE64_INVALID` or `VERIFY_INPUT_INVALID`
 */
export function proofBytes(input: unknown): Uint8Array[] {
  if (input === null || input === undefined) return []
  if (!Array.isArray(input)) throw new ValidationError('VERIFY_INPUT_INVALID', 'proof must be an array of hashes', { field: 'proof' })
  return input.map((h, i) => hashBytes(h, `proof[${i}]`))
}
