import type { JsonValue, MerkleNode } from 'saksi'
import { checkBlockCommit, type LogPosition } from '../check-block-commit.js'
import type { BlockCommit } from '../ledger-store.js'
import { storeError } from '../store-errors.js'
import { isConstraintOn } from './sqlite-errors.js'
import { jsonText } from './sqlite-rows.js'
import { digestBefore, saveDigest } from './sqlite-state-digest.js'
import { NODE_BATCH, type SqliteStatements } from './sqlite-statements.js'
import { writeState } from './write-state.js'

function insertNodes(s: SqliteStatements, nodes: readonly MerkleNode[]): void {
  let i = 0
  for (const params: unknown[] = []; i + NODE_BATCH <= nodes.length; params.length = 0) {
    for (const end = i + NODE_BATCH; i < end; i++) params.push(nodes[i]!.level, nodes[i]!.index, nodes[i]!.hash)
    s.insertNodes.run(...params)
  }
  for (; i < nodes.length; i++) s.insertNode.run(nodes[i]!.level, nodes[i]!.index, nodes[i]!.hash)
}

/**
 * Writes one block: checks it against the stored head, then inserts the block row, the entries
 * (each with its leaf hash), the Merkle nodes of level 1 and up, the state writes and the state
 * digest they change (the head's LtHash16 and this block's checksum). Must run
 * inside a transaction: any throw leaves the caller to roll everything back.
 * @param s the prepared statements
 * @param commit the block
 * @param genesisText for block 0, the genesis document's JCS text to record with it
 * @throws StorageError `STORE_ALREADY_INITIALISED`, `STORE_NOT_INITIALISED`, `STORE_DUPLICATE_TX`
 *   and the codes of `checkBlockCommit`
 */
export function writeBlock(s: SqliteStatements, commit: BlockCommit, genesisText: string | undefined): void {
  const row = s.head.get()
  const head: LogPosition | undefined = row && { height: row[0] as number, size: row[1] as number }
  if (genesisText !== undefined) {
    if (head !== undefined || s.getMeta.get('genesis') !== undefined) throw storeError('STORE_ALREADY_INITIALISED')
    s.putMeta.run('genesis', genesisText)
  } else if (head === undefined) {
    throw storeError('STORE_NOT_INITIALISED')
  }
  checkBlockCommit(commit, head)
  const { header, sig } = commit.block
  s.insertBlock.run(header.height, header.size, jsonText(header as unknown as JsonValue, 'block header'), sig, commit.checkpoint)
  // checkBlockCommit saw exactly one level-0 node (leaf hash) per entry; it goes in the entry's row.
  const leaves: Uint8Array[] = []
  const upper: MerkleNode[] = []
  for (const n of commit.nodes) {
    if (n.level === 0) leaves[n.index - header.firstIndex] = n.hash
    else upper.push(n)
  }
  commit.entries.forEach((e, i) => {
    try {
      s.insertEntry.run(e.index, Buffer.from(e.txId, 'hex'), e.signer, header.height, leaves[i], e.bytes)
    } catch (err) {
      if (isConstraintOn(err, 'entries.tx_id')) throw storeError('STORE_DUPLICATE_TX', `transaction ${e.txId} is already committed`, { txId: e.txId })
      throw err
    }
  })
  insertNodes(s, upper)
  if (!s.digest) throw storeError('STORE_IO', 'the database has no state digest tables (opened read-only)')
  const digest = digestBefore(s.digest, header.height)
  writeState(s, commit.writes, jsonText, digest)
  saveDigest(s.digest, header.height, digest)
}
