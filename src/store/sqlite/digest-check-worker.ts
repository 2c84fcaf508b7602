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
  /** For the first share of a split check: a state of fewer rows is checked whole by this thread alone. */
  splitFrom?: number
}

/**
 * The check thread's messages: the first share's `plan` (how many shares, once it has counted the
 * rows), then one answer.
 */
export type DigestCheckReply = { plan: number } | { part: StateDigestPart } | { error: { code: string; message: string; details: Record<string, unknown> | undefined } }

const { path, settings, index, of, splitFrom } = workerData as DigestCheckTask
const plan =
  splitFrom === undefined
    ? undefined
    : (total: number): number => {
        const shares = total >= splitFrom ? of : 1
        parentPort!.postMessage({ plan: shares } satisfies DigestCheckReply)
        return shares
      }
let reply: DigestCheckReply
try {
  const db = connect(path, settings)
  try {
    reply = { part: digestPartOn(db, index, of, plan) }
  } finally {
    db.close()
  }
} catch (e) {
  const err = toStorageError(e, 'checking the state digest')
  reply = { error: { code: err.code, message: err.message, details: err.details } }
}
parentPort!.postMessage(reply)
