import type { JsonValue, AsyncStateReader, StateKeyRef, StateScan, StateEntry, StateStore, StateWrite } from 'saksi'
import { SaksiError, StorageError, keyInRange, type KeyRange, StateCache, UNKNOWN } from 'saksi'

/** Where {@link CommittedState} reads committed state from. */
export interface CommittedStateOptions {
  /** The store's asynchronous reads (every driver has them). */
  reader: AsyncStateReader
  /** The store's synchronous reads, when it has them (SQLite, memory): a miss is read at once. */
  sync?: StateStore
  /** Most keys and spans the cache holds. */
  capacity: number
}

/** What one execution pass read and the cache did not know. */
interface Pass {
  /** What was loaded for this execution so far (never evicted while it runs). */
  loaded: StateCache | undefined
  gets: Map<string, StateKeyRef>
  scans: Map<string, StateScan>
}

type Attempt<T> = { complete: true; value: T } | { complete: false; misses: Pass }

/**
 * The node's committed contract state, as synchronous reads for execution and queries, over a
 * bounded {@link StateCache} that stays warm across commits: each committed block's write set is
 * applied to it (`committed`), the database is never asked what changed.
 *
 * A read the cache cannot answer goes to the store's synchronous reads when it has them. Over a
 * store with asynchronous reads only, {@link run} executes in passes: a pass records what it could
 * not read (answering "absent" meanwhile) and its result is dropped; the misses are loaded in one
 * batch and the code runs again, until a pass misses nothing. That result is exact: execution is
 * deterministic and depends only on the state it reads, and every read of the last pass was a hit.
 * Each pass gets at least one read further than the one before, and what was loaded for a run is
 * kept for it (not evicted) until it ends, so a run ends even with a cache smaller than its reads.
 */
export class CommittedState implements StateStore {
  /** The shared cache (its size and evictions are figures for tests and metrics). */
  readonly cache: StateCache
  readonly #reader: AsyncStateReader
  readonly #sync: StateStore | undefined
  #pass: Pass | undefined
  /** Bumped by each committed block. */
  #generation = 0
  /** Write sets committed while loads were in flight: a load must not cache what they overwrote. */
  #recent: { generation: number; writes: readonly StateWrite[] }[] = []
  #loading = 0
  #loads = 0
  /** The loaded sets of the runs in progress; committed blocks are applied to them too. */
  readonly #runs = new Set<StateCache>()

  constructor(options: CommittedStateOptions) {
    this.cache = new StateCache(options.capacity)
    this.#reader = options.reader
    this.#sync = options.sync
  }

  /** Batched loads from the asynchronous reads so far (round trips). */
  get loads(): number {
    return this.#loads
  }

  /** @inheritdoc */
  get(contract: string, key: string): JsonValue | undefined {
    const pass = this.#pass
    if (pass?.loaded) {
      const loaded = pass.loaded.get(contract, key)
      if (loaded !== UNKNOWN) return loaded
    }
    const cached = this.cache.get(contract, key)
    if (cached !== UNKNOWN) return cached
    if (this.#sync) {
      const value = this.#sync.get(contract, key)
      this.cache.set(contract, key, value)
      return value
    }
    this.#missing().gets.set(`${contract}\0${key}`, { contract, key })
    return undefined
  }

  /** @inheritdoc */
  range(contract: string, range: KeyRange): StateEntry[] {
    const pass = this.#pass
    if (pass?.loaded) {
      const loaded = pass.loaded.range(contract, range)
      if (loaded !== UNKNOWN) return loaded
    }
    const cached = this.cache.range(contract, range)
    if (cached !== UNKNOWN) return cached
    if (this.#sync) {
      const entries = this.#sync.range(contract, range)
      this.cache.setRange(contract, range, entries)
      return entries
    }
    this.#missing().scans.set(JSON.stringify([contract, range.lo, range.hi ?? null, range.limit ?? null, range.reverse]), { contract, range })
    return []
  }

