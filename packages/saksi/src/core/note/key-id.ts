import { concatBytes, utf8, isBytes } from '../encoding/bytes.js'
import { sha256 } from '../crypto/sha256.js'
import { noteError } from './note-errors.js'
import { assertKeyName } from './key-name.js'

/** Signature type byte of plain Ed25519 note signatures (C2SP signed-note, "Signature types"). */
export const SIGNATURE_TYPE_ED25519 = 0x01
/** Signature type byte of timestamped Ed25519 witness cosignatures (C2SP tlog-cosignature). */
export const SIGNATURE_TYPE_COSIGNATURE_V1 = 0x04

/**
 * Key id of a key: the first 4 bytes of SHA-256(name ‖ 0x0A ‖ type ‖ public key)
 * (C2SP signed-note, "Signatures").
 * @param name key name
 * @param type signature type byte
 * @param publicKey public key bytes
 * @returns the 4-byte key id
 * @throws ValidationError `NOTE_KEY_NAME_INVALID`
 */
export function keyIdFor(name: string, type: number, publicKey: Uint8Array): Uint8Array {
  assertKeyName(name)
  return sha256(concatBytes(utf8(name), Uint8Array.of(0x0a, type), publicKey)).slice(0, 4)
}

function assertPublicKey(publicKey: unknown): asserts publicKey is Uint8Array {
  if (!isBytes(publicKey) || publicKey.length !== 32) {
    throw noteError('VKEY_PUBLIC_KEY_INVALID', 'an Ed25519 public key is 32 bytes')
  }
}

/**
 * Key id of an Ed25519 note key: SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4] (PROTOCOL section 6).
 * @param name key name, e.g. the log origin
 * @param publicKey 32-byte Ed25519 public key
 * @returns the 4-byte key id
 * @throws ValidationError `NOTE_KEY_NAME_INVALID` or `VKEY_PUBLIC_KEY_INVALID`
 */
export function noteKeyId(name: string, publicKey: Uint8Array): Uint8Array {
  assertPublicKey(publicKey)
  return keyIdFor(name, SIGNATURE_TYPE_ED25519, publicKey)
}

/**
 * Key id of an Ed25519 witness cosigning key: SHA-256(name ‖ 0x0A ‖ 0x04 ‖ public key)[:4]
 * (C2SP tlog-cosignature, "Format").
 * @param name the witness name
 * @param publicKey 32-byte Ed25519 public key
 * @returns the 4-byte key id
 * @throws ValidationError `NOTE_KEY_NAME_INVALID` or `VKEY_PUBLIC_KEY_INVALID`
 */
export function cosignatureKeyId(name: string, publicKey: Uint8Array): Uint8Array {
  assertPublicKey(publicKey)
  return keyIdFor(name, SIGNATURE_TYPE_COSIGNATURE_V1, publicKey)
}
