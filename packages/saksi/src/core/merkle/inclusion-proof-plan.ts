import { bitLength, largestPowerOfTwoBelow } from './bits.js'
import { checkIndex, checkSize } from './check.js'
import type { NodeId } from './node-id.js'
import { planFromElements, type ProofPlan } from './proof-plan.js'
import { rangeNodes } from './range-nodes.js'

/**
 * Plans the inclusion proof (audit path) of leaf `index` in the tree of the first `size` leaves:
 * the nodes to read and how to assemble them, in O(log size) without reading anything.
 * Follows PATH(m, D[n]) of RFC 9162 section 2.1.3.1, walked from the root down.
 * @param index leaf index, an integer in [0, size)
 * @param size tree size, an integer in [1, 2^53-1]
 * @returns the plan; its proof has at most ceil(log2 size) hashes, read from at most
 *   2 * ceil(log2 size) nodes
 * @throws ValidationError `MERKLE_SIZE_INVALID` or `MERKLE_INDEX_OUT_OF_RANGE`
 */
export function inclusionProofPlan(index: number, size: number): ProofPlan {
  checkSize(size)
  checkIndex(index, size)
  const topDown: NodeId[][] = []
  let lo = 0
  let hi = size
  while (hi - lo > 1) {
    const k = largestPowerOfTwoBelow(hi - lo)
    const level = bitLength(k) - 1
    if (index < lo + k) {
      // The right sibling D[lo+k:hi] is complete unless it reaches the right border of the
      // tree; that happens on the first left turn only, since hi < size afterwards.
      topDown.push(hi === size ? rangeNodes(lo + k, hi) : [{ level, index: (lo + k) / k }])
      hi = lo + k
    } else {
      topDown.push([{ level, index: lo / k }])
      lo += k
    }
  }
  return planFromElements(topDown.reverse())
}
