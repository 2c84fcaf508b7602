/** Raw HTTP connections to an event stream, for load and back-pressure tests (test-only). */
import { Agent, get, type IncomingMessage } from 'node:http'

/** An open response whose body the test reads, discards or leaves unread. */
export interface RawStream {
  status: number
  headers: IncomingMessage['headers']
  /** Bytes received so far (when reading). */
  bytes: number
  /** Resolves when the connection closes, from either side. */
  closed: Promise<void>
  /** The body so far, when opened with `keep: true`. */
  text(): string
  /** Disconnects. */
  close(): void
}

const agent = new Agent({ keepAlive: false, maxSockets: Infinity })

/**
 * Opens `url` with its own connection.
 * @param url the full URL
 * @param mode `read` discards the body as fast as it comes, `keep` keeps it, `stall` reads nothing
 */
export function openRaw(url: string, mode: 'read' | 'keep' | 'stall' = 'read'): Promise<RawStream> {
  return new Promise((resolve, reject) => {
    const req = get(url, { agent, headers: { accept: 'text/event-stream' } }, (res) => {
      const chunks: Buffer[] = []
      const out: RawStream = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        bytes: 0,
        closed: new Promise((done) => res.socket.once('close', () => done())),
        text: () => Buffer.concat(chunks).toString('utf8'),
        close: () => req.destroy(),
      }
      if (mode === 'stall') {
        res.pause()
        res.socket.pause()
      } else {
        res.on('data', (c: Buffer) => {
          out.bytes += c.length
          if (mode === 'keep') chunks.push(c)
        })
      }
      res.on('error', () => undefined)
      resolve(out)
    })
    req.on('error', reject)
  })
}
