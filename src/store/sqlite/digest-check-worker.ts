/**
 * A thread that recomputes one share of the state digest of a SQLite store (see `digestPartOn`) on
 * its own connection, so that hashing every state entry (seconds for a million) leaves the node's
 * thread free and several threads share the work. Started for one share; answers `{ part }` or
 * `{ error }` once and exits.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { connect, type ConnectionSettings } from './connect.js'
import { toStorageError } from './sqlite-errors.js'
import { digestPartOn, type StateDigestPart } from './state-digest-part.js'

/** What a check thread is started with. */
export interface DigestCheckTask {
  path: string
  settings: ConnectionSettings
  /** Which share (0-based) of how many. */
  index: number
  of: number
}

/** The check thread's answer. */
export type DigestCheckReply = { part: StateDigestPart } | { error: { code: string; message: string; details: Record<string, unknown> | undefined } }

const { path, settings, index, of } = workerData as DigestCheckTask
let reply: DigestCheckReply
try {
  const db = connect(path, settings)
  try {
    reply = { part: digestPartOn(db, index, of) }
  } finally {
    db.close()
  }
} catch (e) {
  const err = toStorageError(e, 'checking the state digest')
  reply = { error: { code: err.code, message: err.message, details: err.details } }
}
parentPort!.postMessage(reply)
