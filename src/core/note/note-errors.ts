import { SaksiError, ValidationError, VerificationError } from '../errors.js'

/**
 * Stable codes of every error thrown by the signed-note, checkpoint and cosignature code, with a
 * one-line description each. Malformed input is a `ValidationError`; a signature that does not
 * verify (or is missing) is a `VerificationError`; a signer that fails is an internal error.
 */
export const NOTE_ERROR_CODES = {
  NOTE_MALFORMED: 'the note is not text, a blank line and one or more signature lines',
  NOTE_TOO_LARGE: 'the note is larger than NOTE_MAX_BYTES',
  NOTE_TOO_MANY_SIGNATURES: 'the note has more than NOTE_MAX_SIGNATURES signature lines',
  NOTE_INVALID_CHARACTER: 'the note is not valid UTF-8 or holds a control character other than newline',
  NOTE_SIGNATURE_MALFORMED: 'a signature line is not "— <key name> <base64 of key id and signature>"',
  NOTE_TEXT_INVALID: 'the text to sign is empty or does not end in a newline',
  NOTE_KEY_NAME_INVALID: 'a key name is empty or holds a Unicode space or a plus sign',
  NOTE_SIGNER_INVALID: 'a note signer has no valid name, 4-byte key id or public key, or appears twice',
  NOTE_SIGNER_FAILED: 'a signer threw or returned something other than a signature',
  NOTE_VERIFIER_INVALID: 'a verifier is not a verifier key string or a NoteVerifier',
  NOTE_VERIFIER_AMBIGUOUS: 'two different verifier keys share a key name and key id',
  NOTE_NO_KNOWN_SIGNATURE: 'no signature in the note is by a known key',
  NOTE_BAD_SIGNATURE: 'a signature by a known key does not verify',
  VKEY_INVALID: 'the verifier key is not "<name>+<8 hex digits>+<base64>"',
  VKEY_ALGORITHM_UNSUPPORTED: 'the verifier key has a signature type other than the one expected',
  VKEY_PUBLIC_KEY_INVALID: 'the verifier key does not hold a 32-byte Ed25519 public key',
  VKEY_KEY_ID_MISMATCH: 'the key id in the verifier key is not the one computed from its name and key',
  CHECKPOINT_MALFORMED: 'the checkpoint body is not at least three newline-terminated lines',
  CHECKPOINT_ORIGIN_INVALID: 'the checkpoint origin is empty or holds a space or control character',
  CHECKPOINT_SIZE_INVALID: 'the tree size is not a decimal integer from 0 to 2^53-1 without leading zeros',
  CHECKPOINT_ROOT_INVALID: 'the root hash is not canonical base64 of 32 bytes',
  CHECKPOINT_EXTENSION_INVALID: 'an extension line is empty or holds a newline or control character',
  CHECKPOINT_ORIGIN_MISMATCH: 'the checkpoint origin is not the expected one',
  COSIGNATURE_MALFORMED: 'a cosignature is not a 4-byte key id, 8-byte timestamp and 64-byte signature',
  COSIGNATURE_TIMESTAMP_INVALID: 'a cosignature timestamp is not an integer from 0 to 2^53-1 seconds',
  COSIGNATURE_MISSING: 'the note has no cosignature by the witness',
  COSIGNATURE_INVALID: 'a cosignature by the witness does not verify',
  COSIGNATURE_FROM_FUTURE: 'a cosignature timestamp is later than the time allowed',
} as const

/** A signed-note, checkpoint or cosignature error code. */
export type NoteErrorCode = keyof typeof NOTE_ERROR_CODES

const VERIFICATION_CODES: ReadonlySet<NoteErrorCode> = new Set<NoteErrorCode>([
  'NOTE_NO_KNOWN_SIGNATURE',
  'NOTE_BAD_SIGNATURE',
  'CHECKPOINT_ORIGIN_MISMATCH',
  'COSIGNATURE_MISSING',
  'COSIGNATURE_INVALID',
  'COSIGNATURE_FROM_FUTURE',
])

/**
 * Builds the error for a code, of the class its kind calls for (internal helper of this folder).
 * @param code one of {@link NOTE_ERROR_CODES}
 * @param message human-readable explanation
 * @param details structured context (never key material beyond public ids)
 * @returns a `ValidationError`, `VerificationError` or internal `SaksiError`
 */
export function noteError(code: NoteErrorCode, message: string, details?: Record<string, unknown>): SaksiError {
  if (VERIFICATION_CODES.has(code)) return new VerificationError(code, message, details)
  if (code === 'NOTE_SIGNER_FAILED') return new SaksiError(code, message, details, 'internal')
  return new ValidationError(code, message, details)
}
