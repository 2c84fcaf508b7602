import type { JsonValue } from '../encoding/json.js'
import type { KeyRange } from './key-range.js'
import { freezeJson } from './json-snapshot.js'
import { SortedKeyMap } from './sorted-key-map.js'
import type { StateEntry, StateStore, StateWrite } from './state-store.js'

/**
 * An in-memory {@link StateStore}: one sorted key map per contract. The reference driver for
 * tests, the determinism check and short-lived nodes; durable drivers follow the same semantics.
 */
export class MemoryStateStore implements StateStore {
  readonly #contracts = new Map<string, SortedKeyMap<JsonValue>>()

  /** @inheritdoc */
  get(contract: string, key: string): JsonValue | undefined {
    return this.#contracts.get(contract)?.get(key)
  }

  /** @inheritdoc */
  range(contract: string, range: KeyRange): StateEntry[] {
    const map = this.#contracts.get(contract)
    if (!map) return []
    return map.keysIn(range).map((key) => ({ key, value: map.get(key)! }))
  }

  /**
   * Applies writes in order (a block's write set, or genesis writes). Values are frozen in place:
   * the store takes ownership of them.
   * @param writes `{contract, key, value}` puts and `{contract, key}` deletes
   */
  apply(writes: readonly StateWrite[]): void {
    for (const w of writes) {
      let map = this.#contracts.get(w.contract)
      if (w.value === undefined) {
        map?.delete(w.key)
        if (map?.size === 0) this.#contracts.delete(w.contract)
        continue
      }
      if (!map) this.#contracts.set(w.contract, (map = new SortedKeyMap()))
      map.set(w.key, freezeJson(w.value))
    }
  }

  /**
   * The whole state as puts sorted by (contract, key): for comparing two stores and for export.
   * @returns one write per stored key
   */
  dump(): StateWrite[] {
    const out: StateWrite[] = []
    for (const contract of [...this.#contracts.keys()].sort()) {
      const map = this.#contracts.get(contract)!
      for (const key of map.keys()) out.push({ contract, key, value: map.get(key)! })
    }
    return out
  }
}
