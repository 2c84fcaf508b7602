/** Test support: a store wrapper that counts reads. */
import type { MerkleHashReader } from '../hash-store.js'
import type { NodeId } from '../node-id.js'

/** Wraps a reader and counts `getNodes` calls and node reads. */
export class CountingReader implements MerkleHashReader {
  /** Number of nodes read since the last reset. */
  reads = 0
  /** Number of `getNodes` calls since the last reset. */
  calls = 0

  /** @param inner the reader to count reads of */
  constructor(private readonly inner: MerkleHashReader) {}

  /** Reads through, counting. */
  getNodes(ids: readonly NodeId[]): readonly Uint8Array[] {
    this.calls++
    this.reads += ids.length
    return this.inner.getNodes(ids)
  }

  /** Sets both counters to 0. */
  reset(): void {
    this.reads = 0
    this.calls = 0
  }
}
