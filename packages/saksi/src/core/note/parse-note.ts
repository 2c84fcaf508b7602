import { fromBase64 } from '../encoding/base64.js'
import { noteError } from './note-errors.js'
import { isValidKeyName } from './key-name.js'
import { NOTE_MAX_SIGNATURES, decodeNoteInput } from './note-text.js'

/** One signature line of a note, verified or not. */
export interface NoteSignature {
  /** Key name. */
  name: string
  /** 4-byte key id. */
  keyId: Uint8Array
  /** The signature bytes after the key id. */
  signature: Uint8Array
}

/** A note split into its text and its (unverified) signatures. */
export interface ParsedNote {
  /** The signed text, final newline included, separating blank line excluded. */
  text: string
  /** The signature lines, in order. */
  signatures: NoteSignature[]
}

const SIGNATURE_PREFIX = '\u2014 '

/**
 * Splits a signed note into its text and signature lines WITHOUT checking any signature
 * (C2SP signed-note, "Format"; parsing as golang.org/x/mod/sumdb/note `Open`). The text is
 * separated from the signatures by the last blank line; the text must be ignored unless a trusted
 * key's signature verifies, so use {@link verifyNote} for anything that matters.
 * @param note the signed note, as text or UTF-8 bytes
 * @returns the text and the signatures
 * @throws ValidationError `NOTE_MALFORMED`, `NOTE_TOO_LARGE`, `NOTE_INVALID_CHARACTER`,
 *   `NOTE_TOO_MANY_SIGNATURES` or `NOTE_SIGNATURE_MALFORMED`
 */
export function parseNote(note: string | Uint8Array): ParsedNote {
  const input = decodeNoteInput(note)
  const split = input.lastIndexOf('\n\n')
  if (split < 0) throw noteError('NOTE_MALFORMED', 'the note has no blank line before its signatures')
  const text = input.slice(0, split + 1)
  const block = input.slice(split + 2)
  if (block === '' || !block.endsWith('\n')) {
    throw noteError('NOTE_MALFORMED', 'the signature block must be one or more newline-terminated lines')
  }
  const lines = block.slice(0, -1).split('\n')
  if (lines.length > NOTE_MAX_SIGNATURES) {
    throw noteError('NOTE_TOO_MANY_SIGNATURES', `the note has more than ${NOTE_MAX_SIGNATURES} signatures`, {
      limit: NOTE_MAX_SIGNATURES,
      count: lines.length,
    })
  }
  return { text, signatures: lines.map(parseSignatureLine) }
}

function parseSignatureLine(line: string, index: number): NoteSignature {
  const bad = (why: string) => noteError('NOTE_SIGNATURE_MALFORMED', `signature line ${index + 1} ${why}`, { line: index + 1 })
  if (!line.startsWith(SIGNATURE_PREFIX)) throw bad('does not start with an em dash and a space')
  const rest = line.slice(SIGNATURE_PREFIX.length)
  const space = rest.indexOf(' ')
  if (space < 0) throw bad('has no space between the key name and the signature')
  const name = rest.slice(0, space)
  if (!isValidKeyName(name)) throw bad('has an invalid key name')
  let bytes: Uint8Array
  try {
    bytes = fromBase64(rest.slice(space + 1))
  } catch {
    throw bad('has a signature that is not canonical base64')
  }
  // A key id and at least one byte of signature, as in golang.org/x/mod/sumdb/note.
  if (bytes.length < 5) throw bad('has a signature shorter than a key id and one byte')
  return { name, keyId: bytes.slice(0, 4), signature: bytes.slice(4) }
}
