import type { Signer } from '../keys/key-pair.js'
import { formatCheckpointBody, type CheckpointInput } from './format-checkpoint-body.js'
import { noteSignerFromSigner, signNote } from './sign-note.js'

/**
 * Signs a checkpoint as a C2SP signed note with Ed25519 (PROTOCOL section 6).
 * @param checkpoint origin, size, 32-byte root and optional extension lines
 * @param signer the log's key (`publicKey` and `sign`)
 * @param keyName the key name in the signature line; defaults to the origin, as PROTOCOL requires
 * @returns the signed checkpoint note
 * @throws ValidationError `CHECKPOINT_*`, `NOTE_KEY_NAME_INVALID`, `NOTE_SIGNER_INVALID` or
 *   `NOTE_TOO_LARGE`; SaksiError `NOTE_SIGNER_FAILED`
 */
export function signCheckpoint(checkpoint: CheckpointInput, signer: Pick<Signer, 'publicKey' | 'sign'>, keyName?: string): string {
  const body = formatCheckpointBody(checkpoint)
  return signNote(body, [noteSignerFromSigner(keyName ?? checkpoint.origin, signer)])
}
