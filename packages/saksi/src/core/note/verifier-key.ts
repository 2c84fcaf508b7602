import { ed25519Verify } from '../crypto/ed25519.js'
import { SIGNATURE_TYPE_ED25519 } from './key-id.js'
import { formatVkey, parseVkey } from './vkey.js'

/**
 * A known key that can check note signatures. `name` and `keyId` pick out the signature lines it
 * is responsible for; `verify` never throws.
 */
export interface NoteVerifier {
  /** Key name, as it appears in signature lines. */
  readonly name: string
  /** 4-byte key id, as it prefixes the signature bytes. */
  readonly keyId: Uint8Array
  /** 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array
  /** Signature type byte (0x01 for plain Ed25519, 0x04 for cosignatures). */
  readonly type: number
  /**
   * Checks a signature (the bytes after the key id) over the note text.
   * @param message UTF-8 bytes of the note text, final newline included
   * @param signature signature bytes, key id removed
   * @returns true when the signature verifies; false for anything else
   */
  verify(message: Uint8Array, signature: Uint8Array): boolean
}

/**
 * Builds the verifier of a plain Ed25519 note key.
 * @param name key name
 * @param keyId 4-byte key id
 * @param publicKey 32-byte Ed25519 public key
 * @returns a NoteVerifier of type 0x01
 */
export function ed25519NoteVerifier(name: string, keyId: Uint8Array, publicKey: Uint8Array): NoteVerifier {
  const key = publicKey.slice()
  return {
    name,
    keyId: keyId.slice(),
    publicKey: key,
    type: SIGNATURE_TYPE_ED25519,
    verify: (message, signature) => ed25519Verify(key, message, signature),
  }
}

/**
 * Parses an Ed25519 verifier key `<name>+<8 hex digits of key id>+<base64 of 0x01 ‖ public key>`
 * (PROTOCOL section 6) into a verifier.
 * @param vkey the verifier key string
 * @returns the key's name, key id, public key and a `verify` function
 * @throws ValidationError `VKEY_INVALID`, `VKEY_ALGORITHM_UNSUPPORTED`, `VKEY_PUBLIC_KEY_INVALID`
 *   or `VKEY_KEY_ID_MISMATCH`
 */
export function parseVerifierKey(vkey: string): NoteVerifier {
  const { name, keyId, publicKey } = parseVkey(vkey, SIGNATURE_TYPE_ED25519)
  return ed25519NoteVerifier(name, keyId, publicKey)
}

/**
 * Formats the verifier key of an Ed25519 note key.
 * @param name key name (for a Saksi node: the log origin)
 * @param publicKey 32-byte Ed25519 public key
 * @returns `<name>+<8 hex digits of key id>+<base64 of 0x01 ‖ public key>`
 * @throws ValidationError `NOTE_KEY_NAME_INVALID` or `VKEY_PUBLIC_KEY_INVALID`
 */
export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  return formatVkey(name, SIGNATURE_TYPE_ED25519, publicKey)
}
