import { isBytes, utf8, leafHash as coreLeafHash, verifyConsistency as coreVerifyConsistency, verifyInclusion as coreVerifyInclusion, isSaksiError, ValidationError } from '../core/index.js'
import { hashBytes, proofBytes, type HashInput } from './hash-input.js'

/** Arguments of {@link verifyInclusion}. */
export interface InclusionArgs {
  leafHash: HashInput
  index: number
  size: number
  proof: readonly HashInput[] | null
  root: HashInput
}

/** Arguments of {@link verifyConsistency}. */
export interface ConsistencyArgs {
  size1: number
  size2: number
  root1: HashInput
  root2: HashInput
  proof: readonly HashInput[] | null
}

function isArgs(args: unknown): boolean {
  return typeof args === 'object' && args !== null
}

function falseOnBadInput(check: () => boolean): boolean {
  try {
    return check()
  } catch (e) {
    if (isSaksiError(e)) return false
    throw e
  }
}

/**
 * Whether `proof` shows the leaf `leafHash` at `index` in the log of `size` entries whose root is
 * `root` (RFC 9162 section 2.1.3.2). Malformed input (bad base64, wrong lengths, index out of
 * range) is simply not a valid proof: the answer is `false`, never an exception.
 */
export function verifyInclusion(args: InclusionArgs): boolean {
  if (!isArgs(args)) return false
  return falseOnBadInput(() =>
    coreVerifyInclusion(hashBytes(args.leafHash, 'leafHash'), args.index, args.size, proofBytes(args.proof), hashBytes(args.root, 'root')),
  )
}

/**
 * Whether `proof` shows that the log of `size2` entries with root `root2` extends the log of
 * `size1` entries with root `root1` (RFC 9162 section 2.1.4.2). Malformed input is `false`.
 */
export function verifyConsistency(args: ConsistencyArgs): boolean {
  if (!isArgs(args)) return false
  return falseOnBadInput(() =>
    coreVerifyConsistency(args.size1, args.size2, hashBytes(args.root1, 'root1'), hashBytes(args.root2, 'root2'), proofBytes(args.proof)),
  )
}

/**
 * The RFC 6962 leaf hash of a log entry: SHA-256(0x00 ‖ entry bytes), 32 bytes. Pass the exact
 * bytes `GET /v1/log/entries/{index}` answers (a string is taken as its UTF-8 bytes).
 */
export function leafHash(entryBytes: Uint8Array | string): Uint8Array {
  if (typeof entryBytes === 'string') return coreLeafHash(utf8(entryBytes))
  if (!isBytes(entryBytes)) throw new ValidationError('VERIFY_INPUT_INVALID', 'entryBytes must be a Uint8Array or a string')
  return coreLeafHash(entryBytes)
}
