import { formatTime } from '../core/encoding/time.js'
import type { ParsedEnvelope } from '../core/tx/types.js'
import type { BatchHandler, Orderer } from './orderer.js'

/** Options of {@link LocalOrderer}. */
export interface LocalOrdererOptions {
  /** Cut a block as soon as this many transactions wait (default 2,000). */
  maxBlockTxs?: number
  /** Cut a block at most this many ms after its first transaction arrived (default 5). */
  maxBlockDelayMs?: number
  /** The clock (ms since the epoch); tests inject one. */
  now?: () => number
}

/**
 * The embedded, in-process orderer: admission order is commit order; a block is cut when
 * `maxBlockTxs` transactions wait or `maxBlockDelayMs` after the first one, whichever comes first,
 * and only after the previous block is committed (so blocks grow under load instead of queuing).
 * Block times never go backwards, even if the system clock does.
 */
export class LocalOrderer implements Orderer {
  readonly #maxTxs: number
  readonly #maxDelay: number
  readonly #now: () => number
  #queue: ParsedEnvelope[] = []
  #handler: BatchHandler | undefined
  #timer: ReturnType<typeof setTimeout> | undefined
  #busy: Promise<void> | undefined
  #lastTime = 0
  #stopped = false

  constructor(options: LocalOrdererOptions = {}) {
    this.#maxTxs = options.maxBlockTxs ?? 2000
    this.#maxDelay = options.maxBlockDelayMs ?? 5
    this.#now = options.now ?? Date.now
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
    while (this.#busy || (this.#queue.length > 0 && this.#handler)) {
      if (this.#busy) await this.#busy
      else this.#cut()
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
    if (!this.#handler || this.#busy || this.#queue.length === 0) return
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
    if (!this.#handler || this.#busy || this.#queue.length === 0) return
    const txs = this.#queue.length <= this.#maxTxs ? this.#queue : this.#queue.slice(0, this.#maxTxs)
    this.#queue = txs === this.#queue ? [] : this.#queue.slice(this.#maxTxs)
    this.#lastTime = Math.max(this.#lastTime, this.#now())
    const run = this.#handler({ time: formatTime(this.#lastTime), txs })
    this.#busy = run
      .catch(() => undefined) // the handler reports its own failures; the orderer keeps going
      .finally(() => {
        this.#busy = undefined
        this.#schedule()
      })
  }
}
