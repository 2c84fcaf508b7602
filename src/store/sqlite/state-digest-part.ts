import type Database from 'better-sqlite3'
import { LtHash16, StateDigest } from 'saksi'
import { storeError } from '../store-errors.js'
import type { StateDigestCheck } from '../ledger-store.js'
import { combineDigestParts } from './combine-digest-parts.js'
import { prepareDigestStatements, readHeadDigest, scanStateDigest, type StateKeyBound } from './sqlite-state-digest.js'

type Row = unknown[]

/**
 * One share of the opening check: the digest of one range of the state table's keys, and what its
 * transaction saw of the head, so that shares read on different connections can be checked to come
 * from the same snapshot before they are combined.
 */
export interface StateDigestPart {
  /** Which share (0-based) of how many. */
  index: number
  of: number
  /** The head block's height in this share's snapshot. */
  height: number
  /** SHA-256 of the head's stored LtHash16 in this snapshot. */
  stored: Uint8Array
  /** Rows of the whole state table in this snapshot. */
  total: number
  /** The range's first key (inclusive); null: from the start, or past the end when `index` > 0. */
  from: StateKeyBound | null
  /** The key after the range (exclusive); null: to the end. */
  to: StateKeyBound | null
  /** Rows hashed. */
  entries: number
  /** The LtHash16 of the range's entries (2048 bytes). */
  sum: Uint8Array
}

/**
 * The head's height and the checksum of its stored digest, in the caller's transaction.
 * @throws StorageError `STORE_NOT_INITIALISED`, `STORE_CORRUPT` (no digest, or not the head's)
 */
function checkedHead(db: Database.Database): { height: number; stored: Uint8Array } {
  const d = prepareDigestStatements(db)
  const headHeight = db.prepare('SELECT max(height) FROM blocks').pluck().get() as number | null
  if (headHeight === null) throw storeError('STORE_NOT_INITIALISED')
  const head = d && readHeadDigest(d)
  if (!head) throw storeError('STORE_CORRUPT', 'the store holds no state digest')
  if (head.height !== headHeight) throw storeError('STORE_CORRUPT', `the stored state digest is for block ${head.height}, not the head ${headHeight}`)
  return { height: head.height, stored: LtHash16.fromBytes(head.value).checksum() }
}

/**
 * Share `index` of `of` of the opening check, in one read transaction on `db`: the state table's
 * keys are cut where the row counts split evenly (`OFFSET` on the primary key), and this share
 * hashes the rows between its two cuts. With `of` = 1, the whole table without counting.
 * @param plan for the first share: decides from the row count how many shares there are
 *   (replacing `of`), before any hashing, so that a small state is not split
 * @throws StorageError `STORE_NOT_INITIALISED`, `STORE_CORRUPT` (no digest, or not the head's)
 */
export function digestPartOn(db: Database.Database, index: number, of: number, plan?: (total: number) => number): StateDigestPart {
  const part = db.transaction((): StateDigestPart => {
    const head = checkedHead(db)
    const counted = of > 1 || plan ? (db.prepare('SELECT count(*) FROM state').pluck().get() as number) : undefined
    const shares = plan && counted !== undefined ? plan(counted) : of
    if (shares === 1) {
      const { digest, entries } = scanStateDigest(db)
      return { index, of: 1, ...head, total: entries, from: null, to: null, entries, sum: digest.hash.bytes() }
    }
    const total = counted!
    const keyAt = db.prepare<Row>('SELECT contract, key FROM state ORDER BY contract, key LIMIT 1 OFFSET ?').raw()
    const cut = (j: number): StateKeyBound | null => (keyAt.get(Math.floor((j * total) / shares)) as StateKeyBound | undefined) ?? null
    const from = index === 0 ? null : cut(index)
    const to = index === shares - 1 ? null : cut(index + 1)
    // A share whose first cut is past the end (an empty table) has nothing to hash.
    const { digest, entries } = index > 0 && from === null ? { digest: new StateDigest(), entries: 0 } : scanStateDigest(db, from ?? undefined, to ?? undefined)
    return { index, of: shares, ...head, total, from, to, entries, sum: digest.hash.bytes() }
  })
  return part.deferred()
}

/**
 * Recomputes the digest from the state table and compares it with the stored head's, in one read
 * transaction (one WAL snapshot: a commit on another connection meanwhile is not seen).
 * @throws StorageError `STORE_NOT_INITIALISED`, `STORE_CORRUPT` (no digest, or not the head's)
 */
export function checkStateDigestOn(db: Database.Database): StateDigestCheck {
  // One share always agrees with itself.
  return combineDigestParts([digestPartOn(db, 0, 1)])!
}
