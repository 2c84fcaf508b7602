import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeyPair } from '../../../../packages/saksi/src/core/keys/key-pair.js'
import { parkBenchBid, parkBenchCriteria, parkBenchPlan } from '../contract/park-bench-example.js'
import { bufferIo } from '../../../cli/cli-io.js'
import { writeKeyFile } from '../../../cli/key-file.js'
import { runSaksi as runCli } from '../../../saksi.js'
import { serveTestNode, type TestNode } from '../../../cli/testing/serve-test-node.js'

const P = 'pertamanan.bangku-2026'
let node: TestNode
let root: string
let url: string
let bidDeadline: string
const officer = KeyPair.generate()
const supplier = KeyPair.generate()

async function saksi(...args: string[]) {
  const io = bufferIo()
  const code = await runCli(['procurement', ...args, '--node', url], io)
  return { code, out: io.stdout(), err: io.stderr() }
}

beforeAll(async () => {
  node = await serveTestNode('saksi-procurement-')
  ;({ root, url } = node)
  const call = node.call
  const admin = KeyPair.fromPem(await readFile(join(node.dir, 'keys', 'pertamanan-admin.pem'), 'utf8'))
  expect(await call(admin, 'identity', 'addMember', { org: 'pertamanan', did: officer.did, roles: ['procurement.officer'] })).toMatchObject({ status: 'ok' })
  expect(await call(supplier, 'identity', 'register', { name: 'CV Mebel Jaya' })).toMatchObject({ status: 'ok' })
  expect(await call(supplier, 'procurement', 'registerSupplier', { supplier: 'mebel-jaya', name: 'CV Mebel Jaya', nib: '9120001234567' })).toMatchObject({ status: 'ok' })
  expect(await call(officer, 'procurement', 'createPlan', parkBenchPlan(P))).toMatchObject({ status: 'ok' })
  // Room for the steps before the deadline on a loaded machine; the test waits for it afterwards.
  bidDeadline = new Date(Date.now() + 10_000).toISOString()
  const revealDeadline = new Date(Date.now() + 20_000).toISOString()
  expect(await call(officer, 'procurement', 'publishTender', { process: P, title: 'Tender', description: 'Tender', bidDeadline, revealDeadline, criteria: parkBenchCriteria })).toMatchObject({ status: 'ok' })
  // A second tender, cancelled before its deadline: its sealed bid must never be revealed.
  const Q = 'pertamanan.lampu-2026'
  expect(await call(officer, 'procurement', 'createPlan', parkBenchPlan(Q))).toMatchObject({ status: 'ok' })
  expect(await call(officer, 'procurement', 'publishTender', { process: Q, title: 'Tender', description: 'Tender', bidDeadline, revealDeadline, criteria: parkBenchCriteria })).toMatchObject({ status: 'ok' })
  await writeKeyFile(join(root, 'supplier.pem'), supplier)
  await writeFile(join(root, 'bid.json'), JSON.stringify(parkBenchBid(4_200_000, 1_000_000, 30, 60)))
  const q = await runCli(['procurement', 'bid', join(root, 'bid.json'), '--key', join(root, 'supplier.pem'), '--process', Q, '--supplier', 'mebel-jaya', '--sealed', join(root, 'cancelled.json'), '--node', url], bufferIo())
  expect(q).toBe(0)
  expect(await call(officer, 'procurement', 'cancelTender', { process: Q, reason: 'Anggaran dialihkan' })).toMatchObject({ status: 'ok' })
  await writeFile(join(root, 'bid.json'), JSON.stringify(parkBenchBid(4_200_000, 1_000_000, 30, 60)))
  await writeFile(join(root, 'over.json'), JSON.stringify(parkBenchBid(4_900_000, 1_000_000, 30, 60)))
  await writeFile(join(root, 'wrong.json'), JSON.stringify({ ...parkBenchBid(4_200_000, 1_000_000, 30, 60), prices: [{ item: 'bangku', unitPrice: 1 }] }))
}, 60_000)

afterAll(() => node.close())

