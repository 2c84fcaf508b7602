import { chmodSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { storeError } from '../store-errors.js'

/** The lock database of a data directory: an empty SQLite file whose write lock is held. */
export const LOCK_FILE = 'node.lock'
/** Beside it, the holder's process id, for the message of a refused opener (informational). */
export const LOCK_PID_FILE = 'node.pid'

/** A held lock on a data directory. */
export interface DirectoryLock {
  /** The lock database's path. */
  readonly file: string
  /** Releases the lock (also released by the operating system when the process ends, even by SIGKILL). */
  release(): void
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown }).code
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED'
}

/** The pid written by the lock's holder, if it is readable. */
function holderPid(pidFile: string): number | undefined {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').trim())
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

/**
 * Takes the lock of a data directory for this process's life: the write lock (`BEGIN IMMEDIATE`,
 * a POSIX advisory lock SQLite takes with `fcntl`) of `node.lock`, held until `release` or the
 * process's end. The operating system drops the lock when the process dies, however it dies, so a
 * node killed with SIGKILL leaves nothing stale; a pid file alone would have to guess whether its
 * pid is still the same process (pids are reused, and a container's node is often pid 1 each
 * time). The pid in `node.pid` is written after the lock is taken, only to name the holder. A
 * second opener, in this process or another, is refused at once. Read-only audits do not lock.
 * Advisory locks need a local file system (not every network file system keeps them).
 * @param dir the data directory
 * @param pid the process id to record (default this process's)
 * @returns the held lock
 * @throws StorageError `STORE_LOCKED` (details: `dir`, `pid` of the holder when known), `STORE_IO`
 */
export function lockDirectory(dir: string, pid: number = process.pid): DirectoryLock {
  const file = join(dir, LOCK_FILE)
  const pidFile = join(dir, LOCK_PID_FILE)
  let db: Database.Database
  try {
    db = new Database(file, { timeout: 0 })
    chmodSync(file, 0o600)
  } catch (e) {
    throw storeError('STORE_IO', `cannot open the lock file ${file}: ${(e as Error).message}`)
  }
  try {
    db.exec('BEGIN IMMEDIATE')
  } catch (e) {
    db.close()
    if (!isBusy(e)) throw storeError('STORE_IO', `cannot lock ${file}: ${(e as Error).message}`)
    const holder = holderPid(pidFile)
    const who = holder === undefined ? 'another process' : `the process with pid ${holder}`
    throw storeError('STORE_LOCKED', `the data directory ${dir} is in use by ${who}: stop it first (saksi verify may still read the directory)`, { dir, ...(holder === undefined ? {} : { pid: holder }) })
  }
  try {
    const tmp = `${pidFile}.${pid}.tmp`
    writeFileSync(tmp, `${pid}\n`, { mode: 0o600 })
    renameSync(tmp, pidFile)
  } catch (e) {
    db.close()
    throw storeError('STORE_IO', `cannot write ${pidFile}: ${(e as Error).message}`)
  }
  let held = true
  return {
    file,
    release() {
      if (!held) return
      held = false
      // Only the holder writes the pid file, so it still names this process.
      try {
        unlinkSync(pidFile)
      } catch {
        // Already gone: nothing to tidy.
      }
      db.close()
    },
  }
}
