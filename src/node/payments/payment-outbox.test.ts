import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { JsonObject } from '../../../packages/saksi/src/core/encoding/json.js'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../../../packages/saksi/src/core/tx/sign-tx.js'
import { periodAt } from '../../services/welfare/contract/periods.js'
import { pkhRules } from '../../services/welfare/contract/pkh-example.js'
import { head, householdArgs, member, people, welfareGenesis } from '../../services/welfare/contract/testing/welfare-fixture.js'
import { MemoryLedgerStore } from '../../store/memory/memory-ledger-store.js'
import { createGenesis } from '../genesis.js'
import type { LedgerNode } from '../ledger-node.js'
import { openNode } from '../open-node.js'
import { FOLLOWER_NEXT_INDEX_METRIC, FollowerSet, fileCursor, memoryCursor } from '../followers/index.js'
import { PaymentOutbox } from './payment-outbox.js'
import { SimulatedBank } from './simulated-bank.js'
import { serviceContracts } from '../../services/registry.js'

const dir = mkdtempSync(join(tmpdir(), 'saksi-outbox-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const P = 'dinsos.pkh'
const period = periodAt('quarter', new Date().toISOString())
const nodeKey = KeyPair.generate()

let node: LedgerNode | undefined
const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c()
  await node?.close()
  node = undefined
})

async function exec(key: KeyPair, method: string, args: JsonObject, contract = 'welfare') {
  const { txId } = await node!.submit(JSON.stringify(signTx({ network: 'kota-contoh', contract, method, args }, key).envelope))
  const r = await node!.waitForReceipt(txId, 10_000)
  if (r?.status !== 'ok') throw new Error(`${method}: ${JSON.stringify(r)}`)
  return r
}

/** A node with the PKH programme, `n` verified households and the period disbursed. */
async function disbursed(n: number): Promise<string[]> {
  const genesis = createGenesis({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did, organisations: welfareGenesis().organisations as never })
  node = await openNode({ contracts: serviceContracts(), store: new MemoryLedgerStore(), key: nodeKey, genesis, signatureWorkers: 0, maxBlockDelayMs: 1 })
  await exec(people.programmeAdmin, 'createProgramme', { programme: P, name: 'PKH', periodKind: 'quarter', regions: ['32.73'], rules: pkhRules(period) })
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const r = await exec(people.enumerator, 'registerHousehold', householdArgs(P, [head(), member({ schoolLevel: 'smp' })]))
    const hid = (r.events[0]!.data as { household: string }).household
    await exec(people.verifier, 'verifyHousehold', { programme: P, household: hid, evidence: { method: 'dukcapil' } })
    ids.push(`${hid}/${period}`)
  }
  await exec(people.treasurer, 'disburse', { programme: P, period })
  return ids
}

const statusOf = async (id: string) => ((await node!.query('welfare', 'instruction', { programme: P, instruction: id })) as { status: string; attempt: number }).status
const statuses = (ids: string[]) => Promise.all(ids.map(statusOf))
const allAre = (ids: string[], test: (status: string) => boolean) => async () => (await statuses(ids)).every(test)

async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await check()) && Date.now() < end) await new Promise((r) => setTimeout(r, 10))
  expect(await check()).toBe(true)
}

