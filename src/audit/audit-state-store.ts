import type { JsonValue, KeyRange, StateEntry, StateStore, StateWrite } from 'saksi'
import { freezeJson, ChunkedKeys } from 'saksi'

interface Namespace {
  values: Map<string, JsonValue>
  keys: ChunkedKeys
}

/**
 * The in-memory state an audit re-executes into: the same semantics as the core's
 * `MemoryStateStore` (values frozen on apply, ranges in key order), with {@link ChunkedKeys} so
 * that applying a million new keys stays fast.
 */
export class AuditStateStore implements StateStore {
  readonly #contracts = new Map<string, Namespace>()

  /** @inheritdoc */
  get(contract: string, key: string): JsonValue | undefined {
    return this.#contracts.get(contract)?.values.get(key)
  }

  /** @inheritdoc */
  range(contract: string, range: KeyRange): StateEntry[] {
    const ns = this.#contracts.get(contract)
    if (!ns) return []
    return ns.keys.keysIn(range).map((key) => ({ key, value: ns.values.get(key)! }))
  }

  /**
   * Applies writes in order (a block's write set, or genesis writes); takes ownership of the values.
   * @param writes puts (`value` set) and deletes
   */
  apply(writes: readonly StateWrite[]): void {
    for (const w of writes) {
      let ns = this.#contracts.get(w.contract)
      if (w.value === undefined) {
        if (ns?.values.delete(w.key)) ns.keys.remove(w.key)
        continue
      }
      if (!ns) this.#contracts.set(w.contract, (ns = { values: new Map(), keys: new ChunkedKeys() }))
      if (!ns.values.has(w.key)) ns.keys.insert(w.key)
      ns.values.set(w.key, freezeJson(w.value))
    }
  }

  /** Number of keys of every contract. */
  get size(): number {
    let n = 0
    for (const ns of this.#contracts.values()) n += ns.keys.size
    return n
  }
}
