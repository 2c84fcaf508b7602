import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { StorageError } from 'saksi'
import type { StateDigestCheck } from '../ledger-store.js'
import { combineDigestParts } from './combine-digest-parts.js'
import type { ConnectionSettings } from './connect.js'
import type { DigestCheckReply, DigestCheckTask } from './digest-check-worker.js'
import { toStorageError } from './sqlite-errors.js'
import type { StateDigestPart } from './state-digest-part.js'

/** The most threads a check uses by default: past this the disk and SQLite's page cache, not SHAKE128, bound it. */
export const MAX_DEFAULT_DIGEST_THREADS = 8

/** The default number of check threads: the machine's parallelism, from 1 to {@link MAX_DEFAULT_DIGEST_THREADS}. */
export function defaultDigestThreads(): number {
  return Math.max(1, Math.min(MAX_DEFAULT_DIGEST_THREADS, availableParallelism()))
}

// Split attempts before a last check on one thread, whose single snapshot always agrees with itself.
const SPLIT_ATTEMPTS = 2

/** Below this many state rows the check runs on one thread: a second thread's start (0.2 s from dist, a second or two from source under tsx) would cost more than it saves. */
export const DIGEST_SPLIT_MIN_ROWS = 100_000

function runPart(task: DigestCheckTask, workers: Worker[], onPlan?: (shares: number) => void): Promise<StateDigestPart> {
  const fromSource = import.meta.url.endsWith('.ts')
  const url = new URL(fromSource ? './digest-check-worker-source.mjs' : './digest-check-worker.js', import.meta.url)
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: task })
    workers.push(worker)
    let answered = false
    worker.on('message', (reply: DigestCheckReply) => {
      if ('plan' in reply) return onPlan?.(reply.plan)
      answered = true
      if ('part' in reply) resolve(reply.part)
      else reject(new StorageError(reply.error.code, reply.error.message, reply.error.details))
    })
    worker.once('error', (e) => {
      answered = true
      reject(toStorageError(e, 'the state digest check thread failed'))
    })
    worker.once('exit', () => {
      if (!answered) reject(toStorageError(new Error('the state digest check thread stopped without an answer'), 'checking the state digest'))
    })
  })
}

async function checkSplit(path: string, settings: ConnectionSettings, threads: number, splitFrom: number): Promise<StateDigestCheck | undefined> {
  const workers: Worker[] = []
  const rest: Promise<StateDigestPart>[] = []
  try {
    // The first share counts the rows and says how many shares there are; the others start then.
    const first = runPart({ path, settings, index: 0, of: threads, ...(threads > 1 ? { splitFrom } : {}) }, workers, (shares) => {
      for (let index = 1; index < shares; index++) {
        const share = runPart({ path, settings, index, of: shares }, workers)
        share.catch(() => undefined) // awaited below; a failure before then must not go unhandled
        rest.push(share)
      }
    })
    const parts = [await first]
    for (const share of rest) parts.push(await share)
    return combineDigestParts(parts)
  } catch (e) {
    // One share failed: the others' answers are of no use, so their threads need not finish.
    for (const w of workers) void w.terminate()
    throw e
  }
}

/**
 * Recomputes a store file's state digest on threads of their own, each hashing one range of the
 * keys on its own connection (see `digestPartOn`), and combines their sums. The shares' snapshots
 * are compared; if a commit came between them (no block commits while a node opens, but the store
 * does not rely on it), the check runs again, and at last on one thread.
 * @param path the database file
 * @param settings the store's connection settings
 * @param threads how many threads share the work (1: one scan, as before the split)
 * @param splitFrom the fewest state rows that are split (default {@link DIGEST_SPLIT_MIN_ROWS})
 * @throws StorageError what the check threw, or `STORE_IO` if a thread failed
 */
export async function checkDigestOnThreads(path: string, settings: ConnectionSettings, threads: number, splitFrom = DIGEST_SPLIT_MIN_ROWS): Promise<StateDigestCheck> {
  for (let attempt = 0; threads > 1 && attempt < SPLIT_ATTEMPTS; attempt++) {
    const check = await checkSplit(path, settings, threads, splitFrom)
    if (check) return check
  }
  return (await checkSplit(path, settings, 1, splitFrom))!
}
