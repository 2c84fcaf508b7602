import { chmodSync } from 'node:fs'
import Database from 'better-sqlite3'
import { storeError } from '../store-errors.js'
import type { FailedCallStore } from './failed-call-store.js'
import type { RequestGuardStore } from './request-guard-store.js'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS guard_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS seen_request (id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) STRICT;
CREATE INDEX IF NOT EXISTS seen_request_by_expiry ON seen_request(expires_at);
CREATE TABLE IF NOT EXISTS daily_count (key TEXT NOT NULL, day TEXT NOT NULL, used INTEGER NOT NULL, PRIMARY KEY (key, day)) STRICT;
CREATE TABLE IF NOT EXISTS failed_call (signer TEXT NOT NULL, day TEXT NOT NULL, failed INTEGER NOT NULL, PRIMARY KEY (day, signer)) STRICT;
`
const VERSION = '1'
/** Claims between two sweeps of expired ids. */
const SWEEP_EVERY = 500

/**
 * The SQLite {@link RequestGuardStore}: a small database of its own in the data directory
 * (`requests.sqlite`, mode 0600), WAL with `synchronous=FULL` so that a request answered is still
 * claimed after a crash. Expired ids are swept every 500 claims and when the store opens; counts of
 * earlier days when a new day's first count is taken. It also keeps the node's failed calls per
 * signer and day ({@link FailedCallStore}; the table `failed_call`, added to a file made before it
 * when the file opens: `CREATE TABLE IF NOT EXISTS`, so the schema version stays 1).
 */
export class SqliteRequestGuardStore implements RequestGuardStore, FailedCallStore {
  readonly #db: Database.Database
  readonly #s
  #claims = 0
  #day = ''
  #failedDay = ''

  /**
   * @param path the database file, or `:memory:`
   * @param nowMs the time, for the first sweep
   * @throws StorageError `STORE_CORRUPT` if the file is not such a database of a known version
   */
  constructor(path: string, nowMs = Date.now()) {
    let db: Database.Database
    try {
      db = new Database(path)
    } catch (e) {
      throw storeError('STORE_IO', `cannot open ${path}: ${(e as Error).message}`)
    }
    try {
      if (path !== ':memory:') chmodSync(path, 0o600)
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = FULL')
      db.exec(SCHEMA)
      const version = db.prepare<string>("SELECT value FROM guard_meta WHERE name = 'version'").pluck().get()
      if (version === undefined) db.prepare("INSERT INTO guard_meta VALUES ('version', ?)").run(VERSION)
      else if (version !== VERSION) throw storeError('STORE_SCHEMA_UNSUPPORTED', `${path}: schema version ${version} is not ${VERSION}`)
    } catch (e) {
      db.close()
      if (e instanceof Error && 'code' in e && String(e.code).startsWith('SQLITE_')) throw storeError('STORE_CORRUPT', `cannot open ${path}: ${e.message}`)
      throw e
    }
    this.#db = db
    this.#s = {
      // Inserted, or taken over from an expired claim; a live claim is left as it is (0 changes).
      claim: db.prepare('INSERT INTO seen_request (id, expires_at) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at WHERE seen_request.expires_at <= ?'),
      sweep: db.prepare('DELETE FROM seen_request WHERE expires_at <= ?'),
      used: db.prepare<number>('SELECT used FROM daily_count WHERE key = ? AND day = ?').pluck(),
      count: db.prepare('INSERT INTO daily_count (key, day, used) VALUES (?, ?, ?) ON CONFLICT (key, day) DO UPDATE SET used = excluded.used'),
      forget: db.prepare('DELETE FROM daily_count WHERE day < ?'),
      addFailed: db.prepare('INSERT INTO failed_call (signer, day, failed) VALUES (?, ?, ?) ON CONFLICT (day, signer) DO UPDATE SET failed = failed + excluded.failed'),
      forgetFailed: db.prepare('DELETE FROM failed_call WHERE day < ?'),
      failed: db.prepare<{ signer: string; failed: number }>('SELECT signer, failed FROM failed_call WHERE day = ? ORDER BY failed DESC LIMIT ?'),
    }
    this.#s.sweep.run(nowMs)
  }

  /** @inheritdoc */
  claim(id: string, expiresAtMs: number, nowMs: number): boolean {
    if (++this.#claims % SWEEP_EVERY === 0) this.#s.sweep.run(nowMs)
    return this.#s.claim.run(id, expiresAtMs, nowMs).changes === 1
  }

  /** @inheritdoc */
  take(key: string, day: string, n: number, limit: number): boolean {
    return this.#db.transaction(() => {
      if (day !== this.#day) {
        this.#s.forget.run(day)
        this.#day = day
      }
      const used = this.#s.used.get(key, day) ?? 0
      if (used + n > limit) return false
      this.#s.count.run(key, day, used + n)
      return true
    }).immediate()
  }

  /** @inheritdoc */
  addFailedCalls(day: string, counts: ReadonlyMap<string, number>): void {
    if (counts.size === 0) return
    this.#db.transaction(() => {
      if (day !== this.#failedDay) {
        this.#s.forgetFailed.run(day)
        this.#failedDay = day
      }
      for (const [signer, n] of counts) this.#s.addFailed.run(signer, day, n)
    }).immediate()
  }

  /** @inheritdoc */
  failedCalls(day: string, limit: number): Map<string, number> {
    return new Map(this.#s.failed.all(day, limit).map((r) => [r.signer, r.failed]))
  }

  /** How many request ids, daily counts and failed-call counts the store holds (for tests and metrics). */
  size(): { requests: number; counts: number; failed: number } {
    return {
      requests: this.#db.prepare<number>('SELECT count(*) FROM seen_request').pluck().get()!,
      counts: this.#db.prepare<number>('SELECT count(*) FROM daily_count').pluck().get()!,
      failed: this.#db.prepare<number>('SELECT count(*) FROM failed_call').pluck().get()!,
    }
  }

  /** @inheritdoc */
  close(): void {
    if (this.#db.open) this.#db.close()
  }
}
