import { chmodSync, closeSync, existsSync, openSync } from 'node:fs'

/** Mode of every data file: read and write by its owner only. */
export const PRIVATE_FILE_MODE = 0o600
/** Mode of data directories: only their owner may enter them. */
export const PRIVATE_DIR_MODE = 0o700

/** SQLite's files beside a database: the write-ahead log, its shared-memory index, a rollback journal. */
const SQLITE_SIDE_FILES = ['-wal', '-shm', '-journal'] as const

/**
 * Makes a SQLite database file private before SQLite opens it: creates it empty with mode 0600 if
 * it does not exist (an empty file is a valid empty database), and sets 0600 on it and on the
 * write-ahead log, shared-memory and journal files beside it if they exist (files written by an
 * older version were 0644). SQLite creates its `-wal` and `-shm` files with the mode of the
 * database file, so they are born private too. `:memory:` is left alone.
 * @param path the database file
 * @throws the file system's error when the file cannot be created or its mode set
 */
export function privateSqliteFile(path: string): void {
  if (path === ':memory:' || path === '') return
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE))
  chmodSync(path, PRIVATE_FILE_MODE)
  for (const suffix of SQLITE_SIDE_FILES) {
    if (existsSync(path + suffix)) chmodSync(path + suffix, PRIVATE_FILE_MODE)
  }
}
