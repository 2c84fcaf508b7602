/**
 * Child process of the node-scale bench, so that the RSS it reports is the node's alone: opens a
 * SQLite node, streams pre-signed envelopes from NDJSON files through `submit` in windows, waits for
 * their receipts, and prints one JSON line per tenth of the way ({ done, seconds, rssMiB }). Then it
 * closes, reopens cold and serves HTTP (restart time), and times proofs at the final size.
 * Usage: tsx bench/scale-node.ts DIR GENESIS_JSON KEY_PEM TOTAL FILE...
 */
import { createReadStream, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { buildApi } from '../src/api/build-api.js'
import { KeyPair } from '../packages/saksi/src/core/keys/key-pair.js'
import type { JsonObject } from '../packages/saksi/src/core/encoding/json.js'
import { openNode } from '../src/node/open-node.js'
import { NO_RATE_LIMITS } from '../src/node/limits/index.js'
import { openSqliteLedgerStore } from '../src/store/sqlite/open-sqlite-ledger-store.js'
import { SERVICES, serviceContracts } from '../src/services/registry.js'

const [dir, genesisFile, keyFile, totalText, ...files] = process.argv.slice(2)
const total = Number(totalText)
const path = join(dir!, 'ledger.sqlite')
const key = KeyPair.fromPem(readFileSync(keyFile!, 'utf8'))
const genesis = JSON.parse(readFileSync(genesisFile!, 'utf8')) as JsonObject
const report = (o: object): void => void process.stdout.write(`${JSON.stringify(o)}\n`)
const rssMiB = (): number => {
  global.gc?.()
  return process.memoryUsage().rss / 2 ** 20
}

let node = await openNode({ contracts: serviceContracts(), store: openSqliteLedgerStore(path), key, genesis, maxPending: 50_000, admission: NO_RATE_LIMITS })
const started = performance.now()
const step = Math.max(1, Math.floor(total / 10))
let done = 0
let nextReport = step
let window: Promise<unknown>[] = []
const flush = async (): Promise<void> => {
  await Promise.all(window)
  window = []
  if (done >= nextReport || done === total) {
    report({ done, seconds: (performance.now() - started) / 1000, rssMiB: rssMiB() })
    while (nextReport <= done) nextReport += step
  }
}
for (const file of files) {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line === '') continue
    window.push(node.submit(line).then(({ txId }) => node.waitForReceipt(txId, 300_000)))
    done++
    if (window.length === 20_000) await flush()
  }
}
await flush()
await node.close()

const restartStart = performance.now()
node = await openNode({ contracts: serviceContracts(), store: openSqliteLedgerStore(path), key, admission: NO_RATE_LIMITS })
const app = buildApi(node, { logger: false, services: SERVICES })
await app.listen({ host: '127.0.0.1', port: 0 })
const restartMs = performance.now() - restartStart
const size = node.size()
const t0 = performance.now()
for (let i = 0; i < 1000; i++) await node.inclusionProof(Math.floor(Math.random() * size), size)
const inclusionMs = (performance.now() - t0) / 1000
const t1 = performance.now()
for (let i = 0; i < 1000; i++) await node.consistencyProof(1 + Math.floor(Math.random() * (size - 1)), size)
const consistencyMs = (performance.now() - t1) / 1000
report({ size, restartMs, inclusionMs, consistencyMs, rssAfterRestartMiB: rssMiB() })
await app.close()
await node.close()
