import type { StateDigest, StateWrite } from 'saksi'
import type { SqliteStatements } from './sqlite-statements.js'

/**
 * Applies a block's ordered write set to the `state` table. Only the last write to each
 * (contract, key) reaches the database: applying the list in order ends in the same state, and a
 * block that touches a key many times (a counter) costs one row.
 * @param s the prepared statements (inside the commit's transaction)
 * @param writes the block's writes in order; a write without `value` deletes
 * @param serialise a value's stored text (JCS)
 * @param digest the state digest, changed by each key's old and new stored text
 */
export function writeState(s: SqliteStatements, writes: readonly StateWrite[], serialise: (value: unknown, what: string) => string, digest: StateDigest): void {
  const last = new Map<string, StateWrite>()
  for (const w of writes) {
    last.set(`${w.contract}\n${w.key}`, w)
  }
  for (const w of last.values()) {
    const before = s.getState.get(w.contract, w.key)
    const after = w.value === undefined ? undefined : serialise(w.value, `state ${w.contract}/${w.key}`)
    if (after === undefined) s.deleteState.run(w.contract, w.key)
    else s.putState.run(w.contract, w.key, after)
    digest.change(w.contract, w.key, before, after)
  }
}
