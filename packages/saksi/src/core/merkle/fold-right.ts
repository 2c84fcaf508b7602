import { nodeHash } from './hash.js'

/**
 * Hash of a compact range whose nodes shrink from left to right, as on the tree's right border:
 * RFC 6962 section 2.1 splits a range at its largest power of two, so the range's hash is
 * nodeHash(first, hash of the rest), folded from the right.
 * @param hashes node hashes, left to right
 * @param start first hash of the range in `hashes`
 * @param end one past the last hash of the range (end > start)
 * @returns the hash of the whole range
 */
export function foldRight(hashes: readonly Uint8Array[], start: number, end: number): Uint8Array {
  let h = hashes[end - 1]!
  for (let i = end - 2; i >= start; i--) h = nodeHash(hashes[i]!, h)
  return h
}
