import type Database from 'better-sqlite3'
import { storeError } from '../store-errors.js'

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = 1

// MIGRATIONS[v] takes a database from version v to v + 1. Never edit a shipped one; append.
// Version 1: txIds are 32-byte blobs (half the index of hex text); an entry row carries its leaf
// hash, so `merkle` holds only the nodes of level 1 and up (one row fewer per entry).
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE blocks (
    height INTEGER PRIMARY KEY,
    size INTEGER NOT NULL,
    header TEXT NOT NULL,
    sig TEXT NOT NULL,
    checkpoint TEXT NOT NULL
  );
  CREATE TABLE entries (
    idx INTEGER PRIMARY KEY,
    tx_id BLOB NOT NULL UNIQUE,
    signer TEXT NOT NULL,
    block INTEGER NOT NULL REFERENCES blocks (height),
    leaf BLOB NOT NULL,
    bytes BLOB NOT NULL
  );
  CREATE INDEX entries_by_signer ON entries (signer, idx);
  CREATE TABLE merkle (
    level INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    hash BLOB NOT NULL,
    PRIMARY KEY (level, idx)
  ) WITHOUT ROWID;
  CREATE TABLE state (
    contract TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (contract, key)
  ) WITHOUT ROWID;
  `,
]

function readVersion(db: Database.Database): number {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").pluck().get() !== undefined
  if (!hasMeta) return 0
  const text = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get()
  const version = Number(text)
  if (typeof text !== 'string' || !Number.isSafeInteger(version) || version < 1) {
    throw storeError('STORE_CORRUPT', `meta.schema_version is ${JSON.stringify(text)}`)
  }
  return version
}

/**
 * Brings a database to {@link SCHEMA_VERSION} in one transaction: creates the tables of a new
 * database, applies later migrations to an older one, and records the version in `meta`.
 * A read-only database is only checked.
 * @param db an open connection
 * @param readonly check the version without writing
 * @throws StorageError `STORE_SCHEMA_UNSUPPORTED` for a newer (or, read-only, an older or
 *   missing) schema, `STORE_CORRUPT` for an unreadable version
 */
export function migrate(db: Database.Database, readonly = false): void {
  const run = db.transaction(() => {
    const version = readVersion(db)
    if (version > SCHEMA_VERSION || (readonly && version !== SCHEMA_VERSION)) {
      throw storeError('STORE_SCHEMA_UNSUPPORTED', `the database has schema version ${version}; this code reads version ${SCHEMA_VERSION}`, {
        schemaVersion: version,
      })
    }
    if (version === 0) db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID')
    for (let v = version; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!)
    if (version !== SCHEMA_VERSION) {
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)").run(String(SCHEMA_VERSION))
    }
  })
  if (readonly) run.deferred()
  else run.immediate()
}
