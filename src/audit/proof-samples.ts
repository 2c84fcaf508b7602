import { toBase64 } from 'saksi'
import { verifyConsistency, verifyInclusion } from 'saksi/verify'
import { AuditFailure, attribute } from './audit-failure.js'
import type { AuditProofs } from './audit-source.js'

function pick(count: number, below: number, always: number[]): number[] {
  const chosen = new Set(always.filter((i) => i >= 0 && i < below))
  // Sampling need not be reproducible: a node cannot know in advance which proofs are checked.
  while (chosen.size < Math.min(count, below)) chosen.add(Math.floor(Math.random() * below))
  return [...chosen].sort((a, b) => a - b)
}

/**
 * Spot checks of a node's proof endpoints against what the audit recomputed: inclusion proofs of
 * sampled entries in the checkpoint's tree, and consistency proofs from sampled blocks' trees to it,
 * verified with `saksi/verify` as any client would.
 */
export class ProofSamples {
  readonly #leaves = new Map<number, Uint8Array>()
  readonly #roots = new Map<number, string>()
  readonly #entryIndexes: Set<number>

  /**
   * @param size the checkpoint's tree size
   * @param count how many entries and how many earlier trees to sample
   */
  constructor(
    private readonly size: number,
    private readonly count: number,
  ) {
    this.#entryIndexes = new Set(pick(count, size, [0, size - 1]))
  }

  /** Keeps the leaf hash of a sampled entry. */
  leaf(index: number, hash: Uint8Array): void {
    if (this.#entryIndexes.has(index)) this.#leaves.set(index, hash)
  }

  /** Keeps a block's tree (size and root) as a candidate for consistency checks. */
  tree(size: number, root: string): void {
    if (size > 0 && size <= this.size) this.#roots.set(size, root)
  }

  /**
   * Fetches and verifies the sampled proofs against the checkpoint's root.
   * @returns how many inclusion and consistency proofs verified
   * @throws AuditFailure at `inclusion proof of entry I` or `consistency proof M..N`
   */
  async verify(proofs: AuditProofs, root: Uint8Array): Promise<{ inclusion: number; consistency: number }> {
    const rootB64 = toBase64(root)
    let inclusion = 0
    for (const [index, leafHash] of this.#leaves) {
      const where = `inclusion proof of entry ${index}`
      const proof = await attribute(where, () => proofs.inclusion(index, this.size))
      if (!verifyInclusion({ leafHash, index, size: this.size, proof, root: rootB64 })) {
        throw new AuditFailure(where, 'AUDIT_PROOF_INVALID', `the node's proof does not show entry ${index} in the tree of size ${this.size}`)
      }
      inclusion++
    }
    const sizes = [...this.#roots.keys()]
    const sampled = pick(this.count, sizes.length, [sizes.length - 2]).map((i) => sizes[i]!)
    let consistency = 0
    for (const from of sampled) {
      const where = `consistency proof ${from}..${this.size}`
      const proof = await attribute(where, () => proofs.consistency(from, this.size))
      if (!verifyConsistency({ size1: from, size2: this.size, root1: this.#roots.get(from)!, root2: rootB64, proof })) {
        throw new AuditFailure(where, 'AUDIT_PROOF_INVALID', `the node's proof does not show the tree of size ${from} inside the tree of size ${this.size}`)
      }
      consistency++
    }
    return { inclusion, consistency }
  }
}
