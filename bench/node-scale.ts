import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { KeyPair } from '../src/core/keys/key-pair.js'
import { signTx } from '../src/core/tx/sign-tx.js'
import { createGenesis } from '../src/node/genesis.js'
import { openNode } from '../src/node/open-node.js'
import { openSqliteLedgerStore } from '../src/store/sqlite/open-sqlite-ledger-store.js'
import { buildApi } from '../src/api/build-api.js'
import type { BenchResult } from './types.js'

/**
 * The node at size: commits `SAKSI_BENCH_SCALE` (default 100,000) individually signed registrations
 * in process (no HTTP, so the figure is the node's own rate), then measures RSS, the time from a
 * cold restart to serving HTTP, and inclusion and consistency proof latency at that size. Signing is
 * done in chunks between submissions so that memory holds no more than a chunk of envelopes.
 */
export async function benchNodeScale(): Promise<BenchResult[]> {
  const total = Number(process.env.SAKSI_BENCH_SCALE ?? 100_000)
  const dir = mkdtempSync(join(tmpdir(), 'saksi-scale-'))
  const path = join(dir, 'ledger.sqlite')
  const key = KeyPair.generate()
  const genesis = createGenesis({ network: 'bench', origin: 'saksi.example/bench', nodeKey: key.did })
  try {
    let node = await openNode({ store: openSqliteLedgerStore(path), key, genesis, maxPending: 50_000 })
    const started = performance.now()
    let signMs = 0
    for (let done = 0; done < total; ) {
      const n = Math.min(10_000, total - done)
      const s = performance.now()
      const texts = Array.from({ length: n }, (_, i) =>
        JSON.stringify(signTx({ network: 'bench', contract: 'identity', method: 'register', args: { name: `Warga ${done + i}` }, ttlSeconds: 3000 }, KeyPair.generate()).envelope),
      )
      signMs += performance.now() - s
      const ids = await Promise.all(texts.map((t) => node.submit(t)))
      await Promise.all(ids.map(({ txId }) => node.waitForReceipt(txId, 120_000)))
      done += n
    }
    const fillSeconds = (performance.now() - started - signMs) / 1000
    global.gc?.()
    const rss = process.memoryUsage().rss / 2 ** 20
    await node.close()

    const restartStart = performance.now()
    node = await openNode({ store: openSqliteLedgerStore(path), key })
    const app = buildApi(node, { logger: false })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const restartMs = performance.now() - restartStart
    const size = node.size()
    const t0 = performance.now()
    for (let i = 0; i < 1000; i++) await node.inclusionProof(Math.floor(Math.random() * size), size)
    const inclusionMs = (performance.now() - t0) / 1000
    const t1 = performance.now()
    for (let i = 0; i < 1000; i++) await node.consistencyProof(1 + Math.floor(Math.random() * (size - 1)), size)
    const consistencyMs = (performance.now() - t1) / 1000
    await app.close()
    await node.close()
    return [
      { name: `commit ${total.toLocaleString('en-US')} registrations in process`, value: total / fillSeconds, unit: 'tx/s', note: 'admission, workers, execution, SQLite FULL; signing time excluded' },
      { name: `RSS after ${total.toLocaleString('en-US')} committed`, value: rss, unit: 'MiB', note: 'bench process, node included' },
      { name: 'cold restart to serving HTTP', value: restartMs, unit: 'ms', note: `log size ${size.toLocaleString('en-US')}` },
      { name: 'inclusion proof at that size', value: inclusionMs, unit: 'ms', note: 'node.inclusionProof, SQLite reads' },
      { name: 'consistency proof at that size', value: consistencyMs, unit: 'ms' },
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
