import type Database from 'better-sqlite3'
import { LtHash16, StateDigest } from 'saksi'
import type { HeadStateDigest } from '../ledger-store.js'
import { storeError } from '../store-errors.js'

type Row = unknown[]

/** The statements of the state digest's tables (schema version 2). */
export interface DigestStatements {
  /** `[height, value]` of the head's LtHash16, or undefined. */
  getHead: Database.Statement<Row>
  putHead: Database.Statement
  getChecksum: Database.Statement<Buffer>
  putChecksum: Database.Statement
}

/**
 * Prepares the digest's statements, or answers `undefined` on a database without its tables (a
 * read-only store of schema version 1).
 */
export function prepareDigestStatements(db: Database.Database): DigestStatements | undefined {
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'state_lthash'").pluck().get() === undefined) return undefined
  return {
    getHead: db.prepare<Row>('SELECT height, value FROM state_lthash WHERE id = 0').raw(),
    putHead: db.prepare('INSERT OR REPLACE INTO state_lthash (id, height, value) VALUES (0, ?, ?)'),
    getChecksum: db.prepare<Buffer>('SELECT checksum FROM state_digests WHERE height = ?').pluck(),
    putChecksum: db.prepare('INSERT INTO state_digests (height, checksum) VALUES (?, ?)'),
  }
}

/** The stored head digest, checked for shape. @throws StorageError `STORE_CORRUPT` */
export function readHeadDigest(d: DigestStatements): HeadStateDigest | undefined {
  const row = d.getHead.get()
  if (!row) return undefined
  const [height, value] = row
  if (typeof height !== 'number' || !(value instanceof Uint8Array)) throw storeError('STORE_CORRUPT', 'the stored state digest is malformed')
  return { height, value: LtHash16.fromBytes(value).bytes() }
}

/**
 * The digest to continue from when block `height` is written: empty for block 0, else the stored
 * head's, which must be the previous block's.
 * @throws StorageError `STORE_CORRUPT` when it is missing or belongs to another block
 */
export function digestBefore(d: DigestStatements, height: number): StateDigest {
  if (height === 0) return new StateDigest()
  const head = readHeadDigest(d)
  if (!head || head.height !== height - 1) {
    throw storeError('STORE_CORRUPT', `the stored state digest is for block ${head ? head.height : 'none'}, not the head ${height - 1}`)
  }
  return new StateDigest(LtHash16.fromBytes(head.value))
}

/** Records the digest after block `height`: the head's value and the block's checksum. */
export function saveDigest(d: DigestStatements, height: number, digest: StateDigest): void {
  d.putHead.run(height, digest.hash.bytes())
  d.putChecksum.run(height, digest.hash.checksum())
}

/** A state key in the table's order: `[contract, key]`. */
export type StateKeyBound = [contract: string, key: string]

/**
 * The digest of the state rows with `from` <= (contract, key) < `to` (the primary key's order: an
 * index range, not a scan), read on `db` in the caller's transaction if any.
 * @param from the first key, or undefined from the start
 * @param to the key after the last, or undefined to the end
 */
export function scanStateDigest(db: Database.Database, from?: StateKeyBound, to?: StateKeyBound): { digest: StateDigest; entries: number } {
  const where = [from ? '(contract, key) >= (?, ?)' : '', to ? '(contract, key) < (?, ?)' : ''].filter(Boolean)
  const digest = new StateDigest()
  let entries = 0
  const sql = `SELECT contract, key, value FROM state${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}`
  for (const row of db.prepare<Row>(sql).raw().iterate(...(from ?? []), ...(to ?? []))) {
    digest.add(row[0] as string, row[1] as string, row[2] as string)
    entries++
  }
  return { digest, entries }
}

/**
 * Computes the head's digest of a database written before the digest existed (migration to
 * schema version 2; inside its transaction). A database without blocks gets none: block 0 starts it.
 */
export function seedStateDigest(db: Database.Database): void {
  const head = db.prepare('SELECT max(height) FROM blocks').pluck().get() as number | null
  if (head === null) return
  saveDigest(prepareDigestStatements(db)!, head, scanStateDigest(db).digest)
}