describe('PaymentOutbox', () => {
  describe('when a disbursement run is committed', () => {
    it('pays every instruction through the bank and reports each outcome; retried failures are paid once', async () => {
      const ids = await disbursed(8)
      const bank = new SimulatedBank({ delayMs: [0, 5] })
      // The first attempt of every third order is refused, as a bank refuses a dormant account.
      let seen = 0
      const refusing = { pay: (o: Parameters<SimulatedBank['pay']>[0]) => (o.attempt === 1 && seen++ % 3 === 0 ? Promise.resolve({ status: 'failed' as const, reason: 'Rekening tidak aktif' }) : bank.pay(o)) }
      const outbox = new PaymentOutbox({ node: node!, adapter: refusing, key: people.gateway, cursor: memoryCursor(), retryDelayMs: 5 })
      outbox.start()
      cleanup.push(() => outbox.stop(), () => bank.close())
      await until(allAre(ids, (s) => s !== 'instructed'))
      const failed = (await statuses(ids)).filter((s) => s === 'failed')
      expect(failed).toHaveLength(3)
      expect(bank.books()).toMatchObject({ transfers: ids.length - 3 })
      for (let round = 0; round < 10 && !(await allAre(ids, (s) => s === 'paid')()); round++) {
        const now = await statuses(ids)
        for (const id of ids.filter((_, i) => now[i] === 'failed')) await exec(people.treasurer, 'retryPayment', { programme: P, instruction: id })
        await until(allAre(ids, (s) => s !== 'instructed'))
      }
      expect(await statuses(ids)).toEqual(ids.map(() => 'paid'))
      expect(bank.books()).toMatchObject({ transfers: ids.length, total: ids.length * 375_000 })
    })
  })

  describe('when the outbox restarts from an old cursor', () => {
    it('skips what the contract already settled and pays nobody twice', async () => {
      const ids = await disbursed(5)
      const bankFile = join(dir, 'bank.sqlite')
      const cursorFile = join(dir, 'outbox.json')
      const bank = new SimulatedBank({ path: bankFile })
      // A first outbox pays everything but never gets to save its cursor (as if killed).
      const first = new PaymentOutbox({ node: node!, adapter: bank, key: people.gateway, cursor: fileCursor(cursorFile), saveEveryMs: 3_600_000 })
      first.start()
      await until(allAre(ids, (s) => s === 'paid'))
      expect(fileCursor(cursorFile).load()).toBe(0)
      const entries = node!.size()
      // The restarted outbox reads the whole log again from index 0.
      const second = new PaymentOutbox({ node: node!, adapter: bank, key: people.gateway, cursor: fileCursor(cursorFile), saveEveryMs: 1 })
      second.start()
      cleanup.push(() => second.stop(), () => bank.close())
      await until(() => second.cursor === entries)
      await second.idle()
      expect(second.processed).toBe(0)
      expect(bank.books()).toMatchObject({ transfers: 5, total: 5 * 375_000 })
      expect(node!.size()).toBe(entries) // no confirmation sent twice, so no failed call on the log
      await second.stop()
      expect(fileCursor(cursorFile).load()).toBe(entries)
    })

    it('gets the first reference back from the bank when a transfer was made but never reported', async () => {
      const [id] = await disbursed(1)
      const bank = new SimulatedBank()
      // The bank paid, the node crashed before recording it: the ledger still says "instructed".
      const request = { idempotencyKey: `welfare/${P}/${id}`, amount: 375_000, currency: 'IDR' as const, payee: 'pd_x', reference: id!, attempt: 1 }
      const first = await bank.pay(request)
      const outbox = new PaymentOutbox({ node: node!, adapter: bank, key: people.gateway, cursor: memoryCursor() })
      outbox.start()
      cleanup.push(() => outbox.stop(), () => bank.close())
      await until(async () => (await statusOf(id!)) === 'paid')
      expect(await node!.query('welfare', 'instruction', { programme: P, instruction: id! })).toMatchObject({ reference: (first as { bankReference: string }).bankReference })
      expect(bank.books().transfers).toBe(1)
    })
  })

  describe('when the bank cannot be reached', () => {
    it('tries the same order again until it answers', async () => {
      const ids = await disbursed(3)
      const bank = new SimulatedBank()
      let outages = 4
      const flaky = { pay: (o: Parameters<SimulatedBank['pay']>[0]) => (outages-- > 0 ? Promise.reject(new Error('ECONNRESET')) : bank.pay(o)) }
      const errors: unknown[] = []
      const outbox = new PaymentOutbox({ node: node!, adapter: flaky, key: people.gateway, cursor: memoryCursor(), retryDelayMs: 5, onError: (e) => errors.push(e) })
      outbox.start()
      cleanup.push(() => outbox.stop(), () => bank.close())
      await until(allAre(ids, (s) => s === 'paid'))
      expect(errors.length).toBe(4)
      expect(bank.books().transfers).toBe(3)
    })
  })
})

describe('SimulatedBank', () => {
  it('refuses a share of transfers reproducibly, pays a key once, and refuses a key reused for another amount', async () => {
    const bank = new SimulatedBank({ failureRate: 0.5 })
    const order = (n: number, attempt = 1, amount = 100) => ({ idempotencyKey: `k${n}`, amount, currency: 'IDR' as const, payee: 'pd_x', reference: `r${n}`, attempt })
    const outcomes = await Promise.all(Array.from({ length: 200 }, (_, n) => bank.pay(order(n))))
    const refused = outcomes.filter((o) => o.status === 'failed').length
    expect(refused).toBeGreaterThan(60)
    expect(refused).toBeLessThan(140)
    const again = await Promise.all(Array.from({ length: 200 }, (_, n) => bank.pay(order(n))))
    expect(again).toEqual(outcomes)
    const paidKey = outcomes.findIndex((o) => o.status === 'paid')
    expect(await bank.pay(order(paidKey, 2, 999))).toMatchObject({ status: 'failed', reason: expect.stringContaining('another amount') })
    expect(bank.books()).toMatchObject({ transfers: 200 - refused, total: (200 - refused) * 100 })
    bank.close()
  })
})

