import { bitLength, trailingZeros } from './bits.js'
import type { NodeId } from './node-id.js'

/**
 * The compact range of [begin, end): the fewest complete subtrees that exactly cover those
 * leaves, left to right. For [0, size) these are the "frontier" of a log of `size` leaves, one
 * node per set bit of `size`, largest first; in general there are at most 2 * log2(end - begin)
 * nodes.
 * @param begin first leaf, a safe integer
 * @param end one past the last leaf, a safe integer >= begin
 * @returns the node ids, left to right (empty when begin == end)
 */
export function rangeNodes(begin: number, end: number): NodeId[] {
  const ids: NodeId[] = []
  while (begin < end) {
    // The largest subtree that starts at `begin` (alignment) and does not pass `end` (width).
    const widthLevel = bitLength(end - begin) - 1
    const level = begin === 0 ? widthLevel : Math.min(trailingZeros(begin), widthLevel)
    const width = 2 ** level
    ids.push({ level, index: begin / width })
    begin += width
  }
  return ids
}
