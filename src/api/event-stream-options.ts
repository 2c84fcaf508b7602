/**
 * Limits and tuning of `GET /v1/events` (the API option `sse`). Every field is optional; the
 * defaults are in {@link EVENT_STREAM_DEFAULTS} and docs/PROTOCOL-NOTES.md.
 */
export interface EventStreamOptions {
  /** A comment line is sent this often, so proxies keep the connection open (default 15 s). */
  heartbeatMs?: number
  /** Bytes buffered for a slow client before the stream stops reading the log (default 64 KiB). */
  highWaterBytes?: number
  /** A client that reads nothing for this long while its buffer is full is dropped (default 60 s). */
  stallMs?: number
  /** The `retry:` advice to EventSource clients, in ms (default 2 s). */
  retryMs?: number
  /** Receipts read from the store per page while replaying history (default 100). */
  pageSize?: number
  /** Replay work, in ms, done in one turn of the event loop before other requests run (default 10). */
  turnBudgetMs?: number
  /** Streams open at once on the node; beyond it, 503 `EVENT_STREAMS_NODE_LIMIT` (default 1,000). */
  maxStreams?: number
  /** Streams open at once from one client address; beyond it, 429 `EVENT_STREAMS_CLIENT_LIMIT` (default 16). */
  maxStreamsPerClient?: number
  /** The `Retry-After` of both refusals, in seconds (default 10). */
  retryAfterSeconds?: number
}

/** The options with every default filled in. */
export type EventStreamSettings = Readonly<Required<EventStreamOptions>>

/** The defaults of {@link EventStreamOptions}. */
export const EVENT_STREAM_DEFAULTS: EventStreamSettings = Object.freeze({
  heartbeatMs: 15_000,
  highWaterBytes: 64 * 1024,
  stallMs: 60_000,
  retryMs: 2000,
  pageSize: 100,
  turnBudgetMs: 10,
  maxStreams: 1000,
  maxStreamsPerClient: 16,
  retryAfterSeconds: 10,
})

/**
 * Fills in the defaults of the options that are not given.
 * @param options the API's `sse` option
 * @returns every setting
 */
export function eventStreamSettings(options: EventStreamOptions = {}): EventStreamSettings {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined))
  return Object.freeze({ ...EVENT_STREAM_DEFAULTS, ...given })
}
