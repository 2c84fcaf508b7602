import { toBase64 } from '../encoding/base64.js'
import { concatBytes, utf8, isBytes } from '../encoding/bytes.js'
import { toHex } from '../encoding/hex.js'
import { isSaksiError } from '../errors.js'
import type { Signer } from '../keys/key-pair.js'
import { noteError } from './note-errors.js'
import { isValidKeyName } from './key-name.js'
import { noteKeyId } from './key-id.js'
import { NOTE_MAX_BYTES, NOTE_MAX_SIGNATURES, assertNoteText } from './note-text.js'

/** Something that signs note text under a key name and key id. */
export interface NoteSigner {
  /** Key name written in the signature line. */
  readonly name: string
  /** 4-byte key id written before the signature bytes. */
  readonly keyId: Uint8Array
  /**
   * Signs a message.
   * @param message the bytes to sign (for plain notes: the UTF-8 note text)
   * @returns the signature bytes (without the key id)
   */
  sign(message: Uint8Array): Uint8Array
}

/**
 * Wraps a Saksi Ed25519 signer as a note signer (signature type 0x01).
 * @param name key name (for a node's checkpoints: the log origin, PROTOCOL section 6)
 * @param signer a key pair or wallet with `publicKey` and `sign`
 * @returns a NoteSigner whose key id is {@link noteKeyId} of the name and public key
 * @throws ValidationError `NOTE_KEY_NAME_INVALID` or `NOTE_SIGNER_INVALID`
 */
export function noteSignerFromSigner(name: string, signer: Pick<Signer, 'publicKey' | 'sign'>): NoteSigner {
  assertSigningKey(signer)
  const keyId = noteKeyId(name, signer.publicKey)
  return { name, keyId, sign: (message) => signer.sign(message) }
}

/**
 * Signs a text with one or more keys, producing a C2SP signed note: the text, a blank line and one
 * signature line `— <name> <base64(key id ‖ signature)>` per signer, in the order given.
 * @param text the note text; must end in a newline
 * @param signers one or more signers with distinct (name, key id)
 * @returns the signed note
 * @throws ValidationError `NOTE_TEXT_INVALID`, `NOTE_INVALID_CHARACTER`, `NOTE_TOO_LARGE`,
 *   `NOTE_SIGNER_INVALID` or `NOTE_TOO_MANY_SIGNATURES`; SaksiError `NOTE_SIGNER_FAILED`
 */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  assertNoteText(text)
  if (!Array.isArray(signers) || signers.length === 0) throw noteError('NOTE_SIGNER_INVALID', 'a note needs at least one signer')
  if (signers.length > NOTE_MAX_SIGNATURES) {
    throw noteError('NOTE_TOO_MANY_SIGNATURES', `a note carries at most ${NOTE_MAX_SIGNATURES} signatures`, { limit: NOTE_MAX_SIGNATURES })
  }
  const message = utf8(text)
  const seen = new Set<string>()
  let note = text + '\n'
  for (const signer of signers) {
    checkSigner(signer, seen)
    note += signatureLine(signer.name, concatBytes(signer.keyId, callSigner(signer, message)))
  }
  if (note.length > NOTE_MAX_BYTES || utf8(note).length > NOTE_MAX_BYTES) {
    throw noteError('NOTE_TOO_LARGE', `the signed note would be larger than ${NOTE_MAX_BYTES} bytes`, { limit: NOTE_MAX_BYTES })
  }
  return note
}

/**
 * Formats one signature line, newline included.
 * @param name a valid key name
 * @param bytes key id ‖ signature
 * @returns `— <name> <base64>\n`
 */
export function signatureLine(name: string, bytes: Uint8Array): string {
  return `\u2014 ${name} ${toBase64(bytes)}\n`
}

function checkSigner(signer: NoteSigner, seen: Set<string>): void {
  if (typeof signer !== 'object' || signer === null || typeof signer.sign !== 'function') {
    throw noteError('NOTE_SIGNER_INVALID', 'a note signer has name, keyId and sign')
  }
  if (!isValidKeyName(signer.name)) throw noteError('NOTE_SIGNER_INVALID', 'a note signer has an invalid key name')
  if (!isBytes(signer.keyId) || signer.keyId.length !== 4) {
    throw noteError('NOTE_SIGNER_INVALID', 'a note signer key id is 4 bytes', { name: signer.name })
  }
  const id = `${signer.name}+${toHex(signer.keyId)}`
  if (seen.has(id)) throw noteError('NOTE_SIGNER_INVALID', 'the same key signs twice', { key: id })
  seen.add(id)
}

/**
 * Throws unless `signer` looks like an Ed25519 signer: a 32-byte `publicKey` and a `sign` function.
 * @param signer candidate signer
 * @throws ValidationError `NOTE_SIGNER_INVALID`
 */
export function assertSigningKey(signer: unknown): asserts signer is Pick<Signer, 'publicKey' | 'sign'> {
  const s = signer as Partial<Signer> | null
  if (typeof s !== 'object' || s === null || typeof s.sign !== 'function' || !isBytes(s.publicKey) || s.publicKey.length !== 32) {
    throw noteError('NOTE_SIGNER_INVALID', 'a signer has a 32-byte Ed25519 publicKey and a sign function')
  }
}

/**
 * Calls a signer, turning anything but a non-empty byte array into a coded error.
 * @param signer the signer
 * @param message bytes to sign
 * @returns the signature
 * @throws SaksiError `NOTE_SIGNER_FAILED` (a SaksiError thrown by the signer passes through)
 */
export function callSigner(signer: { sign(message: Uint8Array): Uint8Array }, message: Uint8Array): Uint8Array {
  let signature: unknown
  try {
    signature = signer.sign(message)
  } catch (e) {
    if (isSaksiError(e)) throw e
    throw noteError('NOTE_SIGNER_FAILED', `the signer failed: ${e instanceof Error ? e.message : String(e)}`)
  }
  if (!isBytes(signature) || signature.length === 0) {
    throw noteError('NOTE_SIGNER_FAILED', 'the signer did not return signature bytes')
  }
  return signature
}
