import { bitLength, largestPowerOfTwoBelow } from './bits.js'
import { checkSize } from './check.js'
import { merkleError } from './merkle-errors.js'
import type { NodeId } from './node-id.js'
import { planFromElements, type ProofPlan } from './proof-plan.js'
import { rangeNodes } from './range-nodes.js'

/**
 * Plans the consistency proof between the trees of the first `size1` and `size2` leaves: the
 * nodes to read and how to assemble them, in O(log size2) without reading anything.
 * Follows PROOF(m, D[n]) = SUBPROOF(m, D[n], true) of RFC 9162 section 2.1.4.1, walked from the
 * root down. The proof is empty when size1 == size2 (nothing to prove) and when size1 == 0 (an
 * empty tree is a prefix of every tree; RFC 9162 defines proofs for 0 < size1 < size2 only).
 * @param size1 the older tree size, an integer in [0, size2]
 * @param size2 the newer tree size, an integer in [0, 2^53-1]
 * @returns the plan; its proof has at most ceil(log2 size2) + 1 hashes
 * @throws ValidationError `MERKLE_SIZE_INVALID`
 */
export function consistencyProofPlan(size1: number, size2: number): ProofPlan {
  checkSize(size1, 'size1')
  checkSize(size2, 'size2')
  if (size1 > size2) throw merkleError('MERKLE_SIZE_INVALID', 'size1 must not exceed size2', { size1, size2 })
  if (size1 === 0 || size1 === size2) return { nodes: [], fold: undefined }
  const topDown: NodeId[][] = []
  let lo = 0
  let hi = size2
  // Whether the current subtree is still the whole of D[0:size1]'s side (SUBPROOF's `b`).
  let isPrefix = true
  while (hi !== size1) {
    const k = largestPowerOfTwoBelow(hi - lo)
    const level = bitLength(k) - 1
    if (size1 - lo <= k) {
      // As for inclusion, only the first left turn can meet the tree's right border.
      topDown.push(hi === size2 ? rangeNodes(lo + k, hi) : [{ level, index: (lo + k) / k }])
      hi = lo + k
    } else {
      topDown.push([{ level, index: lo / k }])
      lo += k
      isPrefix = false
    }
  }
  // SUBPROOF(m, D[m], false) = {MTH(D[m])}: after a right turn, [lo, hi) is a complete subtree
  // that the verifier cannot derive from the old root alone.
  if (!isPrefix) {
    const width = hi - lo
    topDown.push([{ level: bitLength(width) - 1, index: lo / width }])
  }
  return planFromElements(topDown.reverse())
}
