import { concatBytes, utf8 } from '../encoding/bytes.js'
import { noteError } from './note-errors.js'
import { assertNoteText } from './note-text.js'

/** Largest timestamp a cosignature may carry (C2SP tlog-cosignature: "MUST NOT exceed 2^63 - 1"). */
export const COSIGNATURE_MAX_TIMESTAMP = (1n << 63n) - 1n

/**
 * The message an Ed25519 cosignature/v1 signs: `cosignature/v1\ntime <timestamp>\n` followed by the
 * checkpoint body, final newline included (C2SP tlog-cosignature, "Ed25519 signed message").
 * @param body the checkpoint body (note text, no signature lines)
 * @param timestamp POSIX seconds; a number up to 2^53-1 or a bigint up to 2^63-1
 * @returns the bytes to sign or verify
 * @throws ValidationError `COSIGNATURE_TIMESTAMP_INVALID`, `NOTE_TEXT_INVALID`,
 *   `NOTE_INVALID_CHARACTER` or `NOTE_TOO_LARGE`
 */
export function cosignatureMessage(body: string, timestamp: number | bigint): Uint8Array {
  const ts = toTimestamp(timestamp)
  assertNoteText(body)
  return cosignatureMessageBytes(utf8(body), ts)
}

/**
 * {@link cosignatureMessage} over already-encoded body bytes, with no checks (internal).
 * @param body UTF-8 bytes of the checkpoint body
 * @param timestamp a timestamp already known to be in range
 * @returns the bytes to sign or verify
 */
export function cosignatureMessageBytes(body: Uint8Array, timestamp: bigint): Uint8Array {
  // Decimal without leading zeros is what bigint's toString gives.
  return concatBytes(utf8(`cosignature/v1\ntime ${timestamp.toString()}\n`), body)
}

/**
 * Checks a timestamp and returns it as a bigint.
 * @param timestamp POSIX seconds: a safe non-negative integer or a bigint from 0 to 2^63-1
 * @returns the timestamp as a bigint
 * @throws ValidationError `COSIGNATURE_TIMESTAMP_INVALID`
 */
export function toTimestamp(timestamp: unknown): bigint {
  if (typeof timestamp === 'number' && Number.isSafeInteger(timestamp) && timestamp >= 0) return BigInt(timestamp)
  if (typeof timestamp === 'bigint' && timestamp >= 0n && timestamp <= COSIGNATURE_MAX_TIMESTAMP) return timestamp
  throw noteError('COSIGNATURE_TIMESTAMP_INVALID', 'a cosignature timestamp is a whole number of seconds from 0 to 2^63-1')
}
