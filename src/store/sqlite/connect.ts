import Database from 'better-sqlite3'
import { privateSqliteFile } from '../private-file.js'
import { storeError } from '../store-errors.js'

/** Resolved connection settings (see `SqliteStoreOptions` for what each one means). */
export interface ConnectionSettings {
  synchronous: 'FULL' | 'NORMAL'
  busyTimeoutMs: number
  cacheSizeMiB: number
  walAutocheckpointPages: number
  readonly: boolean
}

/**
 * Opens one connection and sets the driver's pragmas: WAL, synchronous, foreign keys, busy
 * timeout, page cache, checkpoint interval. A writable database and its side files are made mode 0600. Both the store's connection and its writer thread's
 * use it, so that they agree.
 * @param path the database file or `:memory:`
 * @param settings resolved options
 * @returns the connection (the caller maps errors to StorageErrors and closes it)
 * @throws StorageError `STORE_IO` when the file system refuses WAL; better-sqlite3 errors otherwise
 */
export function connect(path: string, settings: ConnectionSettings): Database.Database {
  if (!settings.readonly) privateSqliteFile(path)
  const db = new Database(path, { readonly: settings.readonly, fileMustExist: settings.readonly })
  try {
    db.pragma(`busy_timeout = ${settings.busyTimeoutMs}`)
    if (!settings.readonly) {
      const mode = db.pragma('journal_mode = WAL', { simple: true })
      if (mode !== 'wal' && path !== ':memory:') throw storeError('STORE_IO', `the file system does not support a write-ahead log (journal_mode is ${String(mode)})`)
      db.pragma(`wal_autocheckpoint = ${settings.walAutocheckpointPages}`)
      db.pragma('journal_size_limit = 67108864')
    }
    db.pragma(`synchronous = ${settings.synchronous}`)
    db.pragma('foreign_keys = ON')
    db.pragma(`cache_size = ${-settings.cacheSizeMiB * 1024}`)
    return db
  } catch (e) {
    db.close()
    throw e
  }
}
