import type { JsonValue, KeyRange, StateEntry, StateStore } from 'saksi'
import { storeError } from '../store-errors.js'
import type { SqliteStatements } from './sqlite-statements.js'
import { toStorageError } from './sqlite-errors.js'

// Values were written as JCS by this driver, so plain JSON.parse reads them back exactly (JCS is
// JSON, and "__proto__" becomes an own property). Every read returns fresh objects.
function parseValue(text: unknown, contract: string, key: string): JsonValue {
  if (typeof text !== 'string') throw storeError('STORE_CORRUPT', `state ${contract}/${key} is not text`, { contract, key })
  let value: JsonValue
  try {
    value = JSON.parse(text) as JsonValue
  } catch {
    throw storeError('STORE_CORRUPT', `state ${contract}/${key} does not parse as JSON`, { contract, key })
  }
  if (value === null) throw storeError('STORE_CORRUPT', `state ${contract}/${key} is null`, { contract, key })
  return value
}

/**
 * Contract state read from the SQLite `state` table, synchronously (better-sqlite3 is), one
 * prepared statement per read. Values come back as fresh objects that the caller owns.
 */
export class SqliteStateStore implements StateStore {
  /**
   * @param statements the connection's prepared statements
   * @param check throws `STORE_CLOSED` once the store is closed
   */
  constructor(
    private readonly statements: SqliteStatements,
    private readonly check: () => void,
  ) {}

  /** @inheritdoc */
  get(contract: string, key: string): JsonValue | undefined {
    this.check()
    let text: string | undefined
    try {
      text = this.statements.getState.get(contract, key)
    } catch (e) {
      throw toStorageError(e, 'reading state')
    }
    return text === undefined ? undefined : parseValue(text, contract, key)
  }

  /** @inheritdoc */
  range(contract: string, range: KeyRange): StateEntry[] {
    this.check()
    const limit = range.limit ?? -1
    const statement = this.statements.rangeState[(range.hi === undefined ? 0 : 2) + (range.reverse ? 1 : 0)]!
    let rows: unknown[][]
    try {
      rows = range.hi === undefined ? statement.all(contract, range.lo, limit) : statement.all(contract, range.lo, range.hi, limit)
    } catch (e) {
      throw toStorageError(e, 'scanning state')
    }
    return rows.map(([key, text]) => ({ key: key as string, value: parseValue(text, contract, key as string) }))
  }
}
