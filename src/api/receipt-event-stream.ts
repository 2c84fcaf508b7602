import { Readable } from 'node:stream'
import type { SaksiNode } from '../node/index.js'
import type { EventStreamSettings } from './event-stream-options.js'
import { formatReceiptEvent, type FormattedBlock, type LiveFanout, type LiveMember } from './live-fanout.js'
import type { TurnScheduler } from './turn-scheduler.js'

/** What a {@link ReceiptEventStream} draws on, shared by every stream of an app. */
export interface EventStreamContext {
  readonly node: SaksiNode
  readonly settings: EventStreamSettings
  /** Runs replay pages, a slice of time per turn of the event loop. */
  readonly scheduler: TurnScheduler
  /** Live blocks, serialized once. */
  readonly fanout: LiveFanout
}

const HEARTBEAT = Buffer.from(': keep-alive\n\n')

/**
 * A Server-Sent Events body of committed receipts from one log index on (PROTOCOL section 7).
 *
 * Behind the end of the log it replays: one page of `pageSize` receipts read from the store at a
 * time, only when the reader has room (Node's `_read`, which the socket's back-pressure drives
 * through `pipe`), each page a task of the shared {@link TurnScheduler}. Caught up, it joins the
 * {@link LiveFanout} and is handed each block's buffer. When its buffer is full it leaves the
 * fan-out and replays from the store again once the reader has read, so a slow reader holds at
 * most `highWaterBytes` plus one page, and no event is lost or repeated. A reader that stays full
 * for `stallMs` is disconnected; it can resume with `Last-Event-ID`.
 */
export class ReceiptEventStream extends Readable implements LiveMember {
  readonly #c: EventStreamContext
  #next: number
  #mode: 'replay' | 'live' | 'done' = 'replay'
  #pageQueued = false
  #stall: NodeJS.Timeout | undefined
  /** Pages read from the store so far. */
  pagesRead = 0

  /**
   * @param context the node, settings, scheduler and fan-out
   * @param from the first log index to send
   */
  constructor(context: EventStreamContext, from: number) {
    super({ highWaterMark: context.settings.highWaterBytes })
    this.#c = context
    this.#next = from
    // Sent at once, so the client sees the headers and the reconnection delay before any event.
    this.push(`retry: ${context.settings.retryMs}\n\n`)
  }

  /** The next log index this stream will send. */
  get next(): number {
    return this.#next
  }

  /** True while the stream sends live blocks (it has caught up with the log). */
  get live(): boolean {
    return this.#mode === 'live'
  }

  /** Sends a heartbeat comment, unless the reader is behind (then it counts as stalled). */
  heartbeat(): void {
    if (this.#mode === 'done' || this.readableLength >= this.readableHighWaterMark) return
    if (!this.push(HEARTBEAT)) this.#full()
  }

  /** Ends the stream gracefully (server shutdown); a client that is not reading is cut off. */
  finish(): void {
    if (this.#mode === 'done') return
    this.#stop()
    if (this.readableLength > 0 && this.readableLength >= this.readableHighWaterMark) this.destroy()
    else this.push(null)
  }

  /** @inheritdoc */
  deliver(block: FormattedBlock): void {
    if (this.#mode !== 'live' || block.last < this.#next) return
    if (block.first > this.#next) {
      // A block this stream missed (it joined as one was being stored): read it from the store.
      this.#leaveLive()
      this.#queuePage()
      return
    }
    const bytes = block.first === this.#next ? block.bytes : Buffer.from(block.events.slice(this.#next - block.first).join(''))
    this.#next = block.last + 1
    if (!this.push(bytes)) this.#full()
  }

  override _read(): void {
    clearTimeout(this.#stall)
    this.#stall = undefined
    if (this.#mode === 'replay') this.#queuePage()
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#stop()
    callback(error)
  }

  #queuePage(): void {
    if (this.#pageQueued) return
    this.#pageQueued = true
    this.#c.scheduler.run(() => this.#page())
  }

  async #page(): Promise<void> {
    if (this.#mode !== 'replay') return void (this.#pageQueued = false)
    const { node, settings, fanout } = this.#c
    const size = node.size()
    if (this.#next >= size) {
      this.#pageQueued = false
      this.#mode = 'live'
      fanout.join(this)
      return
    }
    try {
      const receipts = await node.readReceipts(this.#next, Math.min(size, this.#next + settings.pageSize))
      this.#pageQueued = false
      if (this.#mode !== 'replay') return
      const fresh = receipts.filter((r) => r.index >= this.#next)
      if (fresh.length === 0) throw new Error(`the store gave no receipt from index ${this.#next} below size ${size}`)
      this.pagesRead++
      this.#next = fresh.at(-1)!.index + 1
      if (this.push(Buffer.from(fresh.map(formatReceiptEvent).join('')))) this.#queuePage()
      else this.#full()
    } catch (e) {
      this.#pageQueued = false
      this.destroy(e instanceof Error ? e : new Error(String(e)))
    }
  }

  /** The reader's buffer is full: stop taking live blocks, and drop the reader if it stays so. */
  #full(): void {
    this.#leaveLive()
    clearTimeout(this.#stall)
    this.#stall = setTimeout(() => this.destroy(), this.#c.settings.stallMs)
    this.#stall.unref()
  }

  #leaveLive(): void {
    if (this.#mode !== 'live') return
    this.#mode = 'replay'
    this.#c.fanout.leave(this)
  }

  #stop(): void {
    this.#leaveLive()
    this.#mode = 'done'
    clearTimeout(this.#stall)
    this.#stall = undefined
  }
}
