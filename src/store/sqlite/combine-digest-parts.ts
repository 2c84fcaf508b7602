import { LtHash16, bytesEqual } from 'saksi'
import type { StateDigestCheck } from '../ledger-store.js'
import type { StateKeyBound } from './sqlite-state-digest.js'
import type { StateDigestPart } from './state-digest-part.js'

function sameBound(a: StateKeyBound | null, b: StateKeyBound | null): boolean {
  return a === null || b === null ? a === b : a[0] === b[0] && a[1] === b[1]
}

/**
 * Combines the shares of a split opening check (`digestPartOn` for 0..n-1 of n) into its answer:
 * LtHash is additive, so the sum of the ranges' digests is the whole state's. The shares were read
 * on different connections, so first they must agree that they read one snapshot: the same head
 * height and stored digest, the same row count, each range starting where the one before ended,
 * and their rows adding up to the count.
 * @returns the check, or undefined when the shares do not agree (the state changed between their
 *   transactions: the caller checks again rather than report a mismatch that is not there)
 */
export function combineDigestParts(parts: readonly StateDigestPart[]): StateDigestCheck | undefined {
  const first = parts[0]
  if (!first) return undefined
  const sum = LtHash16.empty()
  let entries = 0
  for (const [i, p] of parts.entries()) {
    if (p.index !== i || p.of !== parts.length) return undefined
    if (p.height !== first.height || p.total !== first.total || !bytesEqual(p.stored, first.stored)) return undefined
    if (i > 0 && !sameBound(parts[i - 1]!.to, p.from)) return undefined
    sum.combine(LtHash16.fromBytes(p.sum))
    entries += p.entries
  }
  if (entries !== first.total) return undefined
  const computed = sum.checksum()
  return { height: first.height, entries, stored: first.stored, computed, ok: bytesEqual(first.stored, computed) }
}
