import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { promisify } from 'node:util'
import { benchNetwork, rssOf, signEnvelopes, startChild, threadCpu, threadUse } from './child.js'
import type { BenchResult } from './types.js'

const run = promisify(execFile)
/** Extra Node flags for the node's process, e.g. `SAKSI_BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof"`. */
const nodeFlags = (): string[] => (process.env.SAKSI_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean)
const CONNECTIONS = Number(process.env.SAKSI_BENCH_CONNECTIONS ?? 256)
const SECONDS = 10

/** Raw Ed25519 verifications per second on every core at once: the node's ceiling. */
async function rawVerifyCeiling(threads: number, ms: number): Promise<number> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads')
    const { generateKeyPairSync, sign, verify } = require('node:crypto')
    const k = generateKeyPairSync('ed25519'); const m = Buffer.alloc(245, 7); const s = sign(null, m, k.privateKey)
    let n = 0; const end = Date.now() + workerData
    while (Date.now() < end) { for (let i = 0; i < 50; i++) verify(null, m, k.publicKey, s); n += 50 }
    parentPort.postMessage(n)`
  const counts = await Promise.all(
    Array.from({ length: threads }, () => new Promise<number>((resolve, reject) => {
      const w = new Worker(code, { eval: true, workerData: ms })
      w.once('message', resolve)
      w.once('error', reject)
    })),
  )
  return (counts.reduce((a, b) => a + b, 0) * 1000) / ms
}

function parseWrk(out: string): { requests: number; non2xx: number; errors: number; seconds: number; p50: number; p99: number } {
  const m = /RESULT requests=(\d+) non2xx=(\d+) socket_errors=(\d+) duration_us=(\d+) p50_us=(\d+) p99_us=(\d+)/.exec(out)
  if (!m) throw new Error(`wrk printed no result:\n${out}`)
  const [, requests, non2xx, errors, duration, p50, p99] = m.map(Number) as number[]
  return { requests: requests!, non2xx: non2xx!, errors: errors!, seconds: duration! / 1e6, p50: p50! / 1000, p99: p99! / 1000 }
}

/**
 * End to end over HTTP on loopback: wrk with many connections POSTs individually signed
 * `identity.register` envelopes with `?wait=true` to a real node (SQLite, WAL, synchronous=FULL) in
 * its own process, so each latency is POST to durable commit and the node's CPU, GC and RSS are its
 * own. Then the same at half the measured rate, and the raw Ed25519 ceiling on both cores in the
 * same run. The envelopes are signed beforehand by two child processes.
 */
export async function benchNodeHttp(): Promise<BenchResult[]> {
  await run('wrk', ['--version']).catch((e: { stdout?: string }) => {
    if (!String(e.stdout ?? '').includes('wrk')) throw new Error('wrk is not installed: apt-get install wrk')
  })
  const dir = mkdtempSync(join(tmpdir(), 'saksi-bench-'))
  const { genesisFile, keyFile } = await benchNetwork(dir)
  let server: ReturnType<typeof startChild> | undefined
  try {
    // Enough distinct envelopes for both runs: nothing may be a duplicate.
    const total = 260_000
    const { files, perSecond: signRate } = await signEnvelopes(dir, total, 'bench')
    const [fileA, fileB] = files as [string, string]
    let announce: (url: string) => void = () => {}
    const listening = new Promise<string>((resolve) => (announce = resolve))
    server = startChild('./http-node.ts', [dir, genesisFile, keyFile], nodeFlags(), (l) => announce((JSON.parse(l) as { url: string }).url))
    const url = await Promise.race([listening, server.exited.then(() => Promise.reject(new Error('the node exited')))])
    const script = new URL('./wrk-submit.lua', import.meta.url).pathname

    const pid = server.process.pid!
    const cpuBefore = await threadCpu(pid)
    const full = parseWrk((await run('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--timeout', '15s', '-s', script, `${url}/v1/tx`, '--', fileA, '2'], { maxBuffer: 1 << 24 })).stdout)
    const rate = (full.requests - full.non2xx) / full.seconds
    const threads = threadUse(pid, cpuBefore, await threadCpu(pid), full.seconds)
    // Half load: each connection pauses so that all of them together offer half the measured rate.
    const pauseMs = Math.max(1, Math.round((CONNECTIONS * 1000) / (rate / 2)))
    const halfRun = parseWrk((await run('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--timeout', '15s', '-s', script, `${url}/v1/tx`, '--', fileB, '2', String(pauseMs)], { maxBuffer: 1 << 24 })).stdout)
    const halfRate = (halfRun.requests - halfRun.non2xx) / halfRun.seconds
    const rss = await rssOf(server.process.pid!)
    const head = (await (await fetch(`${url}/v1/blocks/latest`)).json()) as { header: { size: number } }
    const ceiling = await rawVerifyCeiling(2, 2000)
    return [
      { name: 'raw Ed25519 verify, both cores (ceiling)', value: ceiling, unit: 'ops/s' },
      { name: `committed tx/s, ${CONNECTIONS} connections, POST ?wait=true`, value: rate, unit: 'tx/s', ratio: { value: rate / ceiling, baseline: 'ceiling' }, note: `${full.non2xx} non-2xx, ${full.errors} socket errors` },
      { name: 'latency p50 at full load (POST to committed)', value: full.p50, unit: 'ms' },
      { name: 'latency p99 at full load', value: full.p99, unit: 'ms' },
      { name: 'node main thread busy at full load', value: threads.mainPct, unit: '% of a core', note: `busiest threads: ${threads.busiest}` },
      { name: 'offered half load: committed tx/s', value: halfRate, unit: 'tx/s', note: `${pauseMs} ms pause per connection` },
      { name: 'latency p50 at half load', value: halfRun.p50, unit: 'ms' },
      { name: 'latency p99 at half load', value: halfRun.p99, unit: 'ms' },
      { name: 'log size after both runs', value: head.header.size, unit: 'entries' },
      { name: 'node RSS after both runs', value: rss, unit: 'MiB', note: 'the node process alone' },
      { name: 'signing the envelopes (client side, two processes)', value: signRate, unit: 'tx/s' },
    ]
  } finally {
    server?.process.stdin?.end()
    await server?.exited.catch(() => {})
    rmSync(dir, { recursive: true, force: true })
  }
}
