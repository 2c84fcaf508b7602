import { bytesEqual, utf8, isBytes } from '../encoding/bytes.js'
import { noteError } from './note-errors.js'
import { cosignatureTimestamp, parseCosignatureVerifierKey, type CosignatureVerifier } from './cosignature-key.js'
import { parseCheckpointBody } from './parse-checkpoint-body.js'
import { parseNote } from './parse-note.js'
import { verifierId } from './verify-note.js'

/** Options of {@link verifyCosignature}. */
export interface VerifyCosignatureOptions {
  /** Latest acceptable timestamp, POSIX seconds (the spec lets verifiers refuse future ones). */
  notAfter?: number
}

/**
 * Verifies a witness's cosignature on a checkpoint (C2SP tlog-cosignature v1, Ed25519). Finds the
 * signature lines with the witness's name and key id, checks each over
 * `cosignature/v1\ntime <t>\n` ‖ checkpoint body, and returns the timestamp. To check lines a
 * witness returned before appending them, pass `body + "\n" + lines`.
 * @param note the checkpoint note carrying the cosignature
 * @param witness the witness's verifier key string (type 0x04) or CosignatureVerifier
 * @param options `notAfter` to refuse timestamps later than a given time
 * @returns the cosignature timestamp in POSIX seconds (the latest, if the witness signed twice)
 * @throws ValidationError `NOTE_*`, `CHECKPOINT_*`, `VKEY_*`, `COSIGNATURE_MALFORMED` or
 *   `COSIGNATURE_TIMESTAMP_INVALID`; VerificationError `COSIGNATURE_MISSING`,
 *   `COSIGNATURE_INVALID` or `COSIGNATURE_FROM_FUTURE`
 */
export function verifyCosignature(
  note: string | Uint8Array,
  witness: string | CosignatureVerifier,
  options: VerifyCosignatureOptions = {},
): number {
  if (options.notAfter !== undefined && typeof options.notAfter !== 'number') {
    throw noteError('COSIGNATURE_TIMESTAMP_INVALID', 'notAfter is a number of seconds')
  }
  const verifier = typeof witness === 'string' ? parseCosignatureVerifierKey(witness) : checkWitness(witness)
  const id = verifierId(verifier.name, verifier.keyId)
  const { text, signatures } = parseNote(note)
  parseCheckpointBody(text)
  const mine = signatures.filter((s) => s.name === verifier.name && bytesEqual(s.keyId, verifier.keyId))
  if (mine.length === 0) throw noteError('COSIGNATURE_MISSING', `the note has no cosignature by ${id}`, { key: id })
  const message = utf8(text)
  let latest = -1
  for (const sig of mine) {
    const ts = cosignatureTimestamp(sig.signature)
    if (ts === undefined) {
      throw noteError('COSIGNATURE_MALFORMED', 'a cosignature is a key id, a timestamp up to 2^63-1 and a 64-byte signature', { key: id })
    }
    if (ts > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw noteError('COSIGNATURE_TIMESTAMP_INVALID', 'the cosignature timestamp is beyond 2^53-1 seconds', { key: id })
    }
    if (!safeVerify(verifier, message, sig.signature)) {
      throw noteError('COSIGNATURE_INVALID', `the cosignature by ${id} does not verify`, { key: id })
    }
    latest = Math.max(latest, Number(ts))
  }
  if (options.notAfter !== undefined && latest > options.notAfter) {
    throw noteError('COSIGNATURE_FROM_FUTURE', 'the cosignature timestamp is later than allowed', {
      key: id,
      timestamp: latest,
      notAfter: options.notAfter,
    })
  }
  return latest
}

function safeVerify(verifier: CosignatureVerifier, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verifier.verify(message, signature) === true
  } catch {
    return false
  }
}

function checkWitness(witness: unknown): CosignatureVerifier {
  const w = witness as Partial<CosignatureVerifier> | null
  if (typeof w !== 'object' || w === null || w.type !== 0x04 || typeof w.name !== 'string' || !isBytes(w.keyId) || typeof w.verify !== 'function') {
    throw noteError('NOTE_VERIFIER_INVALID', 'a witness is a cosignature verifier key string or a CosignatureVerifier')
  }
  return w as CosignatureVerifier
}
