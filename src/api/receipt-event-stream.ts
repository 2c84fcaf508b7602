import { Readable } from 'node:stream'
import type { Receipt } from 'saksi'
import type { SaksiNode } from '../node/index.js'

/** Tuning of {@link ReceiptEventStream}. */
export interface EventStreamOptions {
  /** A comment line is sent this often, so proxies keep the connection open (default 15 s). */
  heartbeatMs?: number
  /** Bytes buffered for a slow client before the subscription pauses (default 64 KiB). */
  highWaterBytes?: number
  /** A client that reads nothing for this long while paused is dropped (default 60 s). */
  stallMs?: number
  /** The `retry:` advice to EventSource clients, in ms (default 2 s). */
  retryMs?: number
}

/** One Server-Sent Event: `id` is the log index, `data` the receipt (PROTOCOL section 7). */
export function formatReceiptEvent(receipt: Receipt): string {
  // JSON.stringify never writes CR or LF, so the receipt is one `data:` line.
  return `id: ${receipt.index}\ndata: ${JSON.stringify(receipt)}\n\n`
}

/**
 * A Server-Sent Events body of committed receipts from one log index on. Back-pressure: when the
 * client reads slower than the node commits and the buffer reaches `highWaterBytes`, the stream
 * unsubscribes from the node and subscribes again from the next index once the client has read,
 * so memory stays bounded and no event is lost or repeated. A client that stays stalled is dropped;
 * it can resume with `Last-Event-ID`.
 */
export class ReceiptEventStream extends Readable {
  readonly #node: SaksiNode
  readonly #heartbeatMs: number
  readonly #stallMs: number
  #next: number
  #unsubscribe: (() => void) | undefined
  #subscribed = false
  #finished = false
  #heartbeat: NodeJS.Timeout | undefined
  #stall: NodeJS.Timeout | undefined

  /**
   * @param node the node whose receipts to stream
   * @param from the first log index to send
   * @param options tuning
   */
  constructor(node: SaksiNode, from: number, options: EventStreamOptions = {}) {
    super({ highWaterMark: options.highWaterBytes ?? 64 * 1024 })
    this.#node = node
    this.#next = from
    this.#heartbeatMs = options.heartbeatMs ?? 15_000
    this.#stallMs = options.stallMs ?? 60_000
    // Sent at once, so the client sees the headers and the reconnection delay before any event.
    this.push(`retry: ${options.retryMs ?? 2000}\n\n`)
    this.#heartbeat = setInterval(() => {
      if (this.readableLength < this.readableHighWaterMark) this.push(': keep-alive\n\n')
    }, this.#heartbeatMs)
    this.#heartbeat.unref()
  }

  /** The next log index this stream will send. */
  get next(): number {
    return this.#next
  }

  /** Ends the stream gracefully (server shutdown); a client that is not reading is cut off. */
  finish(): void {
    if (this.#finished) return
    this.#stop()
    this.#finished = true
    if (this.readableLength > 0 && this.readableLength >= this.readableHighWaterMark) this.destroy()
    else this.push(null)
  }

  override _read(): void {
    clearTimeout(this.#stall)
    this.#stall = undefined
    if (this.#subscribed || this.#finished) return
    this.#subscribed = true
    const unsubscribe = this.#node.subscribe(this.#next, (r) => this.#onReceipt(r))
    // The node may deliver (and this stream pause) before subscribe returns.
    if (this.#subscribed) this.#unsubscribe = unsubscribe
    else unsubscribe()
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#finished = true
    this.#stop()
    callback(error)
  }

  #onReceipt(receipt: Receipt): void {
    // After a pause the node replays from #next; anything older was already sent.
    if (!this.#subscribed || receipt.index < this.#next) return
    this.#next = receipt.index + 1
    if (!this.push(formatReceiptEvent(receipt))) this.#pause()
  }

  #pause(): void {
    this.#subscribed = false
    this.#unsubscribe?.()
    this.#unsubscribe = undefined
    clearTimeout(this.#stall)
    this.#stall = setTimeout(() => this.destroy(), this.#stallMs)
    this.#stall.unref()
  }

  #stop(): void {
    this.#subscribed = false
    this.#unsubscribe?.()
    this.#unsubscribe = undefined
    clearInterval(this.#heartbeat)
    clearTimeout(this.#stall)
  }
}
