import { fromBase64 } from '../encoding/base64.js'
import { noteError } from './note-errors.js'
import { hasControl, hasUnicodeSpace } from './key-name.js'

/** A log checkpoint: the note text of C2SP tlog-checkpoint (PROTOCOL section 6). */
export interface Checkpoint {
  /** The log origin, e.g. `saksi.example/kota-contoh`. */
  origin: string
  /** Tree size: the number of entries. */
  size: number
  /** 32-byte RFC 6962 root hash of the first `size` entries. */
  root: Uint8Array
  /** Extension lines after the root, if any (opaque, not recommended by the spec). */
  extensions: string[]
}

const DECIMAL = /^(0|[1-9][0-9]*)$/

/**
 * Checks an origin line: non-empty, well-formed, no Unicode spaces or control characters. C2SP
 * tlog-checkpoint only recommends the no-space rule; Saksi requires it because a node's key name
 * is its origin (PROTOCOL section 6).
 * @param origin candidate origin
 * @throws ValidationError `CHECKPOINT_ORIGIN_INVALID`
 */
export function assertOrigin(origin: unknown): asserts origin is string {
  if (typeof origin !== 'string' || origin === '' || !origin.isWellFormed() || hasUnicodeSpace(origin) || hasControl(origin)) {
    throw noteError('CHECKPOINT_ORIGIN_INVALID', 'the origin must be non-empty, without spaces or control characters')
  }
}

/**
 * Checks a tree size: a safe non-negative integer (JS numbers are exact up to 2^53-1).
 * @param size candidate size
 * @throws ValidationError `CHECKPOINT_SIZE_INVALID`
 */
export function assertTreeSize(size: unknown): asserts size is number {
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    throw noteError('CHECKPOINT_SIZE_INVALID', 'the tree size must be an integer from 0 to 2^53-1')
  }
}

/**
 * Parses a size line: ASCII decimal, no sign, no leading zeros (C2SP tlog-checkpoint, "Note text").
 * @param line the size line
 * @returns the size
 * @throws ValidationError `CHECKPOINT_SIZE_INVALID`
 */
export function parseTreeSize(line: string): number {
  // 16 digits bounds the work before Number(); anything longer exceeds 2^53-1 anyway.
  if (line.length > 16 || !DECIMAL.test(line) || !Number.isSafeInteger(Number(line))) {
    throw noteError('CHECKPOINT_SIZE_INVALID', 'the size line must be a decimal from 0 to 2^53-1 without sign or leading zeros')
  }
  return Number(line)
}

/**
 * Parses a root hash line: canonical padded base64 of exactly 32 bytes.
 * @param line the root line
 * @returns the 32-byte root
 * @throws ValidationError `CHECKPOINT_ROOT_INVALID`
 */
export function parseRootHash(line: string): Uint8Array {
  try {
    return fromBase64(line, 32, 'root')
  } catch {
    throw noteError('CHECKPOINT_ROOT_INVALID', 'the root line must be canonical base64 of 32 bytes')
  }
}

/**
 * Checks an extension line: a non-empty string without newlines or control characters.
 * @param line candidate extension line
 * @throws ValidationError `CHECKPOINT_EXTENSION_INVALID`
 */
export function assertExtensionLine(line: unknown): asserts line is string {
  if (typeof line !== 'string' || line === '' || !line.isWellFormed() || hasControl(line)) {
    throw noteError('CHECKPOINT_EXTENSION_INVALID', 'extension lines must be non-empty, without control characters')
  }
}
