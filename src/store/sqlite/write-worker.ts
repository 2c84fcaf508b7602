/**
 * The SQLite writer thread (see `WorkerBlockWriter`): its own connection commits each block it is
 * sent in one transaction, so that the inserts, the WAL write, the fsync and the checkpoints run
 * beside the node's main thread instead of on it. Replies `{ id }` or `{ id, error }` in order.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { BlockCommit } from '../ledger-store.js'
import { connect, type ConnectionSettings } from './connect.js'
import { unpackCommit, type PackedCommit } from './packed-commit.js'
import { toStorageError } from './sqlite-errors.js'
import { prepareStatements } from './sqlite-statements.js'
import { writeBlock } from './write-block.js'

/** A message to the writer thread. */
export type WriterRequest = { type: 'commit'; id: number; commit: PackedCommit; genesisText: string | undefined } | { type: 'close' }

/** The writer thread's answer to a commit. */
export interface WriterReply {
  id: number
  error?: { code: string; message: string; details: Record<string, unknown> | undefined }
}

const { path, settings } = workerData as { path: string; settings: ConnectionSettings }
const port = parentPort!
const db = connect(path, settings)
const statements = prepareStatements(db)
const commit = db.transaction((c: BlockCommit, genesisText: string | undefined) => writeBlock(statements, c, genesisText))

port.on('message', (m: WriterRequest) => {
  if (m.type === 'close') {
    db.close()
    port.close()
    return
  }
  let reply: WriterReply
  try {
    commit.immediate(unpackCommit(m.commit), m.genesisText)
    reply = { id: m.id }
  } catch (e) {
    const err = toStorageError(e, 'committing a block')
    reply = { id: m.id, error: { code: err.code, message: err.message, details: err.details } }
  }
  port.postMessage(reply)
})
