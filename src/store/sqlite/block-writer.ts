import type Database from 'better-sqlite3'
import { Worker } from 'node:worker_threads'
import { StorageError } from 'saksi'
import type { BlockCommit } from '../ledger-store.js'
import { storeError } from '../store-errors.js'
import type { ConnectionSettings } from './connect.js'
import { toStorageError } from './sqlite-errors.js'
import type { SqliteStatements } from './sqlite-statements.js'
import { writeBlock } from './write-block.js'
import { packCommit } from './packed-commit.js'
import type { WriterReply, WriterRequest } from './write-worker.js'

/** How a SQLite store commits blocks: on the calling thread, or on a writer thread. */
export interface BlockWriter {
  /**
   * Commits one block (and, for block 0, the genesis text) in one transaction.
   * @throws StorageError as `writeBlock` does, or `STORE_IO`
   */
  write(commit: BlockCommit, genesisText: string | undefined): Promise<void>
  /** Finishes the commits already asked for, then releases the writer's connection. */
  close(): Promise<void>
}

/**
 * Commits on the store's own connection, synchronously inside `write` (the thread waits for the
 * inserts, the WAL write and the fsync).
 */
export class InlineBlockWriter implements BlockWriter {
  readonly #commit: Database.Transaction<(commit: BlockCommit, genesisText: string | undefined) => void>

  /**
   * @param db the store's connection
   * @param statements its prepared statements
   */
  constructor(db: Database.Database, statements: SqliteStatements) {
    this.#commit = db.transaction((commit: BlockCommit, genesisText: string | undefined) => writeBlock(statements, commit, genesisText))
  }

  /** @inheritdoc */
  async write(commit: BlockCommit, genesisText: string | undefined): Promise<void> {
    try {
      this.#commit.immediate(commit, genesisText)
    } catch (e) {
      throw toStorageError(e, 'committing a block')
    }
  }

  /** @inheritdoc */
  async close(): Promise<void> {}
}

interface Pending {
  resolve: () => void
  reject: (e: Error) => void
}

/**
 * Commits on a worker thread with its own connection: the calling thread only packs the block
 * into a message (see `packCommit`) and is free while SQLite inserts, writes the WAL, syncs and
 * checkpoints. Commits run one at a time, in the order asked. Readers on the store's
 * connection see a block once its `write` has resolved (WAL: each read sees the last commit).
 */
export class WorkerBlockWriter implements BlockWriter {
  readonly #worker: Worker
  readonly #pending = new Map<number, Pending>()
  #nextId = 0
  #failure: Error | undefined
  #exited: Promise<void>

  /**
   * @param path the database file (its schema already migrated)
   * @param settings the store's connection settings
   */
  constructor(path: string, settings: ConnectionSettings) {
    // From source (tests, tsx) the worker is TypeScript, loaded through a small bootstrap that
    // registers tsx; from dist it is JS.
    const fromSource = import.meta.url.endsWith('.ts')
    const url = new URL(fromSource ? './write-worker-source.mjs' : './write-worker.js', import.meta.url)
    this.#worker = new Worker(url, { workerData: { path, settings } })
    // Referenced only while commits are in flight: an idle store does not keep a process alive, and
    // a process does not exit under a commit it is waiting for.
    this.#worker.unref()
    this.#worker.on('message', (reply: WriterReply) => this.#settle(reply))
    this.#worker.on('error', (e) => this.#fail(toStorageError(e, 'the writer thread failed')))
    this.#exited = new Promise((resolve) =>
      this.#worker.once('exit', () => {
        this.#fail(storeError('STORE_IO', 'the writer thread has stopped'))
        resolve()
      }),
    )
  }

  /** @inheritdoc */
  write(commit: BlockCommit, genesisText: string | undefined): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure)
    const id = this.#nextId++
    return new Promise<void>((resolve, reject) => {
      try {
        const { packed, transfer } = packCommit(commit)
        const request: WriterRequest = { type: 'commit', id, commit: packed, genesisText }
        this.#worker.postMessage(request, transfer)
      } catch (e) {
        reject(storeError('STORE_COMMIT_INVALID', `the block cannot be sent to the writer thread: ${(e as Error).message}`))
        return
      }
      this.#pending.set(id, { resolve, reject })
      this.#worker.ref()
    })
  }

  /** @inheritdoc */
  async close(): Promise<void> {
    this.#worker.ref()
    if (!this.#failure) this.#worker.postMessage({ type: 'close' } satisfies WriterRequest)
    await this.#exited
  }

  #settle(reply: WriterReply): void {
    const p = this.#pending.get(reply.id)
    if (!p) return
    this.#pending.delete(reply.id)
    if (!reply.error) p.resolve()
    else p.reject(new StorageError(reply.error.code, reply.error.message, reply.error.details))
    if (this.#pending.size === 0) this.#worker.unref()
  }

  #fail(e: Error): void {
    this.#failure ??= e
    for (const p of this.#pending.values()) p.reject(this.#failure)
    this.#pending.clear()
  }
}
