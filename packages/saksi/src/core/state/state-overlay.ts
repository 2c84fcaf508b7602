import type { JsonValue } from '../encoding/json.js'
import type { KeyRange } from './key-range.js'
import { freezeJson } from './json-snapshot.js'
import { SortedKeyMap } from './sorted-key-map.js'
import type { StateEntry, StateStore, StateWrite } from './state-store.js'

const DELETED: unique symbol = Symbol('deleted')
type Pending = JsonValue | typeof DELETED

/**
 * Buffered writes over a base {@link StateStore}. Reads see the buffered writes first, then the
 * base; nothing reaches the base. The runtime stacks two of them: one per block over the store
 * (reads see earlier writes of the same block) and one per transaction over the block's (a failed
 * call's writes are dropped by dropping its overlay). Every value read through an overlay is
 * deeply frozen, whatever the driver returned, so contracts behave the same on every driver.
 */
export class StateOverlay implements StateStore {
  #base: StateStore
  readonly #pending = new Map<string, SortedKeyMap<Pending>>()

  /** @param base the state underneath (a store or another overlay) */
  constructor(base: StateStore) {
    this.#base = base
  }

  /**
   * Puts this overlay on another base. Only for a base that reads exactly as the old one: the node
   * moves a block's overlay from the previous block's overlay to the store once the store holds
   * that block, so that overlays never chain further back than the blocks in flight.
   */
  rebase(base: StateStore): void {
    this.#base = base
  }

  /** @inheritdoc */
  get(contract: string, key: string): JsonValue | undefined {
    const local = this.#pending.get(contract)?.get(key)
    if (local === DELETED) return undefined
    if (local !== undefined) return local
    const value = this.#base.get(contract, key)
    return value === undefined ? undefined : freezeJson(value)
  }

  /** @inheritdoc */
  range(contract: string, range: KeyRange): StateEntry[] {
    const local = this.#pending.get(contract)
    const localKeys = local ? local.keysIn({ lo: range.lo, hi: range.hi, reverse: range.reverse }) : []
    const limit = range.limit ?? Infinity
    // Each buffered key can hide at most one base entry, so this many base entries always suffice.
    const baseRange = range.limit === undefined ? range : { ...range, limit: range.limit + localKeys.length }
    const base = this.#base.range(contract, baseRange)
    const before = range.reverse ? (a: string, b: string) => a > b : (a: string, b: string) => a < b
    const out: StateEntry[] = []
    let i = 0
    let j = 0
    while (out.length < limit && (i < base.length || j < localKeys.length)) {
      const b = base[i]
      const k = localKeys[j]
      if (k === undefined || (b !== undefined && before(b.key, k))) {
        out.push({ key: b!.key, value: freezeJson(b!.value) })
        i++
        continue
      }
      if (b !== undefined && b.key === k) i++
      const v = local!.get(k)!
      if (v !== DELETED) out.push({ key: k, value: v })
      j++
    }
    return out
  }

  /**
   * Buffers a put. The value must already be a checked, frozen snapshot (see `snapshotJson`).
   * @param contract the namespace
   * @param key a valid state key
   * @param value the new value
   */
  put(contract: string, key: string, value: JsonValue): void {
    this.#map(contract).set(key, value)
  }

  /** Buffers a delete of `key` in `contract`'s namespace. */
  delete(contract: string, key: string): void {
    this.#map(contract).set(key, DELETED)
  }

  /** Buffers writes in order (e.g. a committed transaction's writes into its block's overlay). */
  apply(writes: readonly StateWrite[]): void {
    for (const w of writes) {
      if (w.value === undefined) this.delete(w.contract, w.key)
      else this.put(w.contract, w.key, freezeJson(w.value))
    }
  }

  /**
   * The buffered writes, one per key (the last one wins), sorted by (contract, key): a
   * transaction's write set.
   */
  writes(): StateWrite[] {
    const out: StateWrite[] = []
    for (const contract of [...this.#pending.keys()].sort()) {
      const map = this.#pending.get(contract)!
      for (const key of map.keys()) {
        const v = map.get(key)!
        out.push(v === DELETED ? { contract, key } : { contract, key, value: v })
      }
    }
    return out
  }

  /** True when nothing is buffered. */
  get isEmpty(): boolean {
    return this.#pending.size === 0
  }

  #map(contract: string): SortedKeyMap<Pending> {
    let map = this.#pending.get(contract)
    if (!map) this.#pending.set(contract, (map = new SortedKeyMap()))
    return map
  }
}
