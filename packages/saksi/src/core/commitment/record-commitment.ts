import { sha256 } from '../crypto/sha256.js'
import { canonicalBytes } from '../encoding/jcs.js'
import type { JsonObject } from '../encoding/json.js'
import { toHex } from '../encoding/hex.js'

const PREFIX = new TextEncoder().encode('saksi/record/v1\n')

/** Length of a commitment salt in bytes: enough that a record cannot be guessed from its commitment. */
export const COMMITMENT_SALT_BYTES = 32

/**
 * The salted commitment to a personal record that the log holds instead of the record:
 * lowercase hex of SHA-256(`saksi/record/v1\n` ‖ salt ‖ JCS(record)). Whoever holds the record and
 * its salt (the person, the vault) can show that the log committed to exactly that record; without
 * the salt, a commitment reveals nothing about low-entropy fields such as a NIK or a birth date.
 * @param salt 32 random bytes
 * @param record the personal record (exact JSON)
 * @returns 64 hex digits
 * @throws ValidationError if the salt is not 32 bytes or the record is not exact JSON
 */
export function recordCommitment(salt: Uint8Array, record: JsonObject): string {
  if (salt.length !== COMMITMENT_SALT_BYTES) throw new RangeError(`a commitment salt is ${COMMITMENT_SALT_BYTES} bytes`)
  const body = canonicalBytes(record)
  const input = new Uint8Array(PREFIX.length + salt.length + body.length)
  input.set(PREFIX, 0)
  input.set(salt, PREFIX.length)
  input.set(body, PREFIX.length + salt.length)
  return toHex(sha256(input))
}
