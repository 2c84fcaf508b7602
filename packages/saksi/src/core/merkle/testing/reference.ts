/**
 * Test support: a naive reference of RFC 6962 section 2.1 / RFC 9162 sections 2.1.1, 2.1.3.1 and
 * 2.1.4.1, written straight from the recursive definitions (MTH, PATH, PROOF/SUBPROOF) and
 * sharing nothing with the planner but the two hash functions. Ranges are given by a function
 * that hashes the leaves [begin, end), so the same definitions serve a real leaf list and a
 * synthetic tree of 2^53-1 leaves.
 */
import { EMPTY_ROOT, nodeHash } from '../hash.js'

/** Hashes the leaves [begin, end) as MTH does; `begin < end`. */
export type RangeHasher = (begin: number, end: number) => Uint8Array

/** Largest power of two strictly below n (n > 1), by doubling: no bit tricks to share bugs with. */
export function splitPoint(n: number): number {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

/**
 * MTH over a list of leaf hashes (RFC 6962 section 2.1), memoised per range because every test
 * tree is a prefix of the same list.
 * @param leafHashes the leaf hashes
 * @returns a range hasher over them
 */
export function listHasher(leafHashes: readonly Uint8Array[]): RangeHasher {
  const memo = new Map<string, Uint8Array>()
  const mth = (begin: number, end: number): Uint8Array => {
    if (end - begin === 1) return leafHashes[begin]!
    const key = `${begin},${end}`
    let h = memo.get(key)
    if (!h) {
      const k = splitPoint(end - begin)
      h = nodeHash(mth(begin, begin + k), mth(begin + k, end))
      memo.set(key, h)
    }
    return h
  }
  return mth
}

/** MTH(D[0:n]), with the empty tree's hash for n = 0. */
export function referenceRoot(mth: RangeHasher, n: number): Uint8Array {
  return n === 0 ? EMPTY_ROOT : mth(0, n)
}

/** PATH(m, D[0:n]) of RFC 9162 section 2.1.3.1, leaf side first. */
export function referencePath(mth: RangeHasher, m: number, n: number): Uint8Array[] {
  const path = (m: number, begin: number, end: number): Uint8Array[] => {
    if (end - begin === 1) return []
    const k = splitPoint(end - begin)
    if (m < k) return [...path(m, begin, begin + k), mth(begin + k, end)]
    return [...path(m - k, begin + k, end), mth(begin, begin + k)]
  }
  return path(m, 0, n)
}

/** PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true) of RFC 9162 section 2.1.4.1 (0 < m <= n). */
export function referenceConsistency(mth: RangeHasher, m: number, n: number): Uint8Array[] {
  const subproof = (m: number, begin: number, end: number, b: boolean): Uint8Array[] => {
    if (m === end - begin) return b ? [] : [mth(begin, end)]
    const k = splitPoint(end - begin)
    if (m <= k) return [...subproof(m, begin, begin + k, b), mth(begin + k, end)]
    return [...subproof(m - k, begin + k, end, false), mth(begin, begin + k)]
  }
  return subproof(m, 0, n, true)
}