  /**
   * Runs `read` on committed state (it reads through this object, directly or under overlays),
   * then `done` with its result, in the same turn as the pass that found everything: what `done`
   * does (e.g. hand the block to the store) happens before any other block commits.
   * @returns `done`'s result; synchronously when nothing had to be loaded
   * @throws what the complete pass of `read` or `done` threw; a `StorageError` if loading failed
   */
  run<T, R>(read: () => T, done: (value: T) => R): R | Promise<R> {
    if (this.#sync) return done(read())
    const first = this.#attempt(read, undefined)
    return first.complete ? done(first.value) : this.#runLoading(read, done, first.misses)
  }

  /**
   * Applies a block's ordered write set once the store has committed it (blocks in commit order).
   */
  committed(writes: readonly StateWrite[]): void {
    this.#generation++
    // Over a remote store every written key is kept: the next block likely reads some of them.
    this.cache.apply(writes, this.#sync === undefined)
    for (const loaded of this.#runs) loaded.apply(writes)
    if (this.#loading > 0) this.#recent.push({ generation: this.#generation, writes })
  }

  async #runLoading<T, R>(read: () => T, done: (value: T) => R, misses: Pass): Promise<R> {
    const loaded = new StateCache()
    this.#runs.add(loaded)
    try {
      for (;;) {
        await this.#load(misses, loaded)
        const next = this.#attempt(read, loaded)
        if (next.complete) return done(next.value)
        misses = next.misses
      }
    } finally {
      this.#runs.delete(loaded)
    }
  }

  #attempt<T>(read: () => T, loaded: StateCache | undefined): Attempt<T> {
    const outer = this.#pass
    const pass: Pass = { loaded, gets: new Map(), scans: new Map() }
    this.#pass = pass
    let value: T
    try {
      value = read()
    } catch (e) {
      // A pass that missed a read ran on incomplete state: its failure means nothing.
      if (pass.gets.size > 0 || pass.scans.size > 0) return { complete: false, misses: pass }
      throw e
    } finally {
      this.#pass = outer
    }
    return pass.gets.size > 0 || pass.scans.size > 0 ? { complete: false, misses: pass } : { complete: true, value }
  }

  #missing(): Pass {
    if (!this.#pass) throw new SaksiError('STATE_NOT_LOADED', 'committed state was read outside CommittedState.run on a store without synchronous reads', undefined, 'internal')
    return this.#pass
  }

  /** Loads a pass's misses in one batch into the run's loaded set and the shared cache. */
  async #load(misses: Pass, loaded: StateCache): Promise<void> {
    const gets = [...misses.gets.values()]
    const scans = [...misses.scans.values()]
    const generation = this.#generation
    this.#loading++
    this.#loads++
    let values: (JsonValue | undefined)[]
    let answers: StateEntry[][]
    try {
      ;[values, answers] = await Promise.all([gets.length > 0 ? this.#reader.getMany(gets) : [], scans.length > 0 ? this.#reader.rangeMany(scans) : []])
    } finally {
      this.#loading--
    }
    const since = this.#recent.filter((r) => r.generation > generation).flatMap((r) => r.writes)
    if (this.#loading === 0) this.#recent = []
    if (values.length !== gets.length || answers.length !== scans.length) {
      throw new StorageError('STORE_CORRUPT', `the store answered ${values.length} values for ${gets.length} keys and ${answers.length} scans for ${scans.length}`)
    }
    // A block committed during the load may have changed what was read: those answers may be older
    // than the write already applied, so they are not kept (the next pass reads the write).
    const written = new Set(since.map((w) => `${w.contract}\0${w.key}`))
    gets.forEach(({ contract, key }, i) => {
      if (written.has(`${contract}\0${key}`)) return
      loaded.set(contract, key, values[i])
      this.cache.set(contract, key, values[i], true)
    })
    scans.forEach(({ contract, range }, i) => {
      if (since.some((w) => w.contract === contract && keyInRange(w.key, range))) return
      loaded.setRange(contract, range, answers[i]!)
      this.cache.setRange(contract, range, answers[i]!)
    })
  }
}
