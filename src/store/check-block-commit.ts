import { TX_ID_PATTERN, type MerkleNode } from 'saksi'
import type { BlockCommit } from './ledger-store.js'
import { storeError } from './store-errors.js'

/** Where the log stands: the head block's height and the log size after it. */
export interface LogPosition {
  height: number
  size: number
}

const MAX_LEVEL = 52
const TX_ID = TX_ID_PATTERN

function invalid(message: string, details?: Record<string, unknown>): never {
  throw storeError('STORE_COMMIT_INVALID', message, details)
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0
}

function popcount(n: number): number {
  let c = 0
  for (let x = n; x > 0; x = Math.floor(x / 2)) c += x % 2
  return c
}

/**
 * Number of complete subtrees (stored Merkle nodes) of a log of `size` leaves: the sum over levels
 * of floor(size / 2^level), which is 2 size - popcount(size).
 * @param size the log size
 * @returns how many node hashes a store holds at that size
 */
export function merkleNodeCount(size: number): number {
  return 2 * size - popcount(size)
}

/**
 * Checks a block commit against the head it must follow, before a driver writes anything, so that
 * every driver refuses the same commits with the same codes.
 * @param commit the block to commit
 * @param head the current head, or `undefined` when the commit is block 0
 * @throws StorageError `STORE_BLOCK_OUT_OF_ORDER` (height is not head + 1, `firstIndex` is not the
 *   log size, or entry indexes are not consecutive from it), `STORE_DUPLICATE_TX` (a txId twice in
 *   the block), `STORE_COMMIT_INVALID` (malformed fields, a txId that is not 64 lowercase hex
 *   digits, entry count not `size - firstIndex`, or Merkle nodes that are not exactly the subtrees
 *   the block's leaves complete)
 */
export function checkBlockCommit(commit: BlockCommit, head: LogPosition | undefined): void {
  if (typeof commit !== 'object' || commit === null) invalid('a block commit is an object')
  const header = commit.block?.header
  if (typeof header !== 'object' || header === null) invalid('block.header is missing')
  if (typeof commit.block.sig !== 'string' || typeof commit.checkpoint !== 'string') invalid('block.sig and checkpoint must be strings')
  const { height, firstIndex, size } = header
  if (!isCount(height) || !isCount(firstIndex) || !isCount(size)) invalid('header height, firstIndex and size must be non-negative integers')
  const expectedHeight = head === undefined ? 0 : head.height + 1
  const expectedFirst = head === undefined ? 0 : head.size
  if (height !== expectedHeight) {
    throw storeError('STORE_BLOCK_OUT_OF_ORDER', `block ${height} does not follow the head (expected ${expectedHeight})`, { height, expected: expectedHeight })
  }
  if (firstIndex !== expectedFirst) {
    throw storeError('STORE_BLOCK_OUT_OF_ORDER', `block ${height} starts at index ${firstIndex}, the log holds ${expectedFirst}`, { firstIndex, expected: expectedFirst })
  }
  const { entries, nodes, writes } = commit
  if (!Array.isArray(entries) || !Array.isArray(nodes) || !Array.isArray(writes)) invalid('entries, nodes and writes must be arrays')
  if (size - firstIndex !== entries.length) invalid(`the header covers ${size - firstIndex} entries, the commit holds ${entries.length}`)
  const txIds = new Set<string>()
  entries.forEach((e, i) => {
    if (e.index !== firstIndex + i) {
      throw storeError('STORE_BLOCK_OUT_OF_ORDER', `entry ${i} of block ${height} has index ${e.index}, expected ${firstIndex + i}`, { index: e.index, expected: firstIndex + i })
    }
    if (typeof e.txId !== 'string' || !TX_ID.test(e.txId)) invalid(`entry ${e.index} needs a txId of 64 lowercase hex digits`)
    if (typeof e.signer !== 'string' || !(e.bytes instanceof Uint8Array)) invalid(`entry ${e.index} needs a signer and bytes`)
    if (txIds.has(e.txId)) throw storeError('STORE_DUPLICATE_TX', `transaction ${e.txId} appears twice in block ${height}`, { txId: e.txId })
    txIds.add(e.txId)
  })
  checkNodes(commit, firstIndex, size)
  for (const w of writes) {
    if (typeof w?.contract !== 'string' || typeof w.key !== 'string') invalid('each write needs a contract and a key')
  }
}

// The nodes must be exactly the complete subtrees whose last leaf lies in (firstIndex, size]: at
// level l those are the indexes [floor(firstIndex / 2^l), floor(size / 2^l)). Each must be in its
// level's interval and none twice; then matching the total count means all are there.
function checkNodes(commit: BlockCommit, firstIndex: number, size: number): void {
  const seen: Uint8Array[] = []
  for (const n of commit.nodes) {
    const { level, index, hash } = (n ?? {}) as Partial<MerkleNode>
    if (!isCount(level) || level > MAX_LEVEL || !isCount(index)) invalid('a Merkle node needs an integer level (0-52) and index')
    if (!(hash instanceof Uint8Array) || hash.length !== 32) invalid(`Merkle node ${level}/${index} needs a 32-byte hash`)
    const width = 2 ** level
    const lo = Math.floor(firstIndex / width)
    const hi = Math.floor(size / width)
    if (index < lo || index >= hi) invalid(`Merkle node ${level}/${index} is not completed by this block`, { level, index })
    const marks = (seen[level] ??= new Uint8Array(hi - lo))
    if (marks[index - lo] === 1) invalid(`Merkle node ${level}/${index} appears twice`, { level, index })
    marks[index - lo] = 1
  }
  const expected = merkleNodeCount(size) - merkleNodeCount(firstIndex)
  if (commit.nodes.length !== expected) invalid(`the block completes ${expected} Merkle nodes, the commit holds ${commit.nodes.length}`)
}
