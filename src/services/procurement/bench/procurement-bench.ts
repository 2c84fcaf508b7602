import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { JsonObject } from 'saksi'
import { KeyPair, signTx } from 'saksi'
import { compiledRelease, processReleases, type ProcessView } from '../views/index.js'
import { bidCommitment, parkBenchBid, parkBenchCriteria, parkBenchPlan } from '../contract/index.js'
// Test support: the bench runs the contract's own test fixture at scale.
import { people, procurementGenesis } from '../contract/testing/procurement-fixture.js'
// Test support: the bench runs the contract's own test fixture at scale.
import { NO_RATE_LIMITS, createGenesis, openNode } from '../../../node/index.js'
import type { LedgerNode } from '../../../node/index.js'
import { openSqliteLedgerStore } from '../../../store/index.js'
import type { BenchResult } from '../../../../bench/types.js'
import { serviceContracts } from '../../index.js'

type Call = { key: KeyPair; contract: string; method: string; args: JsonObject }

/** Signs every call first, then submits them in windows and waits for every receipt; returns the seconds spent after signing. */
async function run(node: LedgerNode, calls: Call[], window = 4000): Promise<number> {
  const network = node.info().network
  const envelopes = calls.map((c) => JSON.stringify(signTx({ network, contract: c.contract, method: c.method, args: c.args, ttlSeconds: 3000 }, c.key).envelope))
  const start = performance.now()
  for (let i = 0; i < envelopes.length; i += window) {
    const ids = await Promise.all(envelopes.slice(i, i + window).map((e) => node.submit(e)))
    for (const r of await Promise.all(ids.map(({ txId }) => node.waitForReceipt(txId, 600_000)))) {
      if (r?.status !== 'ok') throw new Error(`bench call failed: ${JSON.stringify(r)}`)
    }
  }
  return (performance.now() - start) / 1000
}

const until = async (iso: string) => {
  while (Date.now() <= Date.parse(iso) + 20) await new Promise((r) => setTimeout(r, 25))
}

/**
 * Procurement at size on a real node (SQLite, FULL): one purchase tendered and contracted, then
 * `SAKSI_BENCH_SHIPMENTS` shipments (default 200) each tracked by `SAKSI_BENCH_UPDATES` location
 * updates (default 50), each inspected (releasing a payment). Baseline: `identity.register` of as
 * many new keys, the cheapest write, in the same run. Then the consistency report and the OCDS
 * export of that process, as the API computes them.
 */
