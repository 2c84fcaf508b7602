import { formatTime } from 'saksi'
import type { ParsedEnvelope } from 'saksi'
import type { BatchHandler, Orderer } from './orderer.js'

/** Options of {@link LocalOrderer}. */
export interface LocalOrdererOptions {
  /** Cut a block as soon as this many transactions wait (default 2,000). */
  maxBlockTxs?: number
  /** Cut a block at most this many ms after its first transaction arrived (default 5). */
  maxBlockDelayMs?: number
  /**
   * Batches handed to the handler and not yet finished, at most (default 2): the next block is
   * executed while the previous one is being written to disk.
   */
  maxInFlight?: number
  /** The clock (ms since the epoch); tests inject one. */
  now?: () => number
}

/**
 * The embedded, in-process orderer: admission order is commit order; a block is cut when
 * `maxBlockTxs` transactions wait or `maxBlockDelayMs` after the first one, whichever comes first,
 * with at most `maxInFlight` blocks handed over and unfinished (so blocks grow under load instead of
 * queuing).
 * Block times never go backwards, even if the system clock does.
 */
export class LocalOrderer implements Orderer {
  readonly #maxTxs: number
  readonly #maxDelay: number
  readonly #now: () => number
  readonly #maxInFlight: number
  #queue: ParsedEnvelope[] = []
  #handler: BatchHandler | undefined
  #timer: ReturnType<typeof setTimeout> | undefined
  readonly #running = new Set<Promise<void>>()
  #lastTime = 0
  #stopped = false

  constructor(options: LocalOrdererOptions = {}) {
    this.#maxTxs = options.maxBlockTxs ?? 2000
    this.#maxDelay = options.maxBlockDelayMs ?? 5
    this.#now = options.now ?? Date.now
    this.#maxInFlight = options.maxInFlight ?? 2
  }

  /** @inheritdoc */
  submit(tx: ParsedEnvelope): void {
    this.#queue.push(tx)
    this.#schedule()
  }

  /** @inheritdoc */
  start(handler: BatchHandler): void {
    this.#handler = handler
    this.#schedule()
  }

  /** @inheritdoc */
  queued(): number {
    return this.#queue.length
  }

  /** @inheritdoc */
  async stop(): Promise<void> {
    this.#stopped = true
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = undefined
    while (this.#running.size > 0 || (this.#queue.length > 0 && this.#handler)) {
      if (this.#queue.length > 0 && this.#handler && this.#running.size < this.#maxInFlight) this.#cut()
      else await Promise.race(this.#running)
    }
  }

  /** Milliseconds of the last block time handed out. */
  get lastTime(): number {
    return this.#lastTime
  }

  /** Sets the floor for block times (the head block's time after a restart). */
  set lastTime(ms: number) {
    this.#lastTime = Math.max(this.#lastTime, ms)
  }

  #schedule(): void {
    if (!this.#handler || this.#running.size >= this.#maxInFlight || this.#queue.length === 0) return
    if (this.#queue.length >= this.#maxTxs || this.#stopped) {
      this.#cut()
      return
    }
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined
      this.#cut()
    }, this.#maxDelay)
  }

  #cut(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = undefined
    if (!this.#handler || this.#running.size >= this.#maxInFlight || this.#queue.length === 0) return
    const txs = this.#queue.length <= this.#maxTxs ? this.#queue : this.#queue.slice(0, this.#maxTxs)
    this.#queue = txs === this.#queue ? [] : this.#queue.slice(this.#maxTxs)
    this.#lastTime = Math.max(this.#lastTime, this.#now())
    const run: Promise<void> = this.#handler({ time: formatTime(this.#lastTime), txs })
      .catch(() => undefined) // the handler reports its own failures; the orderer keeps going
      .finally(() => {
        this.#running.delete(run)
        this.#schedule()
      })
    this.#running.add(run)
  }
}
