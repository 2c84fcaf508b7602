import type { NodeId } from './node-id.js'

/**
 * Read access to the stored hashes of complete subtrees, synchronous (e.g. the in-memory store,
 * better-sqlite3). A log of n leaves stores at most 2n - 1 such hashes; proofs and roots read
 * O(log n) of them.
 */
export interface MerkleHashReader {
  /**
   * Reads node hashes.
   * @param ids the nodes, each a complete subtree of the log
   * @returns their 32-byte hashes, in the same order
   * @throws StorageError `MERKLE_NODE_MISSING` (or the driver's own code) if a node is not stored
   */
  getNodes(ids: readonly NodeId[]): readonly Uint8Array[]
}

/** The same read access for stores that answer asynchronously (e.g. PostgreSQL, object storage). */
export interface AsyncMerkleHashReader {
  /**
   * Reads node hashes.
   * @param ids the nodes, each a complete subtree of the log
   * @returns their 32-byte hashes, in the same order
   * @throws StorageError if a node is not stored
   */
  getNodes(ids: readonly NodeId[]): Promise<readonly Uint8Array[]>
}
