import type { SaksiNode } from '../node/index.js'
import { apiError } from './api-errors.js'
import { eventStreamSettings, type EventStreamOptions, type EventStreamSettings } from './event-stream-options.js'
import { LiveFanout } from './live-fanout.js'
import { ReceiptEventStream, type EventStreamContext } from './receipt-event-stream.js'
import { TurnScheduler } from './turn-scheduler.js'

/**
 * The event streams of one app: the caps on how many are open (in total and per client address),
 * the replay scheduler, the live fan-out and one heartbeat timer for all of them.
 */
export class EventStreamHub implements EventStreamContext {
  readonly node: SaksiNode
  readonly settings: EventStreamSettings
  readonly scheduler: TurnScheduler
  readonly fanout: LiveFanout
  readonly #streams = new Set<ReceiptEventStream>()
  readonly #perClient = new Map<string, number>()
  #heartbeat: NodeJS.Timeout | undefined

  /**
   * @param node the node whose receipts to stream
   * @param options limits and tuning (defaults: {@link EVENT_STREAM_DEFAULTS})
   */
  constructor(node: SaksiNode, options: EventStreamOptions = {}) {
    this.node = node
    this.settings = eventStreamSettings(options)
    this.scheduler = new TurnScheduler(this.settings.turnBudgetMs)
    this.fanout = new LiveFanout(node)
  }

  /** Streams open now. */
  get size(): number {
    return this.#streams.size
  }

  /** Streams open now from `client`. */
  openBy(client: string): number {
    return this.#perClient.get(client) ?? 0
  }

  /**
   * Opens a stream for `client` from log index `from`, counted until it closes.
   * @param client the client's address
   * @param from the first log index to send
   * @throws SaksiError `EVENT_STREAMS_CLIENT_LIMIT` (429) or `EVENT_STREAMS_NODE_LIMIT` (503), with `details.retryAfterSeconds`
   */
  open(client: string, from: number): ReceiptEventStream {
    const { maxStreams, maxStreamsPerClient, retryAfterSeconds } = this.settings
    const mine = this.openBy(client)
    if (mine >= maxStreamsPerClient) {
      throw apiError('EVENT_STREAMS_CLIENT_LIMIT', `this client already has ${mine} event streams open, the most one client may`, { limit: maxStreamsPerClient, retryAfterSeconds })
    }
    if (this.#streams.size >= maxStreams) {
      throw apiError('EVENT_STREAMS_NODE_LIMIT', `the node already serves ${this.#streams.size} event streams, the most it serves at once`, { limit: maxStreams, retryAfterSeconds })
    }
    const stream = new ReceiptEventStream(this, from)
    this.#streams.add(stream)
    this.#perClient.set(client, mine + 1)
    stream.once('close', () => {
      this.#streams.delete(stream)
      const left = this.openBy(client) - 1
      if (left > 0) this.#perClient.set(client, left)
      else this.#perClient.delete(client)
      if (this.#streams.size === 0) this.#stopHeartbeat()
    })
    this.#startHeartbeat()
    return stream
  }

  /** Ends every open stream (the app is closing). */
  finish(): void {
    for (const s of [...this.#streams]) s.finish()
    this.#stopHeartbeat()
  }

  #startHeartbeat(): void {
    if (this.#heartbeat) return
    this.#heartbeat = setInterval(() => {
      for (const s of this.#streams) s.heartbeat()
    }, this.settings.heartbeatMs)
    this.#heartbeat.unref()
  }

  #stopHeartbeat(): void {
    clearInterval(this.#heartbeat)
    this.#heartbeat = undefined
  }
}
