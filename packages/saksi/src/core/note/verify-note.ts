import { bytesEqual, utf8, isBytes } from '../encoding/bytes.js'
import { toHex } from '../encoding/hex.js'
import { noteError } from './note-errors.js'
import { isValidKeyName } from './key-name.js'
import { parseNote, type NoteSignature, type ParsedNote } from './parse-note.js'
import { parseVerifierKey, type NoteVerifier } from './verifier-key.js'

/** A note whose signatures by known keys all verified. */
export interface VerifiedNote {
  /** The signed text, final newline included. */
  text: string
  /** Names of the known keys whose signatures verified, each once, in note order. */
  signers: string[]
  /** The verified signatures, in note order. */
  signatures: NoteSignature[]
  /** Signatures by keys not among the verifiers (ignored, as the spec requires). */
  unverified: NoteSignature[]
}

/** A verifier as callers may give it: a verifier key string or a parsed verifier. */
export type NoteVerifierInput = string | NoteVerifier

/**
 * Opens a signed note with a set of known keys (C2SP signed-note, "Signatures"): signatures by
 * unknown keys are ignored, even if they share a name or a key id (but not both) with a known key;
 * every signature by a known key must verify; at least one must exist.
 * @param note the signed note, as text or UTF-8 bytes
 * @param verifiers known keys, as verifier key strings or NoteVerifiers
 * @returns the text, the names of the verified signers and the signatures
 * @throws ValidationError for a malformed note (`NOTE_*`) or verifier (`VKEY_*`,
 *   `NOTE_VERIFIER_INVALID`, `NOTE_VERIFIER_AMBIGUOUS`); VerificationError `NOTE_BAD_SIGNATURE`
 *   or `NOTE_NO_KNOWN_SIGNATURE`
 */
export function verifyNote(note: string | Uint8Array, verifiers: readonly NoteVerifierInput[]): VerifiedNote {
  const known = indexVerifiers(verifiers)
  return verifyParsedNote(parseNote(note), known)
}

/**
 * Indexes verifiers by (name, key id), parsing strings and refusing two different keys under one
 * (name, key id), as golang.org/x/mod/sumdb/note `VerifierList` does.
 * @param verifiers verifier key strings or NoteVerifiers
 * @returns a map from `name+keyidhex` to verifier
 * @throws ValidationError `VKEY_*`, `NOTE_VERIFIER_INVALID` or `NOTE_VERIFIER_AMBIGUOUS`
 */
export function indexVerifiers(verifiers: readonly NoteVerifierInput[]): Map<string, NoteVerifier> {
  if (!Array.isArray(verifiers)) throw noteError('NOTE_VERIFIER_INVALID', 'verifiers must be an array')
  const known = new Map<string, NoteVerifier>()
  for (const input of verifiers as readonly unknown[]) {
    const v = typeof input === 'string' ? parseVerifierKey(input) : checkVerifier(input)
    const id = verifierId(v.name, v.keyId)
    const other = known.get(id)
    if (other && (other.type !== v.type || !bytesEqual(other.publicKey, v.publicKey))) {
      throw noteError('NOTE_VERIFIER_AMBIGUOUS', 'two different keys share a key name and key id', { key: id })
    }
    if (!other) known.set(id, v)
  }
  return known
}

/**
 * Checks the signatures of a parsed note against indexed verifiers (see {@link verifyNote}).
 * @param parsed the parsed note
 * @param known verifiers indexed by {@link indexVerifiers}
 * @returns the verified note
 * @throws VerificationError `NOTE_BAD_SIGNATURE` or `NOTE_NO_KNOWN_SIGNATURE`
 */
export function verifyParsedNote(parsed: ParsedNote, known: ReadonlyMap<string, NoteVerifier>): VerifiedNote {
  const message = utf8(parsed.text)
  const signatures: NoteSignature[] = []
  const unverified: NoteSignature[] = []
  const signers: string[] = []
  for (const sig of parsed.signatures) {
    const id = verifierId(sig.name, sig.keyId)
    const verifier = known.get(id)
    if (!verifier) {
      unverified.push(sig)
      continue
    }
    // Every signature by a known key is checked, repeats included: one bad one rejects the note.
    if (!safeVerify(verifier, message, sig.signature)) {
      throw noteError('NOTE_BAD_SIGNATURE', `the signature by ${id} does not verify`, { key: id })
    }
    signatures.push(sig)
    if (!signers.includes(sig.name)) signers.push(sig.name)
  }
  if (signatures.length === 0) {
    throw noteError('NOTE_NO_KNOWN_SIGNATURE', 'the note has no signature by a known key', {
      signatures: parsed.signatures.map((s) => verifierId(s.name, s.keyId)),
    })
  }
  return { text: parsed.text, signers, signatures, unverified }
}

/**
 * The lookup id of a key: `<name>+<key id hex>`, the prefix of its verifier key.
 * @param name key name
 * @param keyId 4-byte key id
 * @returns the id string
 */
export function verifierId(name: string, keyId: Uint8Array): string {
  return `${name}+${toHex(keyId)}`
}

// A caller's verifier that throws is treated as one that says no, so no raw error escapes.
function safeVerify(verifier: NoteVerifier, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verifier.verify(message, signature) === true
  } catch {
    return false
  }
}

function checkVerifier(input: unknown): NoteVerifier {
  const v = input as Partial<NoteVerifier> | null
  if (
    typeof v !== 'object' ||
    v === null ||
    !isValidKeyName(v.name) ||
    !isBytes(v.keyId) ||
    v.keyId.length !== 4 ||
    !isBytes(v.publicKey) ||
    typeof v.type !== 'number' ||
    typeof v.verify !== 'function'
  ) {
    throw noteError('NOTE_VERIFIER_INVALID', 'a verifier is a verifier key string or a NoteVerifier')
  }
  return v as NoteVerifier
}
