import { checkHash, checkSize } from './check.js'
import { EMPTY_ROOT, nodeHash } from './hash.js'
import { merkleError } from './merkle-errors.js'
import type { NodeId } from './node-id.js'
import { rootPlan } from './root-plan.js'

/** A complete subtree and its hash, as the appender hands it out for storage. */
export interface MerkleNode extends NodeId {
  /** The subtree's 32-byte hash (leaf hash at level 0). Shared with the appender: do not mutate. */
  readonly hash: Uint8Array
}

/**
 * Receives each new complete subtree as the appender creates it, without allocating a
 * `MerkleNode` object per node (for bulk appends).
 */
export type MerkleNodeSink = (level: number, index: number, hash: Uint8Array) => void

/**
 * Appends leaf hashes to an RFC 6962 log while holding only its frontier (a compact range of at
 * most 53 hashes, one per set bit of the size), like transparency-dev/merkle `compact.Range`.
 * Each append yields the new complete subtrees (the leaf and 0 or more parents, about 2 per leaf
 * on average) for the caller to persist; the root at the current size costs no store reads. A
 * node restarts with `MerkleAppender.restore` from the `rootPlan(size)` hashes it stored.
 */
export class MerkleAppender {
  #size = 0
  // frontier[level] is the hash of the complete subtree of 2^level leaves for each set bit of size.
  #frontier: (Uint8Array | undefined)[] = []

  /**
   * Rebuilds an appender for a log of `size` leaves from its stored frontier.
   * @param size the log size
   * @param hashes the hashes of the nodes `rootPlan(size)` lists, in that order
   * @returns an appender positioned at `size`
   * @throws ValidationError `MERKLE_SIZE_INVALID`, `MERKLE_NODE_COUNT_MISMATCH` or
   *   `MERKLE_HASH_WRONG_LENGTH`
   */
  static restore(size: number, hashes: readonly Uint8Array[]): MerkleAppender {
    const plan = rootPlan(size)
    if (hashes.length !== plan.length) {
      throw merkleError('MERKLE_NODE_COUNT_MISMATCH', `a log of ${size} leaves has ${plan.length} frontier hashes, got ${hashes.length}`)
    }
    const appender = new MerkleAppender()
    plan.forEach((id, i) => {
      const hash = hashes[i]
      checkHash(hash, `hashes[${i}]`)
      appender.#frontier[id.level] = hash.slice()
    })
    appender.#size = size
    return appender
  }

  /** Number of leaves appended so far. */
  get size(): number {
    return this.#size
  }

  /**
   * Appends one leaf hash.
   * @param leafHash the entry's 32-byte leaf hash (see `leafHash`)
   * @returns the new complete subtrees to persist: the leaf first, then each parent it completes
   * @throws ValidationError `MERKLE_HASH_WRONG_LENGTH`, or `MERKLE_SIZE_INVALID` past 2^53-1 leaves
   */
  append(leafHash: Uint8Array): MerkleNode[] {
    const nodes: MerkleNode[] = []
    this.appendTo(leafHash, (level, index, hash) => nodes.push({ level, index, hash }))
    return nodes
  }

  /**
   * Appends one leaf hash and hands each new complete subtree to `sink` (leaf first).
   * @param leafHash the entry's 32-byte leaf hash
   * @param sink receives (level, index, hash) of each new node
   * @throws ValidationError `MERKLE_HASH_WRONG_LENGTH`, or `MERKLE_SIZE_INVALID` past 2^53-1 leaves
   */
  appendTo(leafHash: Uint8Array, sink: MerkleNodeSink): void {
    checkHash(leafHash, 'leafHash')
    checkSize(this.#size + 1, 'size after append')
    let hash: Uint8Array = leafHash.slice()
    let level = 0
    let index = this.#size
    sink(level, index, hash)
    // A set bit at `level` means a complete left sibling waits there: merge and carry upward,
    // exactly like incrementing a binary counter.
    for (let left = this.#frontier[0]; left !== undefined; left = this.#frontier[level]) {
      this.#frontier[level] = undefined
      hash = nodeHash(left, hash)
      level++
      index = Math.floor(index / 2)
      sink(level, index, hash)
    }
    this.#frontier[level] = hash
    this.#size++
  }

  /**
   * The root of the log at its current size (RFC 6962 section 2.1), from the frontier alone.
   * @returns the 32-byte root (`EMPTY_ROOT` when empty)
   */
  root(): Uint8Array {
    let hash: Uint8Array | undefined
    // Fold from the smallest (rightmost) subtree up: MTH splits at the largest power of two.
    for (const node of this.#frontier) {
      if (node) hash = hash ? nodeHash(node, hash) : node
    }
    return (hash ?? EMPTY_ROOT).slice()
  }

  /**
   * The frontier hashes, in `rootPlan(size)` order (largest subtree first): what `restore` takes.
   * @returns copies of at most 53 hashes
   */
  frontier(): Uint8Array[] {
    const out: Uint8Array[] = []
    for (let level = this.#frontier.length - 1; level >= 0; level--) {
      const node = this.#frontier[level]
      if (node) out.push(node.slice())
    }
    return out
  }
}
