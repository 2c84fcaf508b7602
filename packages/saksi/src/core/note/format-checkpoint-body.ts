import { toBase64 } from '../encoding/base64.js'
import { noteError } from './note-errors.js'
import { assertExtensionLine, assertOrigin, assertTreeSize, type Checkpoint } from './checkpoint.js'
import { assertNoteText } from './note-text.js'
import { isBytes } from '../encoding/bytes.js'

/** What {@link formatCheckpointBody} takes: a checkpoint whose extensions may be left out. */
export type CheckpointInput = Omit<Checkpoint, 'extensions'> & { extensions?: readonly string[] }

/**
 * Formats the note text of a checkpoint: `<origin>\n<size>\n<base64 root>\n`, then any extension
 * lines (C2SP tlog-checkpoint, "Note text"; PROTOCOL section 6).
 * @param checkpoint origin, size, 32-byte root and optional extension lines
 * @returns the checkpoint body, final newline included
 * @throws ValidationError `CHECKPOINT_ORIGIN_INVALID`, `CHECKPOINT_SIZE_INVALID`,
 *   `CHECKPOINT_ROOT_INVALID`, `CHECKPOINT_EXTENSION_INVALID` or `NOTE_TOO_LARGE`
 */
export function formatCheckpointBody(checkpoint: CheckpointInput): string {
  if (typeof checkpoint !== 'object' || checkpoint === null) throw noteError('CHECKPOINT_MALFORMED', 'a checkpoint is an object')
  const { origin, size, root } = checkpoint
  const extensions = checkpoint.extensions ?? []
  assertOrigin(origin)
  assertTreeSize(size)
  if (!isBytes(root) || root.length !== 32) throw noteError('CHECKPOINT_ROOT_INVALID', 'the root hash is 32 bytes')
  if (!Array.isArray(extensions)) throw noteError('CHECKPOINT_EXTENSION_INVALID', 'extensions must be an array of lines')
  let body = `${origin}\n${size}\n${toBase64(root)}\n`
  for (const line of extensions as readonly unknown[]) {
    assertExtensionLine(line)
    body += `${line}\n`
  }
  assertNoteText(body)
  return body
}