describe('SimulatedBank retries', () => {
  it('decides each attempt afresh: most transfers refused once go through on the next attempt', async () => {
    const bank = new SimulatedBank({ failureRate: 0.5 })
    const order = (n: number, attempt: number) => ({ idempotencyKey: `key-${n}`, amount: 100, currency: 'IDR' as const, payee: 'pd_x', reference: `r${n}`, attempt })
    const refused: number[] = []
    for (let n = 0; n < 200; n++) if ((await bank.pay(order(n, 1))).status === 'failed') refused.push(n)
    const again = await Promise.all(refused.map((n) => bank.pay(order(n, 2))))
    const share = again.filter((o) => o.status === 'failed').length / refused.length
    expect(share).toBeGreaterThan(0.3)
    expect(share).toBeLessThan(0.7)
    bank.close()
  })
})

describe('PaymentOutbox stopping', () => {
  it('reports a payment the bank makes while the outbox stops, and saves a cursor past it only then', async () => {
    const [id] = await disbursed(1)
    const bank = new SimulatedBank({ delayMs: [300, 300] })
    const cursorFile = join(dir, 'stop-outbox.json')
    const outbox = new PaymentOutbox({ node: node!, adapter: bank, key: people.gateway, cursor: fileCursor(cursorFile) })
    outbox.start()
    cleanup.push(() => bank.close())
    await new Promise((r) => setTimeout(r, 100))
    await outbox.stop()
    expect(bank.books().transfers).toBe(1)
    expect(await statusOf(id!)).toBe('paid')
    expect(fileCursor(cursorFile).load()).toBe(node!.size() - 1) // past the disbursement; the confirmation came after stop
  })
})

describe('PaymentOutbox as a follower', () => {
  describe('when the node shuts down during a disbursement', () => {
    it('waits until every payment is reported and the outbox is at the head, then saves the cursor there', async () => {
      const ids = await disbursed(6)
      const bank = new SimulatedBank({ delayMs: [20, 40] })
      cleanup.push(() => bank.close())
      const cursorFile = join(dir, 'runner-outbox.json')
      const outbox = new PaymentOutbox({ node: node!, adapter: bank, key: people.gateway, cursor: fileCursor(cursorFile), concurrency: 2, saveEveryMs: 3_600_000 })
      const followers = new FollowerSet({ log: node!, drainMs: 60_000 }).add(outbox)
      followers.start()
      expect(await node!.metrics.getSingleMetricAsString(FOLLOWER_NEXT_INDEX_METRIC)).toContain('{follower="payment-outbox"}')
      const [ended] = await followers.shutdown()
      expect(await statuses(ids)).toEqual(ids.map(() => 'paid'))
      expect(bank.books().transfers).toBe(6)
      expect(ended).toEqual({ name: 'payment-outbox', nextIndex: node!.size(), head: node!.size(), lag: 0, reachedHead: true, stopped: true })
      expect(fileCursor(cursorFile).load()).toBe(node!.size())
    })
  })

  describe('when the bank cannot be reached at shutdown', () => {
    it('gives up at the deadline with the cursor before the unpaid entry, and the next start pays it', async () => {
      const ids = await disbursed(2)
      const disbursement = node!.size() - 1
      const cursorFile = join(dir, 'down-outbox.json')
      const down = { pay: () => Promise.reject(new Error('ECONNREFUSED')) }
      const first = new PaymentOutbox({ node: node!, adapter: down, key: people.gateway, cursor: fileCursor(cursorFile), retryDelayMs: 5 })
      const followers = new FollowerSet({ log: node!, drainMs: 100 }).add(first)
      followers.start()
      const [ended] = await followers.shutdown()
      expect(ended).toMatchObject({ reachedHead: false, stopped: true, nextIndex: disbursement, head: disbursement + 1 })
      expect(fileCursor(cursorFile).load()).toBe(disbursement)
      expect(await statuses(ids)).toEqual(['instructed', 'instructed'])

      const bank = new SimulatedBank()
      const second = new PaymentOutbox({ node: node!, adapter: bank, key: people.gateway, cursor: fileCursor(cursorFile) })
      const again = new FollowerSet({ log: node!, drainMs: 60_000 }).add(second)
      again.start()
      cleanup.push(() => bank.close())
      const [resumed] = await again.shutdown()
      expect(resumed).toMatchObject({ reachedHead: true, stopped: true })
      expect(await statuses(ids)).toEqual(['paid', 'paid'])
      expect(fileCursor(cursorFile).load()).toBe(node!.size())
    })
  })
})
