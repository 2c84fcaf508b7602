import { Agent, get } from 'node:http'
import { startChild } from './child.js'
import type { BenchResult } from './types.js'

const STREAMS = Number(process.env.SAKSI_BENCH_STREAMS ?? 1000)
const LOG = Number(process.env.SAKSI_BENCH_EVENTS_LOG ?? 100_000)
const REQUESTS = 200

/** Starts a bench child and resolves with its first JSON line; later lines go to `later`. */
function childWithLine(script: string, args: string[], later: (line: Record<string, number>) => void = () => undefined) {
  let first: (line: Record<string, unknown>) => void
  const line = new Promise<Record<string, unknown>>((resolve) => (first = resolve))
  let seen = false
  const child = startChild(script, args, [], (l) => {
    const parsed = JSON.parse(l) as Record<string, unknown>
    if (!seen) {
      seen = true
      first(parsed)
    } else later(parsed as Record<string, number>)
  })
  return { ...child, line }
}

/** `GET /v1/network` `REQUESTS` times, one after the other; the latencies in ms, sorted. */
async function networkLatencies(url: string): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const out: number[] = []
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now()
    await new Promise<void>((resolve, reject) => {
      get(`${url}/v1/network`, { agent }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`GET /v1/network answered ${res.statusCode}`))
        res.resume().once('end', resolve)
      }).once('error', reject)
    })
    out.push(performance.now() - started)
  }
  agent.destroy()
  return out.sort((a, b) => a - b)
}

const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!

/**
 * `/v1/network` latency while many event streams replay a large log, against the same node with no
 * streams, in the same run: the node (its API over a log of `LOG` generated receipts) and the
 * readers (`STREAMS` streams `?from=0`, read as fast as they come) each in their own process, the
 * requests sent one after the other from this one.
 */
export async function benchEvents(): Promise<BenchResult[]> {
  let receiptsRead = 0
  const node = childWithLine('./events-node.ts', [String(LOG), String(STREAMS)], (l) => (receiptsRead = l.receiptsRead ?? receiptsRead))
  const readers: ReturnType<typeof childWithLine>[] = []
  try {
    const { url } = (await node.line) as { url: string }
    const idle = await networkLatencies(url)
    let bytes = 0
    const readersStarted = performance.now()
    const r = childWithLine('./events-readers.ts', [url, String(STREAMS)], (l) => (bytes = l.bytes ?? bytes))
    readers.push(r)
    await r.line
    const busy = await networkLatencies(url)
    const seconds = (performance.now() - readersStarted) / 1000
    r.process.stdin!.end()
    await r.exited
    node.process.stdin!.end()
    await node.exited
    const s = STREAMS.toLocaleString('en-US')
    const baseline = '/v1/network p50 with no streams'
    return [
      { name: baseline, value: at(idle, 0.5), unit: 'ms', note: `p99 ${at(idle, 0.99).toFixed(2)} ms, ${REQUESTS} requests one after the other` },
      { name: `/v1/network p50 with ${s} streams replaying`, value: at(busy, 0.5), unit: 'ms', ratio: { value: at(busy, 0.5) / at(idle, 0.5), baseline } },
      { name: `/v1/network p99 with ${s} streams replaying`, value: at(busy, 0.99), unit: 'ms', note: `max ${at(busy, 1).toFixed(1)} ms` },
      { name: 'replay sent to the streams meanwhile', value: bytes / 2 ** 20 / seconds, unit: 'MiB/s', note: `${receiptsRead.toLocaleString('en-US')} receipts read in pages from a ${LOG.toLocaleString('en-US')}-entry log, over ${seconds.toFixed(1)} s` },
    ]
  } finally {
    for (const r of readers) r.process.kill()
    node.process.kill()
  }
}
