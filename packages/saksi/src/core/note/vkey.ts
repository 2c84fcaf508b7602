import { fromBase64, toBase64 } from '../encoding/base64.js'
import { bytesEqual, concatBytes, isBytes } from '../encoding/bytes.js'
import { fromHex, toHex } from '../encoding/hex.js'
import { noteError } from './note-errors.js'
import { assertKeyName, isValidKeyName } from './key-name.js'
import { keyIdFor } from './key-id.js'

/** The parts of a verifier key string, checked but not yet bound to a verification algorithm. */
export interface VkeyParts {
  /** Key name. */
  name: string
  /** 4-byte key id. */
  keyId: Uint8Array
  /** 32-byte Ed25519 public key (without the type byte). */
  publicKey: Uint8Array
}

const KEY_ID_HEX = /^[0-9a-fA-F]{8}$/

/**
 * Parses `<name>+<8 hex digits of key id>+<base64 of type ‖ 32-byte public key>` and checks the
 * type byte, the key length and the key id (C2SP signed-note, "Verifier keys";
 * golang.org/x/mod/sumdb/note `NewVerifier`). Splits on the first two `+` only: names cannot hold
 * `+`, but base64 can.
 * @param vkey the verifier key string
 * @param expectedType the signature type byte this caller supports
 * @returns the name, key id and public key
 * @throws ValidationError `VKEY_INVALID`, `VKEY_ALGORITHM_UNSUPPORTED`, `VKEY_PUBLIC_KEY_INVALID`
 *   or `VKEY_KEY_ID_MISMATCH`
 */
export function parseVkey(vkey: unknown, expectedType: number): VkeyParts {
  if (typeof vkey !== 'string') throw noteError('VKEY_INVALID', 'a verifier key must be a string')
  const first = vkey.indexOf('+')
  const second = first < 0 ? -1 : vkey.indexOf('+', first + 1)
  if (second < 0) throw noteError('VKEY_INVALID', 'a verifier key is <name>+<key id>+<key>')
  const name = vkey.slice(0, first)
  const idHex = vkey.slice(first + 1, second)
  const keyText = vkey.slice(second + 1)
  if (!isValidKeyName(name)) throw noteError('VKEY_INVALID', 'the verifier key name is empty or holds spaces or control characters')
  if (!KEY_ID_HEX.test(idHex)) throw noteError('VKEY_INVALID', 'the verifier key id is not 8 hex digits', { name })
  let key: Uint8Array
  try {
    key = fromBase64(keyText)
  } catch {
    throw noteError('VKEY_INVALID', 'the verifier key material is not canonical base64', { name })
  }
  if (key.length === 0) throw noteError('VKEY_INVALID', 'the verifier key material is empty', { name })
  if (key[0] !== expectedType) {
    throw noteError('VKEY_ALGORITHM_UNSUPPORTED', `the verifier key type is ${key[0]}, expected ${expectedType}`, {
      name,
      type: key[0],
      expected: expectedType,
    })
  }
  const publicKey = key.slice(1)
  if (publicKey.length !== 32) {
    throw noteError('VKEY_PUBLIC_KEY_INVALID', 'the verifier key does not hold a 32-byte Ed25519 public key', { name, length: publicKey.length })
  }
  const keyId = fromHex(idHex.toLowerCase(), 4)
  const computed = keyIdFor(name, expectedType, publicKey)
  if (!bytesEqual(keyId, computed)) {
    throw noteError('VKEY_KEY_ID_MISMATCH', 'the key id does not match the key name and public key', {
      name,
      keyId: toHex(keyId),
      computed: toHex(computed),
    })
  }
  return { name, keyId, publicKey }
}

/**
 * Formats a verifier key string for a name, type byte and 32-byte public key.
 * @param name key name
 * @param type signature type byte
 * @param publicKey 32-byte Ed25519 public key
 * @returns `<name>+<key id hex>+<base64 of type ‖ public key>`
 * @throws ValidationError `NOTE_KEY_NAME_INVALID` or `VKEY_PUBLIC_KEY_INVALID`
 */
export function formatVkey(name: string, type: number, publicKey: Uint8Array): string {
  assertKeyName(name)
  if (!isBytes(publicKey) || publicKey.length !== 32) {
    throw noteError('VKEY_PUBLIC_KEY_INVALID', 'an Ed25519 public key is 32 bytes')
  }
  const keyId = keyIdFor(name, type, publicKey)
  return `${name}+${toHex(keyId)}+${toBase64(concatBytes(Uint8Array.of(type), publicKey))}`
}
