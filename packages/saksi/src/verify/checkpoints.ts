import { toBase64, parseCheckpoint as coreParseCheckpoint, verifyCheckpoint as coreVerifyCheckpoint } from '../core/index.js'
import type { NoteVerifier } from '../core/index.js'

/** A checkpoint's contents. `root` is 32 bytes; `rootBase64` is the same as it appears in the note. */
export interface CheckpointInfo {
  origin: string
  size: number
  root: Uint8Array
  rootBase64: string
}

/**
 * Reads a checkpoint note's origin, size and root WITHOUT checking any signature (for display).
 * Use {@link verifyCheckpoint} before trusting it.
 * @throws SaksiError with a `NOTE_*` or `CHECKPOINT_*` code for a malformed note
 */
export function parseCheckpoint(noteText: string | Uint8Array): CheckpointInfo {
  const c = coreParseCheckpoint(noteText)
  return { origin: c.origin, size: c.size, root: c.root, rootBase64: toBase64(c.root) }
}

/**
 * Verifies a signed checkpoint (C2SP tlog-checkpoint in a signed-note) against the log's verifier
 * keys (`GET /v1/network` answers `vkey`): at least one signature by a known key named after the
 * origin must verify, and no known key may have a bad signature. Cosignatures and unknown keys'
 * signatures are ignored.
 * @param noteText the checkpoint as `GET /v1/log/checkpoint` answers it
 * @param vkeys verifier key strings `<name>+<keyid hex>+<base64>`
 * @param options `origin`: refuse a checkpoint of another log
 * @returns origin, size, root and the names of the keys whose signatures verified
 * @throws SaksiError with a code: `NOTE_NO_KNOWN_SIGNATURE`, `NOTE_BAD_SIGNATURE`,
 *   `CHECKPOINT_ORIGIN_MISMATCH`, `VKEY_*`, `NOTE_*` or `CHECKPOINT_*`
 */
export function verifyCheckpoint(
  noteText: string | Uint8Array,
  vkeys: readonly (string | NoteVerifier)[] | string,
  options: { origin?: string } = {},
): CheckpointInfo & { signers: string[] } {
  const c = coreVerifyCheckpoint(noteText, typeof vkeys === 'string' ? [vkeys] : vkeys, options)
  return { origin: c.origin, size: c.size, root: c.root, rootBase64: toBase64(c.root), signers: c.signers }
}
