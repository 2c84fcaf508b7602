import type Database from 'better-sqlite3'
import { storeError } from '../store-errors.js'
import { seedStateDigest } from './sqlite-state-digest.js'

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = 2

/**
 * The oldest schema a read-only store opens (audits of old data directories): version 2 only adds
 * the state digest's tables, which a read-only store does without.
 */
export const MIN_READABLE_SCHEMA_VERSION = 1

// MIGRATIONS[v] takes a database from version v to v + 1: SQL, or a function for what SQL cannot
// compute. Never edit a shipped one; append.
// Version 1: txIds are 32-byte blobs (half the index of hex text); an entry row carries its leaf
// hash, so `merkle` holds only the nodes of level 1 and up (one row fewer per entry).
const MIGRATIONS: readonly (string | ((db: Database.Database) => void))[] = [
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
  // Version 2: the state digest (LtHash16 of all state, sqlite-state-digest.ts): its 2048-byte value
  // for the head, updated in each block's transaction, and its 32-byte checksum per block. A
  // database written before gets the head's digest computed once, here, from its state table.
  (db) => {
    db.exec(`
    CREATE TABLE state_lthash (
      id INTEGER PRIMARY KEY CHECK (id = 0),
      height INTEGER NOT NULL,
      value BLOB NOT NULL
    );
    CREATE TABLE state_digests (
      height INTEGER PRIMARY KEY REFERENCES blocks (height),
      checksum BLOB NOT NULL
    );
    `)
    seedStateDigest(db)
  },
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
 * A read-only database is only checked (any version from {@link MIN_READABLE_SCHEMA_VERSION}).
 * @param db an open connection
 * @param readonly check the version without writing
 * @throws StorageError `STORE_SCHEMA_UNSUPPORTED` for a newer (or, read-only, a missing or too
 *   old) schema, `STORE_CORRUPT` for an unreadable version
 */
export function migrate(db: Database.Database, readonly = false): void {
  const run = db.transaction(() => {
    const version = readVersion(db)
    if (version > SCHEMA_VERSION || (readonly && version < MIN_READABLE_SCHEMA_VERSION)) {
      throw storeError('STORE_SCHEMA_UNSUPPORTED', `the database has schema version ${version}; this code reads version ${SCHEMA_VERSION}`, {
        schemaVersion: version,
      })
    }
    if (version === 0) db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID')
    if (readonly) return
    for (let v = version; v < SCHEMA_VERSION; v++) {
      const step = MIGRATIONS[v]!
      if (typeof step === 'string') db.exec(step)
      else step(db)
    }
    if (version !== SCHEMA_VERSION) {
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)").run(String(SCHEMA_VERSION))
    }
  })
  if (readonly) run.deferred()
  else run.immediate()
}
