import type { MerkleNode, NodeId } from 'saksi'
import { merkleError } from 'saksi'

/**
 * Stored Merkle subtree hashes in memory, one array per level. Nodes of a level arrive in index
 * order (each block completes the next ones), so the arrays stay dense; a sparse slot simply reads
 * as missing.
 */
export class MemoryMerkleNodes {
  readonly #levels: Uint8Array[][] = []

  /** @param size the log size, for error details */
  constructor(private readonly size: () => number) {}

  /**
   * Stores copies of the hashes (already checked by `checkBlockCommit`).
   * @param nodes new complete subtrees
   */
  add(nodes: readonly MerkleNode[]): void {
    for (const n of nodes) {
      let level = this.#levels[n.level]
      if (!level) this.#levels[n.level] = level = []
      level[n.index] = n.hash.slice()
    }
  }

  /**
   * Reads hashes in the order of `ids`.
   * @returns copies of the 32-byte hashes
   * @throws StorageError `MERKLE_NODE_MISSING` for a node not stored
   */
  get(ids: readonly NodeId[]): Uint8Array[] {
    return ids.map(({ level, index }) => {
      const hash = Number.isSafeInteger(index) && index >= 0 ? this.#levels[level]?.[index] : undefined
      if (!hash) throw merkleError('MERKLE_NODE_MISSING', `no node ${level}/${index} in a log of ${this.size()} leaves`, { level, index, size: this.size() })
      return hash.slice()
    })
  }
}
