/**
 * Child process of the node-http bench: a node (SQLite, FULL) with its HTTP API on an ephemeral
 * loopback port, alone in its process so that its CPU, GC and RSS are its own. Prints
 * `{"url": ...}` once listening; closes cleanly when its stdin ends.
 * Usage: tsx bench/http-node.ts DIR GENESIS_JSON KEY_PEM
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildApi } from '../src/api/build-api.js'
import type { JsonObject } from '../packages/saksi/src/core/encoding/json.js'
import { KeyPair } from '../packages/saksi/src/core/keys/key-pair.js'
import { openNode } from '../src/node/open-node.js'
import { NO_RATE_LIMITS } from '../src/node/limits/index.js'
import { openSqliteLedgerStore } from '../src/store/sqlite/open-sqlite-ledger-store.js'
import { SERVICES, serviceContracts } from '../src/services/registry.js'

const [dir, genesisFile, keyFile] = process.argv.slice(2)
const key = KeyPair.fromPem(readFileSync(keyFile!, 'utf8'))
const genesis = JSON.parse(readFileSync(genesisFile!, 'utf8')) as JsonObject
const node = await openNode({ contracts: serviceContracts(), store: openSqliteLedgerStore(join(dir!, 'ledger.sqlite')), key, genesis, maxPending: 50_000, admission: NO_RATE_LIMITS, maxBlocksInFlight: Number(process.env.SAKSI_BENCH_IN_FLIGHT ?? 2), signatureWorkers: process.env.SAKSI_BENCH_SIG_WORKERS ? Number(process.env.SAKSI_BENCH_SIG_WORKERS) : undefined }) // compare pipelining depths
const app = buildApi(node, { logger: false, services: SERVICES })
await app.listen({ host: '127.0.0.1', port: 0 })
const address = app.server.address()
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` })}\n`)
process.stdin.resume()
process.stdin.once('end', () => {
  void app.close().then(() => node.close())
})
