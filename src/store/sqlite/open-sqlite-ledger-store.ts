import type Database from 'better-sqlite3'
import { storeError } from '../store-errors.js'
import { WorkerBlockWriter } from './block-writer.js'
import { connect, type ConnectionSettings } from './connect.js'
import { DIGEST_SPLIT_MIN_ROWS, checkDigestOnThreads, defaultDigestThreads } from './digest-checker.js'
import { migrate } from './schema.js'
import { toStorageError } from './sqlite-errors.js'
import { SqliteLedgerStore } from './sqlite-ledger-store.js'

/** Options of {@link openSqliteLedgerStore}. */
export interface SqliteStoreOptions {
  /**
   * When a commit reaches the disk. `FULL` (default) syncs the write-ahead log at every commit: a
   * committed block survives a power loss or an OS crash. `NORMAL` syncs only at WAL checkpoints:
   * a committed block survives a crash of the process (kill -9), but the last blocks before a power
   * loss may be lost (never half of one: the database stays consistent). NORMAL commits faster on
   * disks with slow syncs; a node that tells clients "committed" should keep FULL.
   */
  synchronous?: 'FULL' | 'NORMAL'
  /** How long a statement waits for another connection's lock, in ms (default 5000). */
  busyTimeoutMs?: number
  /** SQLite page cache size in MiB (default 64): the indexes of a large log stay in memory. */
  cacheSizeMiB?: number
  /**
   * Copy the write-ahead log into the database once it holds this many pages (default 10,000, about
   * 40 MiB; SQLite's own default is 1,000). The copy runs inside the commit that crosses the mark;
   * rarer copies write each often-changed index page once for many blocks instead of once per
   * block (about a third faster commits of 500-entry blocks), for a larger WAL file on disk.
   */
  walAutocheckpointPages?: number
  /** Open an existing database for reading only (audits); every write fails with `STORE_IO`. */
  readonly?: boolean
  /**
   * Where blocks are committed. `worker` (default for a file): on a writer thread with its own
   * connection, so that the inserts, the WAL write, the sync and the checkpoints leave the calling
   * thread free (a 500-entry block costs it about 1 ms of copying instead of tens of ms). `inline`:
   * on the calling thread. `:memory:` and read-only stores are always inline.
   */
  writer?: 'worker' | 'inline'
  /**
   * Threads that share the state digest check at open (`checkStateDigest`), each hashing one range
   * of the state's keys on its own connection: from 1 to 64, default the machine's available
   * parallelism, at most 8. A million entries take about 9 s of one core.
   */
  digestCheckThreads?: number
  /**
   * A state of fewer rows is checked on one thread whatever `digestCheckThreads` says (default
   * 100,000, about a second of one core): a second thread's start would cost more than it saves.
   */
  digestCheckSplitRows?: number
}

function count(value: number | undefined, fallback: number, name: string, max: number, min = 0): number {
  if (value === undefined) return fallback
  if (!Number.isSafeInteger(value) || value < min || value > max) throw storeError('STORE_OPTIONS_INVALID', `${name} must be an integer from ${min} to ${max}`)
  return value
}

/**
 * Opens (creating if needed) a SQLite ledger store: WAL journal, `synchronous` FULL by default,
 * foreign keys on, a busy timeout, a larger page cache, rarer WAL checkpoints, and the schema
 * migrated to the current version (recorded in the `meta` table).
 * @param path the database file, or `:memory:` (tests: a private database gone at close)
 * @param options durability and tuning (see {@link SqliteStoreOptions})
 * @returns the open store
 * @throws StorageError `STORE_OPTIONS_INVALID`, `STORE_SCHEMA_UNSUPPORTED`, `STORE_CORRUPT` (not a
 *   SQLite database), `STORE_IO` (cannot open, or the file system refuses WAL)
 */
export function openSqliteLedgerStore(path: string, options: SqliteStoreOptions = {}): SqliteLedgerStore {
  const synchronous = options.synchronous ?? 'FULL'
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') throw storeError('STORE_OPTIONS_INVALID', 'synchronous must be FULL or NORMAL')
  const busy = count(options.busyTimeoutMs, 5000, 'busyTimeoutMs', 3_600_000)
  const cacheMiB = count(options.cacheSizeMiB, 64, 'cacheSizeMiB', 65_536)
  const checkpointPages = count(options.walAutocheckpointPages, 10_000, 'walAutocheckpointPages', 10_000_000)
  const readonly = options.readonly === true
  const digestThreads = count(options.digestCheckThreads, defaultDigestThreads(), 'digestCheckThreads', 64, 1)
  const splitRows = count(options.digestCheckSplitRows, DIGEST_SPLIT_MIN_ROWS, 'digestCheckSplitRows', Number.MAX_SAFE_INTEGER)
  const writer = options.writer ?? 'worker'
  if (writer !== 'worker' && writer !== 'inline') throw storeError('STORE_OPTIONS_INVALID', 'writer must be worker or inline')
  const settings: ConnectionSettings = { synchronous, busyTimeoutMs: busy, cacheSizeMiB: cacheMiB, walAutocheckpointPages: checkpointPages, readonly }
  let db: Database.Database | undefined
  try {
    db = connect(path, settings)
    migrate(db, readonly)
    const inline = writer === 'inline' || readonly || path === ':memory:' || path === ''
    // A file's digest is recomputed on threads of their own (a memory database has no second connection).
    const onThread = path !== ':memory:' && path !== ''
    return new SqliteLedgerStore(db, inline ? undefined : new WorkerBlockWriter(path, settings), onThread ? () => checkDigestOnThreads(path, settings, digestThreads, splitRows) : undefined)
  } catch (e) {
    db?.close()
    throw toStorageError(e, `opening ${path}`)
  }
}
