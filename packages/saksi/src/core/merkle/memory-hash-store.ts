import { checkHash } from './check.js'
import { HASH_SIZE } from './hash.js'
import type { MerkleHashReader } from './hash-store.js'
import { MerkleAppender } from './merkle-appender.js'
import { merkleError } from './merkle-errors.js'
import type { NodeId } from './node-id.js'

const INITIAL_CAPACITY = 1024

/**
 * An in-memory log of leaf hashes that keeps every complete subtree hash, for tests, benchmarks
 * and the pure runtime. Each level is one growable byte array (node i at offset 32 i), since a
 * level only ever grows at its end: a million leaves cost about 64 MiB and no per-node objects.
 */
export class MemoryHashStore implements MerkleHashReader {
  readonly #appender = new MerkleAppender()
  readonly #levels: Uint8Array[] = []
  readonly #counts: number[] = []
  readonly #write = (level: number, index: number, hash: Uint8Array): void => {
    let bytes = this.#levels[level]
    if (bytes === undefined || bytes.length < (index + 1) * HASH_SIZE) {
      const grown = new Uint8Array(Math.max(INITIAL_CAPACITY, (index + 1) * 2) * HASH_SIZE)
      if (bytes) grown.set(bytes)
      this.#levels[level] = bytes = grown
    }
    bytes.set(hash, index * HASH_SIZE)
    this.#counts[level] = index + 1
  }

  /** Number of leaves in the log. */
  get size(): number {
    return this.#appender.size
  }

  /**
   * Appends leaf hashes, in order. Checks them all before appending any.
   * @param leafHashes 32-byte leaf hashes (see `leafHash`)
   * @throws ValidationError `MERKLE_HASH_WRONG_LENGTH`, or `MERKLE_SIZE_INVALID` past 2^53-1 leaves
   */
  appendLeafHashes(leafHashes: readonly Uint8Array[]): void {
    for (let i = 0; i < leafHashes.length; i++) checkHash(leafHashes[i], `leafHashes[${i}]`)
    for (const h of leafHashes) this.#appender.appendTo(h, this.#write)
  }

  /**
   * The root at the current size, from the appender's frontier (no reads).
   * @returns the 32-byte root
   */
  root(): Uint8Array {
    return this.#appender.root()
  }

  /**
   * Reads stored node hashes.
   * @param ids complete subtrees of the current log
   * @returns copies of their 32-byte hashes, in order
   * @throws StorageError `MERKLE_NODE_MISSING` for an id the log does not (yet) hold
   */
  getNodes(ids: readonly NodeId[]): Uint8Array[] {
    return ids.map(({ level, index }) => {
      const bytes = this.#levels[level]
      const count = this.#counts[level] ?? 0
      if (bytes === undefined || !Number.isSafeInteger(index) || index < 0 || index >= count) {
        throw merkleError('MERKLE_NODE_MISSING', `no node ${level}/${index} in a log of ${this.size} leaves`, { level, index, size: this.size })
      }
      return bytes.slice(index * HASH_SIZE, (index + 1) * HASH_SIZE)
    })
  }
}
