/** A small Server-Sent Events reader over `http.get`, for the API's tests (test-only). */
import { get, type IncomingHttpHeaders, type IncomingMessage } from 'node:http'

/** One parsed event, or comment, as received. */
export interface SseEvent {
  id?: string
  data?: string
  retry?: string
  comment?: string
}

/** An open stream. */
export interface SseConnection {
  status: number
  headers: IncomingHttpHeaders
  /** Everything received so far, in order. */
  received: SseEvent[]
  /** Resolves once `predicate` holds for what was received, or rejects after `timeoutMs`. */
  until(predicate: (received: SseEvent[]) => boolean, timeoutMs?: number): Promise<SseEvent[]>
  /** Resolves when the server ends the stream. */
  ended: Promise<void>
  /** Disconnects. */
  close(): void
}

/**
 * Opens `url` and parses the event stream as it arrives.
 * @param url the full URL
 * @param headers request headers (e.g. `Last-Event-ID`)
 */
export function openEvents(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res: IncomingMessage) => {
      const received: SseEvent[] = []
      const watchers = new Set<() => void>()
      let buffer = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const event: SseEvent = {}
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) event.comment = line.slice(1).trim()
            else {
              const colon = line.indexOf(':')
              const field = line.slice(0, colon)
              const value = line.slice(colon + 1).replace(/^ /, '')
              if (field === 'id' || field === 'data' || field === 'retry') event[field] = value
            }
          }
          received.push(event)
        }
        for (const w of [...watchers]) w()
      })
      const ended = new Promise<void>((done) => {
        res.once('end', done)
        res.once('close', done)
      })
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        received,
        ended,
        until(predicate, timeoutMs = 5000) {
          return new Promise((ok, fail) => {
            const check = () => {
              if (!predicate(received)) return
              clearTimeout(timer)
              watchers.delete(check)
              ok(received)
            }
            const timer = setTimeout(() => {
              watchers.delete(check)
              fail(new Error(`timed out; received ${JSON.stringify(received).slice(0, 500)}`))
            }, timeoutMs)
            watchers.add(check)
            check()
          })
        },
        close: () => req.destroy(),
      })
    })
    req.on('error', reject)
  })
}

/** The log indexes of the events received (comments and `retry:` left out). */
export function idsOf(received: readonly SseEvent[]): number[] {
  return received.filter((e) => e.id !== undefined).map((e) => Number(e.id))
}
