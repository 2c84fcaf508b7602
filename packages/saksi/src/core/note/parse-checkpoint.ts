import type { Checkpoint } from './checkpoint.js'
import { parseCheckpointBody } from './parse-checkpoint-body.js'
import { parseNote, type NoteSignature } from './parse-note.js'

/** A checkpoint note taken apart, signatures unchecked. */
export interface ParsedCheckpoint extends Checkpoint {
  /** The checkpoint body (note text), final newline included. */
  text: string
  /** All signature lines, log signature and cosignatures alike. */
  signatures: NoteSignature[]
}

/**
 * Parses a signed checkpoint WITHOUT checking its signatures: for display, routing and for a
 * witness that checks signatures itself. Anything that trusts the contents must use
 * {@link verifyCheckpoint}.
 * @param note the signed checkpoint note, as text or UTF-8 bytes
 * @returns origin, size, root, extension lines, the body text and the signatures
 * @throws ValidationError `NOTE_*` for a malformed note or `CHECKPOINT_*` for a malformed body
 */
export function parseCheckpoint(note: string | Uint8Array): ParsedCheckpoint {
  const { text, signatures } = parseNote(note)
  return { ...parseCheckpointBody(text), text, signatures }
}
