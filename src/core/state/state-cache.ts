import type { JsonValue } from '../encoding/json.js'
import { freezeJson } from './json-snapshot.js'
import type { KeyRange } from './key-range.js'
import { KeySpans, SPAN_END, type KeySpan } from './key-spans.js'
import { SortedKeyMap } from './sorted-key-map.js'
import type { StateEntry, StateWrite } from './state-store.js'

/** What a {@link StateCache} answers for something it does not know. */
export const UNKNOWN: unique symbol = Symbol('unknown')

/** A cached answer, or {@link UNKNOWN}. */
export type Known<T> = T | typeof UNKNOWN

/** One contract's part of the cache. */
interface Space {
  /** Keys known present, sorted, with their (frozen) values. */
  present: SortedKeyMap<JsonValue>
  /** Keys known absent (outside the spans too). */
  absent: Set<string>
  /** Intervals in which every present key is in `present`: range scans inside them are answered. */
  spans: KeySpans
}

/** What the LRU order holds: a key (point) or a span, by its start. */
interface Slot {
  contract: string
  space: Space
  key: string
  span: boolean
}

/**
 * A bounded cache of committed contract state: point values (present or known absent) and the key
 * intervals it knows completely, so that range scans are answered too. A driver fills it with what
 * it read (`set`, `setRange`); the node applies each committed block's write set to it (`apply`),
 * which keeps it current without ever asking the database what changed. Least recently used keys and
 * spans are evicted beyond `capacity`; evicting a present key drops the span around it, so the
 * cache never answers a scan it no longer knows completely.
 *
 * It holds committed state only: the overlays of blocks not yet stored sit above it. Values are
 * deeply frozen (in place) when they enter.
 */
export class StateCache {
  readonly #capacity: number
  readonly #maxScan: number
  readonly #spaces = new Map<string, Space>()
  readonly #lru = new Map<string, Slot>()
  #evictions = 0

  /**
   * @param capacity most keys and spans held (default: no bound, for a block's own loaded reads)
   */
  constructor(capacity = Infinity) {
    if (!(capacity >= 1)) throw new RangeError('capacity must be at least 1')
    this.#capacity = capacity
    // A scan that would fill a good part of the cache is not kept: it would only evict itself.
    this.#maxScan = capacity === Infinity ? Infinity : Math.floor(capacity / 4)
  }

  /** Keys and spans held. */
  get size(): number {
    return this.#lru.size
  }

  /** Keys and spans evicted so far. */
  get evictions(): number {
    return this.#evictions
  }

  /** The value at `key` (undefined when known absent), or {@link UNKNOWN}. */
  get(contract: string, key: string): Known<JsonValue | undefined> {
    const space = this.#spaces.get(contract)
    if (!space) return UNKNOWN
    const value = space.present.get(key)
    if (value !== undefined) {
      this.#touch(contract, key, false)
      return value
    }
    if (space.absent.has(key)) {
      this.#touch(contract, key, false)
      return undefined
    }
    const span = space.spans.containing(key)
    if (!span) return UNKNOWN
    this.#touch(contract, span.lo, true)
    return undefined
  }

  /** The entries of `contract` in `range`, as a store would answer, or {@link UNKNOWN}. */
  range(contract: string, range: KeyRange): Known<StateEntry[]> {
    if (range.limit === 0 || (range.hi !== undefined && range.lo >= range.hi)) return []
    const space = this.#spaces.get(contract)
    if (!space) return UNKNOWN
    const hi = range.hi ?? SPAN_END
    let span: KeySpan | undefined
    let keys: string[]
    if (!range.reverse) {
      span = space.spans.containing(range.lo)
      if (!span) return UNKNOWN
      keys = space.present.keysIn(span.hi >= hi ? range : { lo: range.lo, hi: span.hi, limit: range.limit, reverse: false })
      // Known only partly: enough when the known part already holds `limit` entries.
      if (span.hi < hi && (range.limit === undefined || keys.length < range.limit)) return UNKNOWN
    } else {
      span = space.spans.endingAt(hi)
      if (!span) return UNKNOWN
      keys = space.present.keysIn(span.lo <= range.lo ? range : { lo: span.lo, hi: range.hi, limit: range.limit, reverse: true })
      if (span.lo > range.lo && (range.limit === undefined || keys.length < range.limit)) return UNKNOWN
    }
    this.#touch(contract, span.lo, true)
    return keys.map((key) => {
      this.#touch(contract, key, false)
      return { key, value: space.present.get(key)! }
    })
  }

