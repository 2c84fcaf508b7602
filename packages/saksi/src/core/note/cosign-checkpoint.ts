import { concatBytes, utf8 } from '../encoding/bytes.js'
import type { Signer } from '../keys/key-pair.js'
import { noteError } from './note-errors.js'
import { cosignatureKeyId } from './key-id.js'
import { cosignatureMessageBytes, toTimestamp } from './cosignature-message.js'
import { parseCheckpointBody } from './parse-checkpoint-body.js'
import { parseNote } from './parse-note.js'
import { assertSigningKey, callSigner, signatureLine } from './sign-note.js'

/**
 * Cosigns a checkpoint as a witness (C2SP tlog-cosignature v1, Ed25519): signs
 * `cosignature/v1\ntime <timestamp>\n` ‖ checkpoint body and returns the signature line
 * `— <name> base64(key id ‖ u64 big-endian timestamp ‖ signature)`. Only the body is signed, never
 * other signature lines. This does NOT check the log's signature or consistency: a witness must
 * do both before calling it.
 * @param checkpoint a signed checkpoint note, or its body alone (a body has no blank line)
 * @param signer the witness's key (`publicKey` and `sign`)
 * @param name the witness name (its key name)
 * @param timestampSeconds POSIX seconds at signing
 * @returns the cosignature line, newline included, ready to append to the note
 * @throws ValidationError `NOTE_*` or `CHECKPOINT_*` for a malformed checkpoint,
 *   `NOTE_KEY_NAME_INVALID`, `NOTE_SIGNER_INVALID` or `COSIGNATURE_TIMESTAMP_INVALID`;
 *   SaksiError `NOTE_SIGNER_FAILED`
 */
export function cosignCheckpoint(
  checkpoint: string,
  signer: Pick<Signer, 'publicKey' | 'sign'>,
  name: string,
  timestampSeconds: number,
): string {
  assertSigningKey(signer)
  const keyId = cosignatureKeyId(name, signer.publicKey)
  const ts = toTimestamp(timestampSeconds)
  if (typeof checkpoint !== 'string') throw noteError('CHECKPOINT_MALFORMED', 'a checkpoint is text')
  // Checkpoint lines are never empty, so a blank line means signatures follow.
  const body = checkpoint.includes('\n\n') ? parseNote(checkpoint).text : checkpoint
  parseCheckpointBody(body)
  const signature = callSigner(signer, cosignatureMessageBytes(utf8(body), ts))
  if (signature.length !== 64) throw noteError('NOTE_SIGNER_FAILED', 'an Ed25519 signature is 64 bytes')
  const timestamp = new Uint8Array(8)
  new DataView(timestamp.buffer).setBigUint64(0, ts, false)
  return signatureLine(name, concatBytes(keyId, timestamp, signature))
}
