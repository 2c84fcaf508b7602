import type { AsyncMerkleHashReader, NodeId } from 'saksi'
import { merkleError } from 'saksi'
import { storeError } from '../store-errors.js'
import type { SqliteStatements } from './sqlite-statements.js'
import { toStorageError } from './sqlite-errors.js'

/**
 * Reads stored Merkle subtree hashes: leaf hashes from the `entries` table, the others from
 * `merkle`; one prepared point lookup per id (a proof needs O(log n) of them).
 */
export class SqliteMerkleReader implements AsyncMerkleHashReader {
  /**
   * @param statements the connection's prepared statements
   * @param check throws `STORE_CLOSED` once the store is closed
   */
  constructor(
    private readonly statements: SqliteStatements,
    private readonly check: () => void,
  ) {}

  /**
   * Reads node hashes synchronously.
   * @returns 32-byte hashes in the order of `ids`, each a view of its own fresh buffer
   * @throws StorageError `MERKLE_NODE_MISSING`, `STORE_CORRUPT` (a stored hash is not 32 bytes), `STORE_IO`
   */
  getNodesSync(ids: readonly NodeId[]): Uint8Array[] {
    this.check()
    const out: Uint8Array[] = []
    const s = this.statements
    try {
      for (const { level, index } of ids) {
        // Level 0 (leaf hashes) lives in the entries table, beside each entry.
        const hash = !Number.isSafeInteger(level) || !Number.isSafeInteger(index) ? undefined : level === 0 ? s.getLeaf.get(index) : s.getNode.get(level, index)
        if (hash === undefined) throw merkleError('MERKLE_NODE_MISSING', `no node ${level}/${index} is stored`, { level, index })
        if (!(hash instanceof Uint8Array) || hash.length !== 32) throw storeError('STORE_CORRUPT', `node ${level}/${index} is not a 32-byte hash`, { level, index })
        out.push(new Uint8Array(hash.buffer, hash.byteOffset, hash.byteLength))
      }
    } catch (e) {
      throw toStorageError(e, 'reading Merkle nodes')
    }
    return out
  }

  /** @inheritdoc */
  async getNodes(ids: readonly NodeId[]): Promise<readonly Uint8Array[]> {
    return this.getNodesSync(ids)
  }
}