export async function benchProcurement(): Promise<BenchResult[]> {
  const shipments = Number(process.env.SAKSI_BENCH_SHIPMENTS ?? 200)
  const updates = Number(process.env.SAKSI_BENCH_UPDATES ?? 50)
  const dir = mkdtempSync(join(tmpdir(), 'saksi-procurement-'))
  const nodeKey = KeyPair.generate()
  const genesis = createGenesis({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did, organisations: procurementGenesis().organisations as never })
  const node = await openNode({ contracts: serviceContracts(), store: openSqliteLedgerStore(join(dir, 'ledger.sqlite')), key: nodeKey, genesis, maxPending: 50_000, admission: { ...NO_RATE_LIMITS, registeredOnly: false } })
  const P = 'pertamanan.bangku-2026'
  const p = (key: KeyPair, method: string, args: JsonObject): Call => ({ key, contract: 'procurement', method, args })
  try {
    const bid = parkBenchBid(4_200_000, 1_000_000, 30, 60)
    const salt = randomBytes(32).toString('hex')
    await run(node, [p(people.mebel, 'registerSupplier', { supplier: 'mebel-jaya', name: 'CV Mebel Jaya', nib: '9120001234567' }), p(people.officer, 'createPlan', { ...parkBenchPlan(P), items: (parkBenchPlan(P).items as JsonObject[]).map((i) => ({ ...i, quantity: shipments * 10 })), budget: 1e14 })])
    const bidDeadline = new Date(Date.now() + 1000).toISOString()
    const revealDeadline = new Date(Date.now() + 2000).toISOString()
    await run(node, [p(people.officer, 'publishTender', { process: P, title: 'Bench', description: 'Bench', bidDeadline, revealDeadline, criteria: parkBenchCriteria })])
    await run(node, [p(people.mebel, 'commitBid', { process: P, supplier: 'mebel-jaya', commitment: bidCommitment({ process: P, supplier: 'mebel-jaya', bid, salt }) })])
    await until(bidDeadline)
    await run(node, [p(people.mebel, 'revealBid', { process: P, supplier: 'mebel-jaya', bid: bid as unknown as JsonObject, salt })])
    await until(revealDeadline)
    const far = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10)
    await run(node, [p(people.officer, 'award', { process: P })])
    await run(node, [p(people.officer, 'issueContract', { process: P, milestones: [{ id: 'm', title: 'Semua', dueDate: far, lines: [{ item: 'bangku', quantity: shipments * 10 }, { item: 'tempat-sampah', quantity: shipments * 10 }] }] })])
    await run(node, [p(people.mebel, 'acceptContract', { process: P })])

    const ids = Array.from({ length: shipments }, (_, i) => `s${i}`)
    const dispatchSeconds = await run(node, ids.map((shipment) => p(people.mebel, 'dispatch', { process: P, shipment, milestone: 'm', lines: [{ item: 'bangku', quantity: 10 }], carrier: people.carrier.did, lat: -6.5, lon: 110.6, place: 'Jepara' })))
    // Updates of one shipment go in order (each must not be earlier than the last): round-robin over shipments.
    const moves: Call[] = []
    for (let u = 0; u < updates; u++) for (const shipment of ids) moves.push(p(people.carrier, 'updateLocation', { process: P, shipment, lat: -6.5 - u / 1000, lon: 110.6 - u / 1000, place: `KM ${u}` }))
    const moveSeconds = await run(node, moves)
    const baselineKeys = Array.from({ length: moves.length }, () => KeyPair.generate())
    const registerSeconds = await run(node, baselineKeys.map((key, i) => ({ key, contract: 'identity', method: 'register', args: { name: `Warga ${i}` } })))
    const inspectSeconds = await run(node, ids.map((shipment) => p(people.inspector, 'inspect', { process: P, shipment, accepted: [{ item: 'bangku', quantity: 10 }], note: 'OK' })))

    const t0 = performance.now()
    const report = (await node.query('procurement', 'consistency', { process: P })) as { ok: boolean }
    const reportMs = performance.now() - t0
    const t1 = performance.now()
    const view = (await node.query('procurement', 'process', { process: P })) as unknown as ProcessView
    const names = { organisation: (id: string) => id, supplier: (id: string) => id }
    const releases = processReleases('ocds-saksi', view, names)
    compiledRelease('ocds-saksi', view, names)
    const ocdsMs = performance.now() - t1
    const moveRate = moves.length / moveSeconds
    const registerRate = baselineKeys.length / registerSeconds
    return [
      { name: 'identity.register (baseline)', value: registerRate, unit: 'tx/s', note: `${baselineKeys.length.toLocaleString('en-US')} new keys, pre-signed` },
      { name: `procurement.updateLocation (${shipments} shipments × ${updates})`, value: moveRate, unit: 'tx/s', ratio: { value: moveRate / registerRate, baseline: 'identity.register' } },
      { name: 'procurement.dispatch', value: shipments / dispatchSeconds, unit: 'tx/s', ratio: { value: shipments / dispatchSeconds / registerRate, baseline: 'identity.register' } },
      { name: 'procurement.inspect (releases a payment)', value: shipments / inspectSeconds, unit: 'tx/s', ratio: { value: shipments / inspectSeconds / registerRate, baseline: 'identity.register' } },
      { name: `consistency report (${shipments} shipments, ${shipments} payments)`, value: reportMs, unit: 'ms', note: report.ok ? 'clean' : 'FINDINGS' },
      { name: `OCDS releases + compiled release of the process`, value: ocdsMs, unit: 'ms', note: `${releases.length} releases` },
    ]
  } finally {
    await node.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
