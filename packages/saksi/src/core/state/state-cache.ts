import type { JsonValue } from '../encoding/json.js'
import { ChunkedKeys } from './chunked-keys.js'
import { freezeJson } from './json-snapshot.js'
import type { KeyRange } from './key-range.js'
import { KeySpans, SPAN_END, type KeySpan } from './key-spans.js'
import type { StateEntry, StateWrite } from './state-store.js'

/** What a {@link StateCache} answers for something it does not know. */
export const UNKNOWN: unique symbol = Symbol('unknown')

/** A cached answer, or {@link UNKNOWN}. */
export type Known<T> = T | typeof UNKNOWN

/** A key (its value, `undefined` when known absent) or a span (by its start), in the LRU list. */
interface Slot {
  space: Space
  key: string
  span: boolean
  value: JsonValue | undefined
  /** In the space's sorted index (`ranged`). */
  indexed: boolean
  prev: Slot
  next: Slot
}

/** One contract's part of the cache. */
interface Space {
  /** Every key known, present or absent. */
  points: Map<string, Slot>
  /**
   * The present keys inside spans, sorted, for range scans (keys read or written one by one stay
   * out of it: most are never scanned, and sorting them would cost every write).
   */
  ranged: ChunkedKeys
  /** Intervals in which every present key is known: range scans inside them are answered. */
  spans: KeySpans
  /** The LRU slots of the spans, by start. */
  spanSlots: Map<string, Slot>
  /** Keys read once and not kept (see {@link StateCache}). */
  seen: Set<string>
}

/** At most this many keys remembered as read once. */
const MAX_SEEN = 16_384

/**
 * A bounded cache of committed contract state: point values (present or known absent) and the key
 * intervals it knows completely, so that range scans are answered too. A driver fills it with what
 * it read (`set`, `setRange`); the node applies each committed block's write set to it (`apply`),
 * which keeps it current without ever asking the database what changed. Least recently used keys and
 * spans are evicted beyond `capacity`; evicting a present key drops the span around it, so the
 * cache never answers a scan it no longer knows completely.
 *
 * A key read from a local store is kept the second time it is read (the first time, only its name
 * is remembered, in a set emptied at once when full), and a committed write is kept only for a key
 * the cache holds or a range it knows: most keys a block touches (a new citizen's records) are
 * touched once, and keeping each of them would cost more than reading it again. Range scans, and
 * reads loaded from a remote store (`set(..., true)`), are kept at once.
 *
 * It holds committed state only: the overlays of blocks not yet stored sit above it. Values are
 * deeply frozen (in place) when they enter.
 */
export class StateCache {
  readonly #maxScan: number
  readonly #bounded: boolean
  readonly #spaces = new Map<string, Space>()
  /** Sentinel of the LRU list: `next` is the least recently used slot, `prev` the most recent. */
  readonly #lru: Slot
  #size = 0
  readonly #capacity: number
  /** Keys remembered as read once, and at most how many (0: every key is kept at once). */
  #seen = 0
  readonly #maxSeen: number
  #evictions = 0

  /**
   * @param capacity most keys and spans held (default: no bound, for a block's own loaded reads)
   */
  constructor(capacity = Infinity) {
    if (!(capacity >= 1)) throw new RangeError('capacity must be at least 1')
    this.#bounded = capacity !== Infinity
    this.#capacity = capacity
    this.#maxSeen = this.#bounded ? Math.min(MAX_SEEN, capacity) : 0
    // A scan that would fill a good part of the cache is not kept: it would only evict itself.
    this.#maxScan = this.#bounded ? Math.floor(capacity / 4) : Infinity
    const sentinel = { key: '', span: false, value: undefined, indexed: false } as Slot
    sentinel.prev = sentinel.next = sentinel
    this.#lru = sentinel
  }

  /** Keys and spans held. */
  get size(): number {
    return this.#size
  }

  /** Keys and spans evicted so far. */
  get evictions(): number {
    return this.#evictions
  }

  /**
   * Forgets everything held (evictions keep counting). The node calls it after its watchdog
   * interrupted a block mid-way, which may have cut an update of this cache short.
   */
  clear(): void {
    this.#spaces.clear()
    this.#lru.prev = this.#lru.next = this.#lru
    this.#size = 0
    this.#seen = 0
  }

  /** The value at `key` (undefined when known absent), or {@link UNKNOWN}. */
  get(contract: string, key: string): Known<JsonValue | undefined> {
    const space = this.#spaces.get(contract)
    if (!space) return UNKNOWN
    const slot = space.points.get(key)
    if (slot) {
      this.#touch(slot)
      return slot.value
    }
    const span = space.spans.size > 0 ? space.spans.containing(key) : undefined
    if (!span) return UNKNOWN
    this.#touch(space.spanSlots.get(span.lo)!)
    return undefined
  }

  /** The entries of `contract` in `range`, as a store would answer, or {@link UNKNOWN}. */
  range(contract: string, range: KeyRange): Known<StateEntry[]> {
    if (range.limit === 0 || (range.hi !== undefined && range.lo >= range.hi)) return []
    const space = this.#spaces.get(contract)
    if (!space || space.spans.size === 0) return UNKNOWN
    const hi = range.hi ?? SPAN_END
    let span: KeySpan | undefined
    let keys: string[]
    if (!range.reverse) {
      span = space.spans.containing(range.lo)
      if (!span) return UNKNOWN
      keys = space.ranged.keysIn(span.hi >= hi ? range : { lo: range.lo, hi: span.hi, limit: range.limit, reverse: false })
      // Known only partly: enough when the known part already holds `limit` entries.
      if (span.hi < hi && (range.limit === undefined || keys.length < range.limit)) return UNKNOWN
    } else {
      span = space.spans.endingAt(hi)
      if (!span) return UNKNOWN
      keys = space.ranged.keysIn(span.lo <= range.lo ? range : { lo: span.lo, hi: range.hi, limit: range.limit, reverse: true })
      if (span.lo > range.lo && (range.limit === undefined || keys.length < range.limit)) return UNKNOWN
    }
    this.#touch(space.spanSlots.get(span.lo)!)
    return keys.map((key) => {
      const slot = space.points.get(key)!
      this.#touch(slot)
      return { key, value: slot.value! }
    })
  }

