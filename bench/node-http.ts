import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { promisify } from 'node:util'
import { KeyPair } from '../src/core/keys/key-pair.js'
import { signTx } from '../src/core/tx/sign-tx.js'
import { createGenesis } from '../src/node/genesis.js'
import { openNode } from '../src/node/open-node.js'
import { openSqliteLedgerStore } from '../src/store/sqlite/open-sqlite-ledger-store.js'
import { buildApi } from '../src/api/build-api.js'
import type { BenchResult } from './types.js'

const run = promisify(execFile)
const CONNECTIONS = 256
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
 * `identity.register` envelopes with `?wait=true` to a real node (SQLite, WAL, synchronous=FULL), so
 * each latency is POST to durable commit. Then the same at half the measured rate, and the raw
 * Ed25519 ceiling on both cores in the same run.
 */
export async function benchNodeHttp(): Promise<BenchResult[]> {
  await run('wrk', ['--version']).catch((e: { stdout?: string }) => {
    if (!String(e.stdout ?? '').includes('wrk')) throw new Error('wrk is not installed: apt-get install wrk')
  })
  const dir = mkdtempSync(join(tmpdir(), 'saksi-bench-'))
  const nodeKey = KeyPair.generate()
  const genesis = createGenesis({ network: 'bench', origin: 'saksi.example/bench', nodeKey: nodeKey.did })
  const store = openSqliteLedgerStore(join(dir, 'ledger.sqlite'))
  const node = await openNode({ store, key: nodeKey, genesis, maxPending: 50_000 })
  const app = buildApi(node, { logger: false })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  try {
    // Enough distinct envelopes for both runs: nothing may be a duplicate.
    const total = 260_000
    const signStart = performance.now()
    const lines: string[] = []
    for (let i = 0; i < total; i++) {
      const env = signTx({ network: 'bench', contract: 'identity', method: 'register', args: { name: `Warga ${i}` }, ttlSeconds: 3000 }, KeyPair.generate()).envelope
      lines.push(JSON.stringify(env))
    }
    const signSeconds = (performance.now() - signStart) / 1000
    const half = Math.floor(total / 2)
    const fileA = join(dir, 'a.jsonl')
    const fileB = join(dir, 'b.jsonl')
    writeFileSync(fileA, lines.slice(0, half).join('\n'))
    writeFileSync(fileB, lines.slice(half).join('\n'))
    const script = new URL('./wrk-submit.lua', import.meta.url).pathname

    const full = parseWrk((await run('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--timeout', '15s', '-s', script, `${url}/v1/tx`, '--', fileA, '2'], { maxBuffer: 1 << 24 })).stdout)
    const rate = (full.requests - full.non2xx) / full.seconds
    // Half load: each connection pauses so that all of them together offer half the measured rate.
    const pauseMs = Math.max(1, Math.round((CONNECTIONS * 1000) / (rate / 2)))
    const halfRun = parseWrk((await run('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--timeout', '15s', '-s', script, `${url}/v1/tx`, '--', fileB, '2', String(pauseMs)], { maxBuffer: 1 << 24 })).stdout)
    const halfRate = (halfRun.requests - halfRun.non2xx) / halfRun.seconds
    const ceiling = await rawVerifyCeiling(2, 2000)
    return [
      { name: 'raw Ed25519 verify, both cores (ceiling)', value: ceiling, unit: 'ops/s' },
      { name: `committed tx/s, ${CONNECTIONS} connections, POST ?wait=true`, value: rate, unit: 'tx/s', ratio: { value: rate / ceiling, baseline: 'ceiling' }, note: `${full.non2xx} non-2xx, ${full.errors} socket errors` },
      { name: 'latency p50 at full load (POST to committed)', value: full.p50, unit: 'ms' },
      { name: 'latency p99 at full load', value: full.p99, unit: 'ms' },
      { name: 'offered half load: committed tx/s', value: halfRate, unit: 'tx/s', note: `${pauseMs} ms pause per connection` },
      { name: 'latency p50 at half load', value: halfRun.p50, unit: 'ms' },
      { name: 'latency p99 at half load', value: halfRun.p99, unit: 'ms' },
      { name: 'log size after both runs', value: node.size(), unit: 'entries' },
      { name: 'RSS after both runs', value: process.memoryUsage().rss / 2 ** 20, unit: 'MiB', note: 'bench process: node, API and the pre-signed envelopes' },
      { name: 'signing the envelopes (client side, one core)', value: total / signSeconds, unit: 'tx/s' },
    ]
  } finally {
    await app.close()
    await node.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
