import { utf8, isBytes } from '../encoding/bytes.js'
import { noteError } from './note-errors.js'

/**
 * Largest note accepted or produced, in UTF-8 bytes. C2SP signed-note asks verifiers to accept at
 * least 16 signatures, which can be near 5 kB each for post-quantum keys; 256 KiB leaves room.
 */
export const NOTE_MAX_BYTES = 256 * 1024

/** Most signature lines accepted in one note (golang.org/x/mod/sumdb/note stops at 100 too). */
export const NOTE_MAX_SIGNATURES = 100

// ignoreBOM keeps a leading U+FEFF as text: the signature covers the bytes, so dropping it would
// change what is verified.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Turns a note as received (text or UTF-8 bytes) into text, enforcing the size limit and the
 * character rules of C2SP signed-note ("Format": valid UTF-8, no ASCII control characters other
 * than newline).
 * @param input note text or its UTF-8 bytes
 * @returns the text
 * @throws ValidationError `NOTE_MALFORMED`, `NOTE_TOO_LARGE` or `NOTE_INVALID_CHARACTER`
 */
export function decodeNoteInput(input: unknown): string {
  let text: string
  if (typeof input === 'string') {
    // A string's UTF-8 form is never shorter than its UTF-16 length, so this rejects early.
    if (input.length > NOTE_MAX_BYTES || utf8ByteLength(input) > NOTE_MAX_BYTES) throw tooLarge()
    text = input
  } else if (isBytes(input)) {
    if (input.length > NOTE_MAX_BYTES) throw tooLarge()
    try {
      text = strictUtf8.decode(input)
    } catch {
      throw noteError('NOTE_INVALID_CHARACTER', 'the note is not valid UTF-8')
    }
  } else {
    throw noteError('NOTE_MALFORMED', 'a note must be a string or UTF-8 bytes')
  }
  assertNoteCharacters(text)
  return text
}

/**
 * Throws unless `text` is well-formed Unicode without ASCII control characters other than newline.
 * @param text the text to check
 * @throws ValidationError `NOTE_INVALID_CHARACTER`
 */
export function assertNoteCharacters(text: string): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20 && c !== 0x0a) {
      throw noteError('NOTE_INVALID_CHARACTER', `the note holds control character U+${c.toString(16).padStart(4, '0')}`, { position: i })
    }
  }
  // A lone surrogate has no UTF-8 encoding, so it cannot be part of a signed note.
  if (!text.isWellFormed()) throw noteError('NOTE_INVALID_CHARACTER', 'the note holds a lone surrogate')
}

/**
 * Throws unless `text` can be the text of a signed note: a string, non-empty, ending in a newline,
 * within the size limit and made of allowed characters. Any such text round-trips, because a
 * parser splits at the last blank line and signature lines never hold one.
 * @param text the note text
 * @throws ValidationError `NOTE_TEXT_INVALID`, `NOTE_TOO_LARGE` or `NOTE_INVALID_CHARACTER`
 */
export function assertNoteText(text: unknown): asserts text is string {
  if (typeof text !== 'string' || !text.endsWith('\n')) {
    throw noteError('NOTE_TEXT_INVALID', 'the note text must be a string ending in a newline')
  }
  if (text.length > NOTE_MAX_BYTES || utf8ByteLength(text) > NOTE_MAX_BYTES) throw tooLarge()
  assertNoteCharacters(text)
}

function utf8ByteLength(text: string): number {
  return utf8(text).length
}

function tooLarge() {
  return noteError('NOTE_TOO_LARGE', `the note is larger than ${NOTE_MAX_BYTES} bytes`, { limit: NOTE_MAX_BYTES })
}
