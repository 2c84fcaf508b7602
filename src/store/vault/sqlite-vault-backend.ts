import Database from 'better-sqlite3'
import { privateSqliteFile } from '../private-file.js'
import { vaultError } from './vault-errors.js'
import type { RecordRow, SubjectRow, VaultBackend } from './vault-backend.js'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS vault_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS subject (
  id TEXT PRIMARY KEY,
  wrapped_key BLOB,
  master_key_id TEXT,
  created_at TEXT NOT NULL,
  erased_at TEXT
) STRICT;
CREATE TABLE IF NOT EXISTS record (
  ref TEXT PRIMARY KEY,
  subject TEXT NOT NULL REFERENCES subject(id),
  sealed BLOB NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS record_by_subject ON record(subject, created_at, ref);
`
const VERSION = '1'

/**
 * The SQLite {@link VaultBackend}: a database file of its own (personal data is kept apart from the
 * ledger, with its own backups and retention), WAL with `synchronous=FULL`, and `secure_delete` so
 * that an erased key is overwritten on disk rather than left in a free page.
 */
export class SqliteVaultBackend implements VaultBackend {
  readonly #db: Database.Database
  readonly #s

  /**
   * @param path the database file (made mode 0600), or `:memory:`
   * @throws StorageError `VAULT_CORRUPT` if the file is not a vault of a known version
   */
  constructor(path: string) {
    privateSqliteFile(path)
    const db = new Database(path)
    try {
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = FULL')
      db.pragma('secure_delete = ON')
      db.pragma('foreign_keys = ON')
      db.exec(SCHEMA)
      const version = db.prepare<string>("SELECT value FROM vault_meta WHERE name = 'version'").pluck().get()
      if (version === undefined) db.prepare("INSERT INTO vault_meta VALUES ('version', ?)").run(VERSION)
      else if (version !== VERSION) throw vaultError('VAULT_CORRUPT', `vault schema version ${version} is not ${VERSION}`)
    } catch (e) {
      db.close()
      if (e instanceof Error && 'code' in e && String(e.code).startsWith('SQLITE_')) throw vaultError('VAULT_CORRUPT', `cannot open the vault: ${e.message}`)
      throw e
    }
    this.#db = db
    this.#s = {
      putSubject: db.prepare('INSERT INTO subject (id, wrapped_key, master_key_id, created_at) VALUES (?, ?, ?, ?)'),
      putRecord: db.prepare('INSERT INTO record (ref, subject, sealed, created_at) VALUES (?, ?, ?, ?)'),
      liveSubject: db.prepare<number>('SELECT 1 FROM subject WHERE id = ? AND erased_at IS NULL').pluck(),
      getSubject: db.prepare<{ id: string; wrapped_key: Buffer | null; master_key_id: string | null; created_at: string; erased_at: string | null }>(
        'SELECT id, wrapped_key, master_key_id, created_at, erased_at FROM subject WHERE id = ?',
      ),
      getRecord: db.prepare<{ ref: string; subject: string; sealed: Buffer; created_at: string }>('SELECT ref, subject, sealed, created_at FROM record WHERE ref = ?'),
      listRecords: db.prepare<string>('SELECT ref FROM record WHERE subject = ? ORDER BY created_at, rowid').pluck(),
      erase: db.prepare("UPDATE subject SET wrapped_key = NULL, master_key_id = NULL, erased_at = ? WHERE id = ? AND erased_at IS NULL"),
      eraseRecords: db.prepare('DELETE FROM record WHERE subject = ?'),
    }
  }

  /** @inheritdoc */
  deposit(subject: SubjectRow | undefined, records: RecordRow[]): void {
    this.#db.transaction(() => {
      if (subject) this.#s.putSubject.run(subject.id, subject.wrappedKey, subject.masterKeyId, subject.createdAt)
      for (const r of records) {
        if (r.subject !== subject?.id && this.#s.liveSubject.get(r.subject) === undefined) throw new Error(`subject ${r.subject} is not live`)
        this.#s.putRecord.run(r.ref, r.subject, r.sealed, r.createdAt)
      }
    }).immediate()
  }

  /** @inheritdoc */
  getSubject(id: string): SubjectRow | { erased: string } | undefined {
    const row = this.#s.getSubject.get(id)
    if (!row) return undefined
    if (row.erased_at !== null) return { erased: row.erased_at }
    if (row.wrapped_key === null || row.master_key_id === null) throw vaultError('VAULT_CORRUPT', `subject ${id} has no key and no erasure`, { subject: id })
    return { id: row.id, wrappedKey: new Uint8Array(row.wrapped_key), masterKeyId: row.master_key_id, createdAt: row.created_at }
  }

  /** @inheritdoc */
  getRecord(ref: string): RecordRow | undefined {
    const row = this.#s.getRecord.get(ref)
    return row && { ref: row.ref, subject: row.subject, sealed: new Uint8Array(row.sealed), createdAt: row.created_at }
  }

  /** @inheritdoc */
  listRecords(subject: string): string[] {
    return this.#s.listRecords.all(subject)
  }

  /** @inheritdoc */
  eraseSubject(id: string, at: string): boolean {
    const changed = this.#db.transaction(() => {
      const erased = this.#s.erase.run(at, id).changes === 1
      if (erased) this.#s.eraseRecords.run(id)
      return erased
    }).immediate()
    // secure_delete overwrites the database pages, not the write-ahead log's older copies of them:
    // copy the log into the database and empty it, so that no frame keeps the erased key.
    if (changed) this.#db.pragma('wal_checkpoint(TRUNCATE)')
    return changed
  }

  /** @inheritdoc */
  close(): void {
    if (this.#db.open) this.#db.close()
  }
}
