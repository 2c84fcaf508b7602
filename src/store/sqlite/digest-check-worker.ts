/**
 * A thread that recomputes the state digest of a SQLite store (see `checkStateDigestOn`) on its own
 * connection, so that hashing every state entry (seconds for a million) leaves the node's thread
 * free. Started for one check; answers `{ check }` or `{ error }` once and exits.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { StateDigestCheck } from '../ledger-store.js'
import { connect, type ConnectionSettings } from './connect.js'
import { toStorageError } from './sqlite-errors.js'
import { checkStateDigestOn } from './sqlite-state-digest.js'

/** The check thread's answer. */
export type DigestCheckReply = { check: StateDigestCheck } | { error: { code: string; message: string; details: Record<string, unknown> | undefined } }

const { path, settings } = workerData as { path: string; settings: ConnectionSettings }
let reply: DigestCheckReply
try {
  const db = connect(path, settings)
  try {
    reply = { check: checkStateDigestOn(db) }
  } finally {
    db.close()
  }
} catch (e) {
  const err = toStorageError(e, 'checking the state digest')
  reply = { error: { code: err.code, message: err.message, details: err.details } }
}
parentPort!.postMessage(reply)
