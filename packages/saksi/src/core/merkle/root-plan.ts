import { checkHash, checkSize } from './check.js'
import { foldRight } from './fold-right.js'
import { EMPTY_ROOT } from './hash.js'
import { merkleError } from './merkle-errors.js'
import type { NodeId } from './node-id.js'
import { rangeNodes } from './range-nodes.js'

/**
 * The nodes whose hashes give the root of the first `size` leaves: one complete subtree per set
 * bit of `size`, largest (leftmost) first. The same list is the log's frontier, from which a
 * `MerkleAppender` restarts.
 * @param size tree size, an integer in [0, 2^53-1]
 * @returns at most 53 node ids, left to right (none for size 0)
 * @throws ValidationError `MERKLE_SIZE_INVALID`
 */
export function rootPlan(size: number): NodeId[] {
  checkSize(size)
  return rangeNodes(0, size)
}

/**
 * The root (RFC 6962 section 2.1, MTH) from the hashes of the nodes `rootPlan` listed.
 * @param plan the ids `rootPlan(size)` returned
 * @param hashes their hashes, in the same order
 * @returns the 32-byte root; `EMPTY_ROOT` when the plan is empty
 * @throws ValidationError `MERKLE_NODE_COUNT_MISMATCH` or `MERKLE_HASH_WRONG_LENGTH`
 */
export function assembleRoot(plan: readonly NodeId[], hashes: readonly Uint8Array[]): Uint8Array {
  if (hashes.length !== plan.length) {
    throw merkleError('MERKLE_NODE_COUNT_MISMATCH', `expected ${plan.length} hashes, got ${hashes.length}`)
  }
  for (let i = 0; i < hashes.length; i++) checkHash(hashes[i], `hashes[${i}]`)
  if (hashes.length === 0) return EMPTY_ROOT.slice()
  return foldRight(hashes, 0, hashes.length)
}
