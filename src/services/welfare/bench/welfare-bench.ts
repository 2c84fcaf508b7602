import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { JsonObject, Receipt } from 'saksi'
import { KeyPair, signTx } from 'saksi'
import { periodAt, pkhRules } from '../contract/index.js'
// Test support: the bench runs the contract's own test fixture at scale.
import { head, householdArgs, member, people, welfareGenesis } from '../contract/testing/welfare-fixture.js'
// Test support: the bench runs the contract's own test fixture at scale.
import { NO_RATE_LIMITS, createGenesis, openNode, memoryCursor, PaymentOutbox, SimulatedBank } from '../../../node/index.js'
import type { LedgerNode } from '../../../node/index.js'
import { openSqliteLedgerStore } from '../../../store/index.js'
import type { BenchResult } from '../../../../bench/types.js'
import { serviceContracts } from '../../index.js'

/** Submits signed calls in windows and waits for every receipt. */
async function submitAll(node: LedgerNode, calls: { key: KeyPair; method: string; args: JsonObject }[], window = 5000): Promise<Receipt[]> {
  const out: Receipt[] = []
  const network = node.info().network
  for (let i = 0; i < calls.length; i += window) {
    const batch = calls.slice(i, i + window).map((c) => JSON.stringify(signTx({ network, contract: 'welfare', method: c.method, args: c.args, ttlSeconds: 3000 }, c.key).envelope))
    const ids = await Promise.all(batch.map((b) => node.submit(b)))
    const receipts = await Promise.all(ids.map(({ txId }) => node.waitForReceipt(txId, 600_000)))
    for (const r of receipts) {
      if (r?.status !== 'ok') throw new Error(`bench call failed: ${JSON.stringify(r)}`)
      out.push(r)
    }
  }
  return out
}

/**
 * A welfare disbursement at size: `SAKSI_BENCH_WELFARE` (default 100,000) households registered and
 * verified on a real node (SQLite, FULL), then the period's disbursement run (`welfare.disburse`,
 * 500 households per call, each call committed before the next), then the payment outbox paying
 * every instruction through the simulated bank and committing each confirmation.
 */
export async function benchWelfare(): Promise<BenchResult[]> {
  const total = Number(process.env.SAKSI_BENCH_WELFARE ?? 100_000)
  const dir = mkdtempSync(join(tmpdir(), 'saksi-welfare-'))
  const nodeKey = KeyPair.generate()
  const genesis = createGenesis({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did, organisations: welfareGenesis().organisations as never })
  const node = await openNode({ contracts: serviceContracts(), store: openSqliteLedgerStore(join(dir, 'ledger.sqlite')), key: nodeKey, genesis, maxPending: 50_000, admission: { ...NO_RATE_LIMITS, registeredOnly: false } })
  const period = periodAt('quarter', new Date().toISOString())
  const P = 'dinsos.pkh'
  try {
    await submitAll(node, [{ key: people.programmeAdmin, method: 'createProgramme', args: { programme: P, name: 'PKH', periodKind: 'quarter', regions: ['32.73'], rules: pkhRules(period, 900_000_000_000_000) } }])
    const setup = performance.now()
    const registered = await submitAll(
      node,
      Array.from({ length: total }, () => ({ key: people.enumerator, method: 'registerHousehold', args: householdArgs(P, [head(), member({ schoolLevel: 'sd' }), member({ schoolLevel: 'smp', birthMonth: '2012-02' })]) })),
    )
    const ids = registered.map((r) => (r.events[0]!.data as { household: string }).household)
    await submitAll(node, ids.map((household) => ({ key: people.verifier, method: 'verifyHousehold', args: { programme: P, household, evidence: { method: 'dukcapil' } } })))
    const setupSeconds = (performance.now() - setup) / 1000

    const runStart = performance.now()
    let calls = 0
    for (;;) {
      calls++
      const [r] = await submitAll(node, [{ key: people.treasurer, method: 'disburse', args: { programme: P, period } }])
      if (r!.events.some((e) => e.type === 'welfare.DisbursementProgress' && e.data.done === true)) break
    }
    const runSeconds = (performance.now() - runStart) / 1000
    const run = (await node.query('welfare', 'run', { programme: P, period })) as { instructed: number; total: number }

    const bank = new SimulatedBank({ path: join(dir, 'bank.sqlite') })
    const outbox = new PaymentOutbox({ node, adapter: bank, key: people.gateway, cursor: memoryCursor(node.size() - calls - 2 * total), concurrency: 256 })
    const payStart = performance.now()
    outbox.start()
    const done = (): boolean => outbox.processed >= run.instructed
    while (!done()) await new Promise((r) => setTimeout(r, 100))
    await outbox.idle()
    const paySeconds = (performance.now() - payStart) / 1000
    await outbox.stop()
    const books = bank.books()
    bank.close()
    const n = total.toLocaleString('en-US')
    return [
      { name: `register and verify ${n} households`, value: (2 * total) / setupSeconds, unit: 'tx/s', note: `${setupSeconds.toFixed(1)} s; 3 members each; node in this process, SQLite FULL` },
      { name: `disbursement run for ${n} households`, value: runSeconds, unit: 's', note: `${calls} disburse calls of ≤500; ${run.instructed.toLocaleString('en-US')} instructions, Rp ${run.total.toLocaleString('en-US')}` },
      { name: 'disbursement rate', value: run.instructed / runSeconds, unit: 'households/s' },
      { name: `paying ${run.instructed.toLocaleString('en-US')} instructions through the outbox`, value: run.instructed / paySeconds, unit: 'payments/s', note: `${paySeconds.toFixed(1)} s; bank books: ${books.transfers.toLocaleString('en-US')} transfers; each confirmation committed` },
    ]
  } finally {
    await node.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
