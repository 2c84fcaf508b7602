import { noteError } from './note-errors.js'
import { assertExtensionLine, assertOrigin, parseRootHash, parseTreeSize, type Checkpoint } from './checkpoint.js'
import { assertNoteText } from './note-text.js'

/**
 * Parses checkpoint note text strictly (C2SP tlog-checkpoint, "Note text"): at least three
 * newline-terminated lines — origin, decimal tree size without leading zeros, canonical base64 of a
 * 32-byte root — then optional non-empty extension lines.
 * @param text the checkpoint body, i.e. the note text without signatures
 * @returns origin, size, root and extension lines
 * @throws ValidationError `CHECKPOINT_MALFORMED`, `CHECKPOINT_ORIGIN_INVALID`,
 *   `CHECKPOINT_SIZE_INVALID`, `CHECKPOINT_ROOT_INVALID`, `CHECKPOINT_EXTENSION_INVALID`,
 *   `NOTE_TOO_LARGE` or `NOTE_INVALID_CHARACTER`
 */
export function parseCheckpointBody(text: string): Checkpoint {
  if (typeof text !== 'string' || !text.endsWith('\n')) {
    throw noteError('CHECKPOINT_MALFORMED', 'a checkpoint body is newline-terminated text')
  }
  assertNoteText(text)
  const lines = text.slice(0, -1).split('\n')
  const [origin, sizeLine, rootLine, ...extensions] = lines
  if (origin === undefined || sizeLine === undefined || rootLine === undefined) {
    throw noteError('CHECKPOINT_MALFORMED', 'a checkpoint body has at least three lines: origin, size and root')
  }
  assertOrigin(origin)
  const size = parseTreeSize(sizeLine)
  const root = parseRootHash(rootLine)
  for (const line of extensions) assertExtensionLine(line)
  return { origin, size, root, extensions }
}