describe('saksi procurement', () => {
  it('seals and commits a bid, refuses to reveal it before the deadline (sending nothing), then reveals it', async () => {
    const key = join(root, 'supplier.pem')
    const sealed = join(root, 'sealed.json')
    const common = ['--key', key, '--process', P, '--supplier', 'mebel-jaya', '--sealed', sealed]
    const wrong = await saksi('bid', join(root, 'wrong.json'), ...common)
    expect(wrong).toMatchObject({ code: 2, err: expect.stringContaining('prices must list each tendered item once') })
    const over = await saksi('bid', join(root, 'over.json'), ...common)
    expect(over).toMatchObject({ code: 1, err: expect.stringContaining("above the owner's estimate") })

    const ok = await saksi('bid', join(root, 'bid.json'), ...common)
    expect(ok.code, ok.err).toBe(0)
    expect(JSON.parse(ok.out)).toMatchObject({ status: 'ok' })
    expect((await stat(sealed)).mode & 0o777).toBe(0o600)
    const file = JSON.parse(await readFile(sealed, 'utf8')) as { salt: string; commitment: string }
    expect(file.salt).toMatch(/^[0-9a-f]{64}$/)
    // Calls bound to fail are not sent: a second bid, or a key that does not sign for the supplier.
    const other = ['--process', P, '--supplier', 'mebel-jaya', '--sealed', join(root, 'other.json')]
    expect(await saksi('bid', join(root, 'bid.json'), '--key', key, ...other)).toMatchObject({ code: 1, err: expect.stringContaining('already committed') })
    await writeKeyFile(join(root, 'stranger.pem'), KeyPair.generate())
    expect(await saksi('bid', join(root, 'bid.json'), '--key', join(root, 'stranger.pem'), ...other)).toMatchObject({ code: 2, err: expect.stringContaining('is not a key of supplier mebel-jaya') })

    const size = async () => ((await (await fetch(`${url}/v1/log/checkpoint`)).text()).split('\n')[1])
    const before = await size()
    const early = await saksi('reveal', '--key', key, '--sealed', sealed)
    expect(early).toMatchObject({ code: 1, err: expect.stringContaining('Nothing was sent') })
    expect(await size()).toBe(before)
    const view = (await (await fetch(`${url}/v1/procurement/processes/${P}`)).json()) as { bids: { commitment: string; revealed?: unknown }[] }
    expect(view.bids).toEqual([expect.objectContaining({ commitment: file.commitment })])
    expect(view.bids[0]!.revealed).toBeUndefined()

    await writeFile(join(root, 'altered.json'), JSON.stringify({ ...JSON.parse(await readFile(sealed, 'utf8')), salt: 'f'.repeat(64) }))
    expect(await saksi('reveal', '--key', key, '--sealed', join(root, 'altered.json'))).toMatchObject({ code: 2, err: expect.stringContaining('was altered') })

    // The CLI waits 2 s past the deadline on the node's clock, which the Date header gives to the second.
    while (Date.now() < Date.parse(bidDeadline) + 3500) await new Promise((r) => setTimeout(r, 100))
    const revealed = await saksi('reveal', '--key', key, '--sealed', sealed)
    expect(revealed.code, revealed.err).toBe(0)
    expect(JSON.parse(revealed.out)).toMatchObject({ status: 'ok', events: [expect.objectContaining({ type: 'procurement.BidRevealed', data: expect.objectContaining({ total: 230_000_000 }) })] })
    expect(await saksi('reveal', '--key', key, '--sealed', sealed)).toMatchObject({ code: 1, err: expect.stringContaining('already revealed') })
    const cancelled = await saksi('reveal', '--key', key, '--sealed', join(root, 'cancelled.json'))
    expect(cancelled).toMatchObject({ code: 1, err: expect.stringContaining('stage cancelled') })
    const trail = (await (await fetch(`${url}/v1/procurement/processes/pertamanan.lampu-2026`)).json()) as { bids: { revealed?: unknown }[] }
    expect(trail.bids[0]!.revealed).toBeUndefined()
  }, 60_000)
})
