import { Worker } from 'node:worker_threads'
import { StorageError } from 'saksi'
import type { StateDigestCheck } from '../ledger-store.js'
import type { ConnectionSettings } from './connect.js'
import type { DigestCheckReply } from './digest-check-worker.js'
import { toStorageError } from './sqlite-errors.js'

/**
 * Recomputes a store file's state digest on a thread of its own (one per check; see
 * `digest-check-worker.ts`).
 * @param path the database file
 * @param settings the store's connection settings
 * @throws StorageError what the check threw, or `STORE_IO` if the thread failed
 */
export function checkDigestOnThread(path: string, settings: ConnectionSettings): Promise<StateDigestCheck> {
  const fromSource = import.meta.url.endsWith('.ts')
  const url = new URL(fromSource ? './digest-check-worker-source.mjs' : './digest-check-worker.js', import.meta.url)
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: { path, settings } })
    let answered = false
    worker.once('message', (reply: DigestCheckReply) => {
      answered = true
      if ('check' in reply) resolve(reply.check)
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
