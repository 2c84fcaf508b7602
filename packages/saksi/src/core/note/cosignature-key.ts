import { ed25519Verify } from '../crypto/ed25519.js'
import { SIGNATURE_TYPE_COSIGNATURE_V1, cosignatureKeyId } from './key-id.js'
import { COSIGNATURE_MAX_TIMESTAMP, cosignatureMessageBytes } from './cosignature-message.js'
import type { NoteVerifier } from './verifier-key.js'
import { formatVkey, parseVkey } from './vkey.js'

/** Bytes of an Ed25519 cosignature after the key id: 8-byte timestamp and 64-byte signature. */
export const COSIGNATURE_LENGTH = 8 + 64

/**
 * A witness's cosigning key. As a NoteVerifier its `verify` takes the note text and the
 * cosignature bytes after the key id (timestamp ‖ signature), so it also works with `verifyNote`.
 */
export interface CosignatureVerifier extends NoteVerifier {
  /** Always 0x04, timestamped Ed25519 cosignatures. */
  readonly type: typeof SIGNATURE_TYPE_COSIGNATURE_V1
}

/**
 * Reads the big-endian u64 timestamp at the start of a cosignature (bytes after the key id).
 * @param cosignature timestamp ‖ signature
 * @returns the timestamp, or undefined when the bytes are not 72 long or it exceeds 2^63-1
 */
export function cosignatureTimestamp(cosignature: Uint8Array): bigint | undefined {
  if (cosignature.length !== COSIGNATURE_LENGTH) return undefined
  const ts = new DataView(cosignature.buffer, cosignature.byteOffset, 8).getBigUint64(0, false)
  return ts <= COSIGNATURE_MAX_TIMESTAMP ? ts : undefined
}

/**
 * Builds the verifier of a witness's Ed25519 cosigning key (C2SP tlog-cosignature).
 * @param name the witness name
 * @param publicKey 32-byte Ed25519 public key
 * @returns a CosignatureVerifier with key id SHA-256(name ‖ 0x0A ‖ 0x04 ‖ key)[:4]
 * @throws ValidationError `NOTE_KEY_NAME_INVALID` or `VKEY_PUBLIC_KEY_INVALID`
 */
export function cosignatureVerifier(name: string, publicKey: Uint8Array): CosignatureVerifier {
  const keyId = cosignatureKeyId(name, publicKey)
  const key = publicKey.slice()
  return {
    name,
    keyId,
    publicKey: key,
    type: SIGNATURE_TYPE_COSIGNATURE_V1,
    verify: (message, cosignature) => {
      const ts = cosignatureTimestamp(cosignature)
      if (ts === undefined) return false
      return ed25519Verify(key, cosignatureMessageBytes(message, ts), cosignature.subarray(8))
    },
  }
}

/**
 * Parses a witness verifier key `<name>+<key id hex>+<base64 of 0x04 ‖ 32-byte public key>`.
 * @param vkey the witness verifier key string
 * @returns the witness's CosignatureVerifier
 * @throws ValidationError `VKEY_INVALID`, `VKEY_ALGORITHM_UNSUPPORTED` (type other than 0x04),
 *   `VKEY_PUBLIC_KEY_INVALID` or `VKEY_KEY_ID_MISMATCH`
 */
export function parseCosignatureVerifierKey(vkey: string): CosignatureVerifier {
  const { name, publicKey } = parseVkey(vkey, SIGNATURE_TYPE_COSIGNATURE_V1)
  return cosignatureVerifier(name, publicKey)
}

/**
 * Formats a witness verifier key (signature type 0x04).
 * @param name the witness name
 * @param publicKey 32-byte Ed25519 public key
 * @returns `<name>+<key id hex>+<base64 of 0x04 ‖ public key>`
 * @throws ValidationError `NOTE_KEY_NAME_INVALID` or `VKEY_PUBLIC_KEY_INVALID`
 */
export function formatCosignatureVerifierKey(name: string, publicKey: Uint8Array): string {
  return formatVkey(name, SIGNATURE_TYPE_COSIGNATURE_V1, publicKey)
}
