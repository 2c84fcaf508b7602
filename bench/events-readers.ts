/**
 * Child process of the events bench: opens `COUNT` event streams `?from=0` and reads them as fast
 * as they come, discarding the bytes. Prints `{"open": COUNT}` once every stream answered 200, and
 * `{"bytes": ...}` when its stdin ends.
 * Usage: tsx bench/events-readers.ts URL COUNT
 */
import { Agent, get } from 'node:http'

const [url, countText] = process.argv.slice(2) as [string, string]
const count = Number(countText)
const agent = new Agent({ keepAlive: false, maxSockets: Infinity })
let bytes = 0
const requests: ReturnType<typeof get>[] = []
const open = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = get(`${url}/v1/events?from=0`, { agent }, (res) => {
      res.on('data', (c: Buffer) => (bytes += c.length))
      res.on('error', () => undefined)
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    requests.push(req)
  })
for (let i = 0; i < count; i += 100) {
  const statuses = await Promise.all(Array.from({ length: Math.min(100, count - i) }, open))
  if (statuses.some((s) => s !== 200)) throw new Error(`a stream was refused: ${statuses.join(',')}`)
}
process.stdout.write(`${JSON.stringify({ open: count })}\n`)
process.stdin.resume()
process.stdin.once('end', () => {
  process.stdout.write(`${JSON.stringify({ bytes })}\n`)
  for (const r of requests) r.destroy()
  agent.destroy()
})
