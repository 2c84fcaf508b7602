/**
 * C2SP signed notes, tlog checkpoints and tlog cosignatures (PROTOCOL section 6). Browser-safe.
 */
export { NOTE_ERROR_CODES, type NoteErrorCode } from './note-errors.js'
export { isValidKeyName } from './key-name.js'
export { SIGNATURE_TYPE_ED25519, SIGNATURE_TYPE_COSIGNATURE_V1, noteKeyId, cosignatureKeyId } from './key-id.js'
export { NOTE_MAX_BYTES, NOTE_MAX_SIGNATURES } from './note-text.js'
export { parseVerifierKey, formatVerifierKey, ed25519NoteVerifier, type NoteVerifier } from './verifier-key.js'
export { parseNote, type ParsedNote, type NoteSignature } from './parse-note.js'
export { signNote, noteSignerFromSigner, type NoteSigner } from './sign-note.js'
export { verifyNote, type VerifiedNote, type NoteVerifierInput } from './verify-note.js'
export type { Checkpoint } from './checkpoint.js'
export { formatCheckpointBody, type CheckpointInput } from './format-checkpoint-body.js'
export { parseCheckpointBody } from './parse-checkpoint-body.js'
export { signCheckpoint } from './sign-checkpoint.js'
export { parseCheckpoint, type ParsedCheckpoint } from './parse-checkpoint.js'
export { verifyCheckpoint, type VerifyCheckpointOptions, type VerifiedCheckpoint } from './verify-checkpoint.js'
export { COSIGNATURE_MAX_TIMESTAMP, cosignatureMessage } from './cosignature-message.js'
export {
  COSIGNATURE_LENGTH,
  cosignatureVerifier,
  parseCosignatureVerifierKey,
  formatCosignatureVerifierKey,
  type CosignatureVerifier,
} from './cosignature-key.js'
export { cosignCheckpoint } from './cosign-checkpoint.js'
export { verifyCosignature, type VerifyCosignatureOptions } from './verify-cosignature.js'
