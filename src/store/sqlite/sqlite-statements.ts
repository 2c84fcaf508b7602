import type Database from 'better-sqlite3'
import { prepareDigestStatements, type DigestStatements } from './sqlite-state-digest.js'

type Row = unknown[]

/** Merkle nodes per multi-row insert. */
export const NODE_BATCH = 64

/**
 * Every statement the SQLite driver runs, prepared once per connection. Reads return raw rows
 * (arrays) or single plucked values, which better-sqlite3 builds faster than objects.
 */
export interface SqliteStatements {
  getMeta: Database.Statement<string>
  putMeta: Database.Statement
  head: Database.Statement<Row>
  getBlock: Database.Statement<Row>
  insertBlock: Database.Statement
  insertEntry: Database.Statement
  getEntry: Database.Statement<Buffer>
  getEntries: Database.Statement<Row>
  findTx: Database.Statement<Row>
  committedTxIds: Database.Statement<string>
  entriesBySigner: Database.Statement<number>
  insertNode: Database.Statement
  /** Inserts {@link NODE_BATCH} nodes at once (the rows are tiny: per-statement cost dominates). */
  insertNodes: Database.Statement
  getNode: Database.Statement<Buffer>
  getLeaf: Database.Statement<Buffer>
  putState: Database.Statement
  deleteState: Database.Statement
  getState: Database.Statement<string>
  /** Indexed by `(hasUpperBound ? 2 : 0) + (reverse ? 1 : 0)`. */
  rangeState: readonly Database.Statement<Row>[]
  /** The state digest's tables; absent on a read-only database of schema version 1. */
  digest: DigestStatements | undefined
}

function range(db: Database.Database, upper: boolean, reverse: boolean): Database.Statement<Row> {
  const hi = upper ? ' AND key < ?' : ''
  return db.prepare<Row>(`SELECT key, value FROM state WHERE contract = ? AND key >= ?${hi} ORDER BY key ${reverse ? 'DESC' : 'ASC'} LIMIT ?`).raw()
}

/**
 * Prepares the driver's statements on a migrated database.
 * @param db the connection (a read-only one prepares the writing statements too; running them fails)
 */
export function prepareStatements(db: Database.Database): SqliteStatements {
  return {
    getMeta: db.prepare<string>('SELECT value FROM meta WHERE key = ?').pluck(),
    putMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)'),
    head: db.prepare<Row>('SELECT height, size, header, sig, checkpoint FROM blocks ORDER BY height DESC LIMIT 1').raw(),
    getBlock: db.prepare<Row>('SELECT height, size, header, sig, checkpoint FROM blocks WHERE height = ?').raw(),
    insertBlock: db.prepare('INSERT INTO blocks (height, size, header, sig, checkpoint) VALUES (?, ?, ?, ?, ?)'),
    insertEntry: db.prepare('INSERT INTO entries (idx, tx_id, signer, block, leaf, bytes) VALUES (?, ?, ?, ?, ?, ?)'),
    getEntry: db.prepare<Buffer>('SELECT bytes FROM entries WHERE idx = ?').pluck(),
    getEntries: db.prepare<Row>('SELECT idx, tx_id, signer, bytes FROM entries WHERE idx >= ? AND idx < ? ORDER BY idx').raw(),
    findTx: db.prepare<Row>('SELECT idx, block FROM entries WHERE tx_id = ?').raw(),
    committedTxIds: db.prepare<string>('SELECT lower(hex(tx_id)) FROM entries WHERE tx_id IN (SELECT unhex(value) FROM json_each(?))').pluck(),
    entriesBySigner: db.prepare<number>('SELECT idx FROM entries WHERE signer = ? AND idx > ? ORDER BY idx LIMIT ?').pluck(),
    insertNode: db.prepare('INSERT INTO merkle (level, idx, hash) VALUES (?, ?, ?)'),
    insertNodes: db.prepare(`INSERT INTO merkle (level, idx, hash) VALUES ${Array(NODE_BATCH).fill('(?, ?, ?)').join(', ')}`),
    getNode: db.prepare<Buffer>('SELECT hash FROM merkle WHERE level = ? AND idx = ?').pluck(),
    getLeaf: db.prepare<Buffer>('SELECT leaf FROM entries WHERE idx = ?').pluck(),
    putState: db.prepare('INSERT OR REPLACE INTO state (contract, key, value) VALUES (?, ?, ?)'),
    deleteState: db.prepare('DELETE FROM state WHERE contract = ? AND key = ?'),
    getState: db.prepare<string>('SELECT value FROM state WHERE contract = ? AND key = ?').pluck(),
    rangeState: [range(db, false, false), range(db, false, true), range(db, true, false), range(db, true, true)],
    digest: prepareDigestStatements(db),
  }
}
