import type { Checkpoint } from './checkpoint.js'
import { noteError } from './note-errors.js'
import { parseCheckpointBody } from './parse-checkpoint-body.js'
import { parseNote } from './parse-note.js'
import { indexVerifiers, verifyParsedNote, type NoteVerifierInput } from './verify-note.js'

/** Options of {@link verifyCheckpoint}. */
export interface VerifyCheckpointOptions {
  /** The origin the caller expects; a checkpoint of another log is refused. */
  origin?: string
  /**
   * Only keys named after the checkpoint's origin count as log keys (default true, as PROTOCOL
   * section 6 has the node sign with key name = origin). This stops a key trusted for one log
   * from vouching for a checkpoint that claims another log's origin.
   */
  keyNameMustMatchOrigin?: boolean
}

/** A checkpoint whose log signature verified. */
export interface VerifiedCheckpoint extends Checkpoint {
  /** Names of the log keys whose signatures verified. */
  signers: string[]
}

/**
 * Verifies a signed checkpoint: the note is well-formed, its body is a valid checkpoint, the
 * origin is the expected one, and the signatures by known log keys verify (at least one).
 * Cosignatures and other unknown signatures are ignored; see `verifyCosignature` for those.
 * @param note the signed checkpoint note, as text or UTF-8 bytes
 * @param verifiers the log's keys, as verifier key strings or NoteVerifiers
 * @param options expected origin and key-name rule
 * @returns origin, size, root, extension lines and the verified signer names
 * @throws ValidationError `NOTE_*`, `CHECKPOINT_*` or `VKEY_*` for malformed input;
 *   VerificationError `CHECKPOINT_ORIGIN_MISMATCH`, `NOTE_BAD_SIGNATURE` or `NOTE_NO_KNOWN_SIGNATURE`
 */
export function verifyCheckpoint(
  note: string | Uint8Array,
  verifiers: readonly NoteVerifierInput[],
  options: VerifyCheckpointOptions = {},
): VerifiedCheckpoint {
  const known = indexVerifiers(verifiers)
  const parsed = parseNote(note)
  const checkpoint = parseCheckpointBody(parsed.text)
  if (options.origin !== undefined && checkpoint.origin !== options.origin) {
    throw noteError('CHECKPOINT_ORIGIN_MISMATCH', 'the checkpoint is for another log', {
      expected: options.origin,
      actual: checkpoint.origin,
    })
  }
  if (options.keyNameMustMatchOrigin ?? true) {
    for (const [id, v] of known) if (v.name !== checkpoint.origin) known.delete(id)
  }
  const { signers } = verifyParsedNote(parsed, known)
  return { ...checkpoint, signers }
}
