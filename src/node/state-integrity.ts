import { codedError, formatTime, toHex, STATE_DIGEST_ERROR_CODES, type SaksiError, type StateIntegrityInfo } from 'saksi'
import type { LedgerStore, StateDigestCheck } from '../store/index.js'

/**
 * Whether a node's committed state can be trusted, from the state digest check it runs when it
 * opens (and, later, from the scheduled audit). The check runs in the background (on the store's
 * own threads for SQLite, split by key range) so that a node with a large state starts serving at
 * once: while it runs, state reads are answered and writes wait for it. Once the state is found corrupt, every write and
 * state read is refused with `STATE_CORRUPT` (503) until an operator restores the state and restarts
 * the node; nothing is admitted meanwhile, so nothing admitted is lost.
 */
export class StateIntegrity {
  /** Settles when the opening check has finished, whatever it found (never rejects). */
  readonly ready: Promise<void>
  #info: StateIntegrityInfo
  readonly #now: () => number
  readonly #listeners = new Set<(info: StateIntegrityInfo) => void>()

  /**
   * @param check the opening check (`store.checkStateDigest()`), or undefined to trust the state as is
   * @param now the clock, for `since`
   */
  constructor(check: Promise<StateDigestCheck> | undefined, now: () => number = Date.now) {
    this.#now = now
    this.#info = { status: check ? 'checking' : 'ok', since: formatTime(now()) }
    this.ready = check
      ? check.then(
          (c) => this.#checked(c),
          (e: unknown) => this.markCorrupt(`the state digest could not be checked: ${e instanceof Error ? e.message : String(e)}`),
        )
      : Promise.resolve()
  }

  /**
   * Starts the opening check of `store`'s state digest.
   * @param store the node's store
   */
  static check(store: LedgerStore, now?: () => number): StateIntegrity {
    return new StateIntegrity(store.checkStateDigest(), now)
  }

  /** The status as `GET /v1/network` reports it (a copy). */
  info(): StateIntegrityInfo {
    return { ...this.#info }
  }

  /** True once the state was found corrupt. */
  get corrupt(): boolean {
    return this.#info.status === 'corrupt'
  }

  /**
   * Records that the state cannot be trusted (a failed digest check or audit). Stays until restart;
   * the first finding is kept.
   * @param reason what was found, for the operator
   */
  markCorrupt(reason: string, height?: number): void {
    if (this.corrupt) return
    this.#info = { status: 'corrupt', ...(height === undefined ? {} : { height }), since: formatTime(this.#now()), code: 'STATE_CORRUPT', reason }
    for (const l of this.#listeners) l(this.info())
  }

  /**
   * Calls `listener` once when the state is first found corrupt (at once if it already is), so the
   * operator can be told.
   * @returns removes the listener
   */
  onCorrupt(listener: (info: StateIntegrityInfo) => void): () => void {
    if (this.corrupt) listener(this.info())
    else this.#listeners.add(listener)
    return () => void this.#listeners.delete(listener)
  }

  /** @throws SaksiError `STATE_CORRUPT` if the state is corrupt (a state read must not be answered). */
  assertReadable(): void {
    if (this.corrupt) throw this.#error()
  }

  /**
   * Waits for the opening check, then lets a write through.
   * @throws SaksiError `STATE_CORRUPT` if the state is corrupt
   */
  async whenWritable(): Promise<void> {
    if (this.#info.status === 'checking') await this.ready
    if (this.corrupt) throw this.#error()
  }

  #checked(c: StateDigestCheck): void {
    if (c.ok) {
      this.#info = { status: 'ok', height: c.height, entries: c.entries, since: formatTime(this.#now()) }
      return
    }
    this.markCorrupt(`the state recomputed from its ${c.entries} entries has digest ${toHex(c.computed)}; the digest stored with block ${c.height} is ${toHex(c.stored)}`, c.height)
  }

  #error(): SaksiError {
    return codedError(STATE_DIGEST_ERROR_CODES, 'STATE_CORRUPT', `the committed state cannot be trusted: ${this.#info.reason ?? 'unknown'}`, { height: this.#info.height, since: this.#info.since })
  }
}
