/**
 * Child process of the events bench: the HTTP API over a node whose log holds `SIZE` committed
 * receipts (src/api/testing/large-log-node.ts), alone in its process. Prints `{"url": ...}` once
 * listening, and `{"receiptsRead": ...}` when its stdin ends, then closes.
 * Usage: tsx bench/events-node.ts SIZE MAX_STREAMS
 */
import { buildApi } from '../src/api/build-api.js'
import { LargeLogNode } from '../src/api/testing/large-log-node.js'

const [size, maxStreams] = process.argv.slice(2).map(Number) as [number, number]
const node = new LargeLogNode(size)
const app = buildApi(node, { logger: false, sse: { maxStreams, maxStreamsPerClient: maxStreams } })
await app.listen({ host: '127.0.0.1', port: 0 })
const address = app.server.address()
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` })}\n`)
process.stdin.resume()
process.stdin.once('end', () => {
  process.stdout.write(`${JSON.stringify({ receiptsRead: node.receiptsRead })}\n`)
  void app.close().then(() => node.close())
})