  /**
   * Records the committed value of one key (undefined: absent), read from the store or written by
   * a committed block. The value is frozen in place.
   */
  set(contract: string, key: string, value: JsonValue | undefined): void {
    this.#setPoint(contract, this.#space(contract), key, value)
    this.#evict()
  }

  /** Applies a committed block's ordered write set (a write without `value` deletes). */
  apply(writes: readonly StateWrite[]): void {
    for (const w of writes) this.#setPoint(w.contract, this.#space(w.contract), w.key, w.value)
    this.#evict()
  }

  /**
   * Records what a store answered for a range scan: the interval it covers becomes known (all of
   * `range`, or up to the last entry when the scan stopped at its limit), and the keys in it not
   * among `entries` are known absent.
   */
  setRange(contract: string, range: KeyRange, entries: readonly StateEntry[]): void {
    if (range.limit === 0 || (range.hi !== undefined && range.lo >= range.hi) || entries.length > this.#maxScan) return
    let lo = range.lo
    let hi = range.hi ?? SPAN_END
    if (range.limit !== undefined && entries.length >= range.limit) {
      const last = entries[entries.length - 1]!.key
      if (range.reverse) lo = last
      else hi = `${last}\0`
    }
    const space = this.#space(contract)
    const listed = new Set<string>()
    for (const e of entries) {
      listed.add(e.key)
      this.#setPoint(contract, space, e.key, e.value)
    }
    for (const key of space.present.keysIn({ lo, hi, reverse: false })) {
      if (!listed.has(key)) this.#setPoint(contract, space, key, undefined)
    }
    const merged = space.spans.add(lo, hi)
    for (const start of merged.absorbed) this.#lru.delete(slotId(contract, start, true))
    this.#lru.set(slotId(contract, merged.span.lo, true), { contract, space, key: merged.span.lo, span: true })
    this.#evict()
  }

  #space(contract: string): Space {
    let space = this.#spaces.get(contract)
    if (!space) this.#spaces.set(contract, (space = { present: new SortedKeyMap(), absent: new Set(), spans: new KeySpans() }))
    return space
  }

  #setPoint(contract: string, space: Space, key: string, value: JsonValue | undefined): void {
    if (value === undefined) {
      space.present.delete(key)
      space.absent.add(key)
    } else {
      space.present.set(key, freezeJson(value))
      space.absent.delete(key)
    }
    const id = slotId(contract, key, false)
    const slot = this.#lru.get(id)
    if (slot) this.#lru.delete(id)
    this.#lru.set(id, slot ?? { contract, space, key, span: false })
  }

  #touch(contract: string, key: string, span: boolean): void {
    if (this.#capacity === Infinity) return
    const id = slotId(contract, key, span)
    const slot = this.#lru.get(id)
    if (!slot) return
    this.#lru.delete(id)
    this.#lru.set(id, slot)
  }

  #evict(): void {
    while (this.#lru.size > this.#capacity) {
      const [id, slot] = this.#lru.entries().next().value as [string, Slot]
      this.#lru.delete(id)
      this.#evictions++
      const { space, key } = slot
      if (slot.span) {
        space.spans.delete(key)
        continue
      }
      space.absent.delete(key)
      if (!space.present.delete(key)) continue
      // The span around a present key no longer knows all its keys.
      const around = space.spans.containing(key)
      if (around) {
        space.spans.delete(around.lo)
        this.#lru.delete(slotId(slot.contract, around.lo, true))
      }
    }
  }
}

function slotId(contract: string, key: string, span: boolean): string {
  return `${contract}${span ? '\u0001' : '\u0000'}${key}`
}
