import Database from 'better-sqlite3'
import { SaksiError } from 'saksi'
import { storeError } from '../store-errors.js'

/**
 * True when `e` is a better-sqlite3 error for a constraint on `table.column`, e.g.
 * `UNIQUE constraint failed: entries.tx_id`.
 */
export function isConstraintOn(e: unknown, column: string): boolean {
  return e instanceof Database.SqliteError && e.code.startsWith('SQLITE_CONSTRAINT') && e.message.includes(column)
}

/**
 * Turns whatever a database call threw into a Saksi error, so that no raw `SqliteError` leaks:
 * Saksi errors pass through; SQLite's corruption codes and undecodable stored text become
 * `STORE_CORRUPT`; every other failure is `STORE_IO`. The original error is kept as `cause`.
 * @param e what was thrown
 * @param doing what the driver was doing, for the message
 * @returns the error to throw
 */
export function toStorageError(e: unknown, doing: string): SaksiError {
  if (e instanceof SaksiError) return e
  let err: SaksiError
  if (e instanceof Database.SqliteError) {
    const corrupt = e.code.startsWith('SQLITE_CORRUPT') || e.code === 'SQLITE_NOTADB'
    err = storeError(corrupt ? 'STORE_CORRUPT' : 'STORE_IO', `${doing}: ${e.message}`, { sqliteCode: e.code })
  } else if (e instanceof SyntaxError) {
    err = storeError('STORE_CORRUPT', `${doing}: stored JSON does not parse`)
  } else {
    err = storeError('STORE_IO', `${doing}: ${e instanceof Error ? e.message : String(e)}`)
  }
  err.cause = e
  return err
}