  /**
   * Records the committed value of one key (undefined: absent), as the store answered it: kept if
   * the key was read before (or `now`). The value is frozen in place when kept.
   * @param now keep it at once (what a round trip to a remote store brought)
   */
  set(contract: string, key: string, value: JsonValue | undefined, now = false): void {
    const space = this.#space(contract)
    if (!now && this.#maxSeen > 0 && !this.#known(space, key)) {
      if (!space.seen.delete(key)) {
        this.#remember(space, key)
        return
      }
      this.#seen--
    }
    this.#setPoint(space, key, value)
    this.#evict()
  }

  /**
   * Applies a committed block's ordered write set (a write without `value` deletes) to the keys the
   * cache holds and the ranges it knows; a key it does not hold is kept too when `all` (a key not
   * kept simply stays unknown).
   * @param all keep every key written (over a remote store, where a miss costs a round trip)
   */
  apply(writes: readonly StateWrite[], all = false): void {
    for (const w of writes) {
      const space = this.#space(w.contract)
      if (all || this.#maxSeen === 0 || this.#known(space, w.key)) this.#setPoint(space, w.key, w.value)
    }
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
      this.#setPoint(space, e.key, e.value)
      const slot = space.points.get(e.key)!
      if (!slot.indexed) {
        space.ranged.insert(e.key)
        slot.indexed = true
      }
    }
    for (const key of space.ranged.keysIn({ lo, hi, reverse: false })) {
      if (!listed.has(key)) this.#setPoint(space, key, undefined)
    }
    const merged = space.spans.add(lo, hi)
    for (const start of merged.absorbed) this.#drop(space.spanSlots.get(start)!)
    space.spanSlots.set(merged.span.lo, this.#link({ space, key: merged.span.lo, span: true, value: undefined, indexed: false } as Slot))
    this.#evict()
  }

  #space(contract: string): Space {
    let space = this.#spaces.get(contract)
    if (!space) this.#spaces.set(contract, (space = { points: new Map(), ranged: new ChunkedKeys(), spans: new KeySpans(), spanSlots: new Map(), seen: new Set() }))
    return space
  }

  /** True when the cache holds `key` or knows a range around it. */
  #known(space: Space, key: string): boolean {
    return space.points.has(key) || (space.spans.size > 0 && space.spans.containing(key) !== undefined)
  }

  #remember(space: Space, key: string): void {
    space.seen.add(key)
    if (++this.#seen > this.#maxSeen) {
      // Full: forget them all at once (no order to keep).
      for (const other of this.#spaces.values()) other.seen.clear()
      this.#seen = 0
    }
  }

  #setPoint(space: Space, key: string, value: JsonValue | undefined): void {
    if (value !== undefined) freezeJson(value)
    let slot = space.points.get(key)
    if (!slot) space.points.set(key, (slot = this.#link({ space, key, span: false, value, indexed: false } as Slot)))
    else {
      slot.value = value
      this.#touch(slot)
    }
    if (value === undefined) {
      if (slot.indexed) {
        space.ranged.remove(key)
        slot.indexed = false
      }
    } else if (!slot.indexed && space.spans.size > 0 && space.spans.containing(key)) {
      space.ranged.insert(key)
      slot.indexed = true
    }
  }

  /** Adds a new slot as the most recently used. */
  #link(slot: Slot): Slot {
    this.#size++
    if (!this.#bounded) return slot
    const last = this.#lru.prev
    slot.prev = last
    slot.next = this.#lru
    last.next = slot
    this.#lru.prev = slot
    return slot
  }

  /** Removes a span slot (absorbed or dropped). */
  #drop(slot: Slot): void {
    slot.space.spanSlots.delete(slot.key)
    this.#unlink(slot)
  }

  #unlink(slot: Slot): void {
    this.#size--
    if (!this.#bounded) return
    slot.prev.next = slot.next
    slot.next.prev = slot.prev
  }

  #touch(slot: Slot): void {
    if (!this.#bounded || slot.next === this.#lru) return
    slot.prev.next = slot.next
    slot.next.prev = slot.prev
    const last = this.#lru.prev
    slot.prev = last
    slot.next = this.#lru
    last.next = slot
    this.#lru.prev = slot
  }

  #evict(): void {
    while (this.#size > this.#capacity) {
      const slot = this.#lru.next
      this.#evictions++
      const { space, key } = slot
      if (slot.span) {
        space.spans.delete(key)
        this.#drop(slot)
        continue
      }
      this.#unlink(slot)
      space.points.delete(key)
      if (slot.indexed) space.ranged.remove(key)
      if (slot.value === undefined) continue
      // The span around a present key no longer knows all its keys.
      const around = space.spans.size > 0 ? space.spans.containing(key) : undefined
      if (around) {
        space.spans.delete(around.lo)
        this.#drop(space.spanSlots.get(around.lo)!)
      }
    }
  }
}
