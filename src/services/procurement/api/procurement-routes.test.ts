import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { renderSVG } from 'uqr'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JsonObject } from '../../../../packages/saksi/src/core/encoding/json.js'
import type { KeyPair } from '../../../../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../../../../packages/saksi/src/core/tx/sign-tx.js'
import { bidCommitment } from '../contract/bid-commitment.js'
import { parkBenchBid, parkBenchCriteria, parkBenchPlan } from '../contract/park-bench-example.js'
import { DEPOT, people, procurementGenesis } from '../contract/testing/procurement-fixture.js'
import { KeyPair as Keys } from '../../../../packages/saksi/src/core/keys/key-pair.js'
import { createGenesis } from '../../../node/genesis.js'
import type { LedgerNode } from '../../../node/ledger-node.js'
import { openNode } from '../../../node/open-node.js'
import { MemoryLedgerStore } from '../../../store/memory/memory-ledger-store.js'
import { buildApi } from '../../../api/build-api.js'
import { ocdsValidators } from '../views/ocds/testing/ocds-schema-validator.js'
import { expectError } from '../../../api/testing/api-harness.js'
import { SERVICES, serviceContracts } from '../../registry.js'
import { sharedTestdata } from '../../../../test/support/shared-testdata.js'

const P = 'pertamanan.bangku-2026'
const validate = ocdsValidators(sharedTestdata('ocds-1.1.5') + '/')
let node: LedgerNode
let app: FastifyInstance
let earlyReveal: { details: Record<string, unknown> } | undefined
let earlyRevealLogged = true

async function exec(key: KeyPair, method: string, args: JsonObject, contract = 'procurement') {
  const { txId } = await node.submit(JSON.stringify(signTx({ network: 'kota-contoh', contract, method, args }, key).envelope))
  const r = await node.waitForReceipt(txId, 10_000)
  expect(r, `${method}: ${r?.code}`).toMatchObject({ status: 'ok' })
  return r!
}
const until = async (iso: string) => {
  while (Date.now() <= Date.parse(iso) + 20) await new Promise((r) => setTimeout(r, 25))
}
const get = (url: string) => app.inject({ method: 'GET', url, headers: { host: 'saksi.example:8080' } })

// One process taken from plan to a paid delivery over a real node (deadlines a second apart).
beforeAll(async () => {
  const nodeKey = Keys.generate()
  const genesis = createGenesis({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did, organisations: procurementGenesis().organisations as never })
  node = await openNode({ contracts: serviceContracts(), store: new MemoryLedgerStore(), key: nodeKey, genesis, signatureWorkers: 0, maxBlockDelayMs: 1 })
  app = buildApi(node, { services: SERVICES })
  // Keys the directory does not know may only register (the admission limits): businesses first.
  for (const [key, name] of [[people.mebel, 'CV Mebel Jaya'], [people.karya, 'PT Karya Taman'], [people.carrier, 'Kurir']] as const) await exec(key, 'register', { name }, 'identity')
  await exec(people.mebel, 'registerSupplier', { supplier: 'mebel-jaya', name: 'CV Mebel Jaya', nib: '9120001234567' })
  await exec(people.karya, 'registerSupplier', { supplier: 'karya-taman', name: 'PT Karya Taman', nib: '8120007654321' })
  await exec(people.officer, 'createPlan', parkBenchPlan(P))
  const bidDeadline = new Date(Date.now() + 3000).toISOString()
  const revealDeadline = new Date(Date.now() + 6000).toISOString()
  await exec(people.officer, 'publishTender', { process: P, title: 'Tender bangku', description: 'Tender terbuka', bidDeadline, revealDeadline, criteria: parkBenchCriteria })
  const sealed = [
    { key: people.mebel, supplier: 'mebel-jaya', bid: parkBenchBid(4_200_000, 1_000_000, 30, 60), salt: randomBytes(32).toString('hex') },
    { key: people.karya, supplier: 'karya-taman', bid: parkBenchBid(4_400_000, 1_100_000, 45, 50), salt: randomBytes(32).toString('hex') },
  ]
  for (const s of sealed) await exec(s.key, 'commitBid', { process: P, supplier: s.supplier, commitment: bidCommitment({ process: P, supplier: s.supplier, bid: s.bid, salt: s.salt }) })
  // Issue 12, finding 2: a reveal while bidding is open is refused at the door (409), its prices never logged.
  const size = node.size()
  const early = signTx({ network: 'kota-contoh', contract: 'procurement', method: 'revealBid', args: { process: P, supplier: 'mebel-jaya', bid: sealed[0]!.bid as unknown as JsonObject, salt: sealed[0]!.salt } }, people.mebel).envelope
  earlyReveal = expectError(await app.inject({ method: 'POST', url: '/v1/tx', payload: early }), 409, 'PROCUREMENT_TENDER_OPEN')
  earlyRevealLogged = node.size() !== size
  await until(bidDeadline)
  for (const s of sealed) await exec(s.key, 'revealBid', { process: P, supplier: s.supplier, bid: s.bid as unknown as JsonObject, salt: s.salt })
  await until(revealDeadline)
  await exec(people.officer, 'award', { process: P })
  await exec(people.officer, 'issueContract', { process: P, milestones: [{ id: 'tahap-1', title: 'Tahap 1', dueDate: '2099-12-15', lines: [{ item: 'bangku', quantity: 50 }, { item: 'tempat-sampah', quantity: 20 }] }] })
  await exec(people.mebel, 'acceptContract', { process: P })
  await exec(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'tahap-1', lines: [{ item: 'bangku', quantity: 50 }], carrier: people.carrier.did, lat: -6.2, lon: 106.8, place: 'Gudang <b>Jepara</b>' })
  await exec(people.carrier, 'updateLocation', { process: P, shipment: 's1', lat: -6.5, lon: 107.1, place: 'Tol Cipularang' })
  await exec(people.carrier, 'arrive', { process: P, shipment: 's1', ...DEPOT })
  await exec(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 48 }], rejected: [{ item: 'bangku', quantity: 2, reason: 'Retak' }], note: 'Diperiksa' })
  await exec(people.gateway, 'confirmPayment', { process: P, payment: 's1/1', reference: 'BANK-1' })
}, 30_000)
afterAll(async () => {
  await app.close()
  await node.close()
})

describe('procurement routes', () => {
  describe('when a supplier reveals its bid before the bid deadline', () => {
    it('is refused with 409 PROCUREMENT_TENDER_OPEN at admission and never logged', () => {
      expect(earlyReveal?.details).toEqual({ sealed: true })
      expect(earlyRevealLogged).toBe(false)
    })
  })

  it('are documented in /openapi.json', async () => {
    const doc = JSON.parse((await get('/openapi.json')).body) as { paths: Record<string, unknown> }
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/v1/procurement'))
    expect(paths.sort()).toEqual([
      '/v1/procurement/ocds/records/{ocid}',
      '/v1/procurement/ocds/releases',
      '/v1/procurement/processes',
      '/v1/procurement/processes/{process}',
      '/v1/procurement/processes/{process}/consistency',
      '/v1/procurement/processes/{process}/history',
      '/v1/procurement/processes/{process}/shipments/{shipment}',
      '/v1/procurement/processes/{process}/shipments/{shipment}/qr.svg',
      '/v1/procurement/processes/{process}/shipments/{shipment}/trail',
      '/v1/procurement/processes/{process}/trail',
      '/v1/procurement/suppliers',
      '/v1/procurement/suppliers/{supplier}',
    ])
  })

  describe('when the public reads a process', () => {
    it('lists processes and shows a process, its history and its consistency report', async () => {
      expect(JSON.parse((await get('/v1/procurement/processes')).body)).toEqual([expect.objectContaining({ id: P, stage: 'contracted', supplier: 'mebel-jaya', value: 230_000_000 })])
      const view = JSON.parse((await get(`/v1/procurement/processes/${P}`)).body)
      expect(view.process.award).toMatchObject({ supplier: 'mebel-jaya' })
      expect(view.payments).toEqual([expect.objectContaining({ id: 's1/1', status: 'paid', amount: 201_600_000 })])
      const history = JSON.parse((await get(`/v1/procurement/processes/${P}/history`)).body) as { step: string; txId: string }[]
      expect(history[0]).toMatchObject({ step: 'plan', txId: expect.stringMatching(/^[0-9a-f]{64}$/) })
      expect(JSON.parse((await get(`/v1/procurement/processes/${P}/consistency`)).body)).toMatchObject({ ok: true })
      expect(JSON.parse((await get('/v1/procurement/suppliers/mebel-jaya')).body)).toMatchObject({ name: 'CV Mebel Jaya', keys: [people.mebel.did] })
    })

    it('answers 404 for an unknown process or shipment and 400 for a malformed id', async () => {
      expectError(await get('/v1/procurement/processes/pertamanan.nothing'), 404, 'NOT_FOUND')
      expectError(await get(`/v1/procurement/processes/${P}/shipments/s9`), 404, 'NOT_FOUND')
      expectError(await get(`/v1/procurement/processes/${P}/shipments/s9/qr.svg`), 404, 'NOT_FOUND')
      expectError(await get('/v1/procurement/processes/NOT%20AN%20ID'), 400)
      expectError(await get('/v1/procurement/processes?x=1'), 400)
      expectError(await get('/v1/procurement/ocds/releases?limit=201'), 400, 'PARAM_INVALID')
      expect((await get('/v1/procurement/ocds/releases?limit=200')).statusCode).toBe(200)
    })
  })

  describe('when a citizen opens the process page', () => {
    it('shows the plan, the award with its reasons, the order, the shipments linked to their trails and every step, escaped', async () => {
      const page = await get(`/v1/procurement/processes/${P}/trail`)
      expect(page.statusCode).toBe(200)
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(page.headers['content-security-policy']).toContain("default-src 'none'")
      expect(page.body).toContain('Kontrak berjalan (under contract)')
      expect(page.body).toContain('<strong>CV Mebel Jaya</strong>, Rp 230.000.000')
      expect(page.body).toContain('Skor tertinggi')
      expect(page.body).toContain(`<a href="/v1/procurement/processes/${P}/shipments/s1/trail">s1</a>`)
      expect(page.body).toContain('Gudang &lt;b&gt;Jepara&lt;/b&gt;')
      expect(page.body).not.toContain('<b>Jepara')
      expect(page.body).toContain('pengiriman s1: diterima 48 bangku; ditolak 2 bangku; Rp 201.600.000 dilepas')
      expectError(await get('/v1/procurement/processes/pertamanan.nothing/trail'), 404, 'NOT_FOUND')
    })
  })

  describe("when someone scans a shipment's QR code", () => {
    it('gives a QR code of the trail page, and a page with every signed movement, escaped', async () => {
      const qr = await get(`/v1/procurement/processes/${P}/shipments/s1/qr.svg`)
      expect(qr.headers['content-type']).toBe('image/svg+xml')
      // Drawn from the client's Host header: not for shared caches, and only a real host name.
      expect(qr.headers).toMatchObject({ 'cache-control': 'private, max-age=300', vary: 'host' })
      expectError(await app.inject({ url: `/v1/procurement/processes/${P}/shipments/s1/qr.svg`, headers: { host: 'a"b<c' } }), 400, 'PARAM_INVALID')
      expect(qr.body).toBe(renderSVG(`http://saksi.example:8080/v1/procurement/processes/${P}/shipments/s1/trail`, { ecc: 'M', border: 2 }))
      const page = await get(`/v1/procurement/processes/${P}/shipments/s1/trail`)
      expect(page.statusCode).toBe(200)
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(page.headers['content-security-policy']).toContain("default-src 'none'")
      expect(page.body).toContain('Gudang &lt;b&gt;Jepara&lt;/b&gt;')
      expect(page.body).not.toContain('<b>Jepara')
      expect(page.body).toContain('Tol Cipularang')
      expect(page.body).toContain(`<a href="/v1/procurement/processes/${P}/trail">`)
      // Items by their description, times in Western Indonesia Time, the milestone by its title.
      expect(page.body).toContain('50 unit Bangku taman 150 cm')
      expect(page.body).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB/)
      expect(page.body).toContain('Tahap (milestone): Tahap 1, batas waktu (due) 2099-12-15')
      expect(page.body).toContain('Diperiksa (inspected)')
      expect(page.body).toContain('Rp 201.600.000')
      // With the node's public URL configured, the Host header a client sends does not matter.
      const pub = buildApi(node, { services: SERVICES, publicUrl: 'https://saksi.kota-contoh.go.id' })
      const forged = await pub.inject({ url: `/v1/procurement/processes/${P}/shipments/s1/qr.svg`, headers: { host: 'evil.example' } })
      expect(forged.body).toBe(renderSVG(`https://saksi.kota-contoh.go.id/v1/procurement/processes/${P}/shipments/s1/trail`, { ecc: 'M', border: 2 }))
      expect(forged.headers['cache-control']).toBe('public, max-age=86400')
      await pub.close()
      const trail = JSON.parse((await get(`/v1/procurement/processes/${P}/shipments/s1`)).body)
      expect(trail.updates.map((u: { kind: string; by: string }) => [u.kind, u.by])).toEqual([['dispatch', people.mebel.did], ['location', people.carrier.did], ['arrival', people.carrier.did]])
    })
  })

  describe('when an OCDS consumer reads the export', () => {
    it('gives a release package and a record package valid against the official schemas', async () => {
      const res = await get('/v1/procurement/ocds/releases')
      const pkg = JSON.parse(res.body)
      expect(validate.releasePackage(pkg), JSON.stringify(validate.releasePackage.errors)).toBe(true)
      expect(pkg).toMatchObject({ uri: 'http://saksi.example:8080/v1/procurement/ocds/releases', version: '1.1', publisher: { name: 'Saksi kota-contoh' } })
      expect(pkg.releases.map((r: { tag: string[] }) => r.tag[0])).toEqual(['planning', 'tender', 'award', 'contract', 'contractUpdate', 'implementation', 'implementation'])
      expect(pkg.releases[2].parties.find((x: { id: string }) => x.id === 'supplier-mebel-jaya')).toMatchObject({ name: 'CV Mebel Jaya', roles: ['tenderer', 'supplier', 'payee'] })
      expect(pkg.releases[0].buyer).toEqual({ id: 'org-pertamanan', name: 'Dinas Pertamanan Kota Contoh' })
      const one = JSON.parse((await get(`/v1/procurement/ocds/releases?process=${P}`)).body)
      expect(one.releases).toHaveLength(7)
      const record = JSON.parse((await get(`/v1/procurement/ocds/records/ocds-saksi-${P}`)).body)
      expect(validate.recordPackage(record), JSON.stringify(validate.recordPackage.errors)).toBe(true)
      expect(record.records[0].compiledRelease.contracts[0].implementation.transactions).toEqual([expect.objectContaining({ id: 's1/1', value: { amount: 201_600_000, currency: 'IDR' } })])
      expectError(await get(`/v1/procurement/ocds/records/ocds-other-${P}`), 404, 'NOT_FOUND')
      expectError(await get('/v1/procurement/ocds/releases?process=pertamanan.nothing'), 404, 'NOT_FOUND')
    })

    it('pages through processes with a Link header', async () => {
      await exec(people.officer, 'createPlan', parkBenchPlan('pertamanan.lampu-2026'))
      const first = await get('/v1/procurement/ocds/releases?limit=1')
      expect(new Set(JSON.parse(first.body).releases.map((r: { ocid: string }) => r.ocid))).toEqual(new Set([`ocds-saksi-${P}`]))
      expect(first.headers.link).toBe(`<http://saksi.example:8080/v1/procurement/ocds/releases?after=${P}&limit=1>; rel="next"`)
      const processes = await get('/v1/procurement/processes?limit=1')
      expect(JSON.parse(processes.body).map((p: { id: string }) => p.id)).toEqual([P])
      expect(processes.headers.link).toBe(`<http://saksi.example:8080/v1/procurement/processes?after=${P}&limit=1>; rel="next"`)
      expect(JSON.parse((await get(`/v1/procurement/processes?after=${P}`)).body).map((p: { id: string }) => p.id)).toEqual(['pertamanan.lampu-2026'])
      expectError(await get('/v1/procurement/processes?limit=1001'), 400, 'PARAM_INVALID')
      const second = await get(`/v1/procurement/ocds/releases?after=${P}&limit=1`)
      expect(JSON.parse(second.body).releases.map((r: { ocid: string }) => r.ocid)).toEqual(['ocds-saksi-pertamanan.lampu-2026'])
      expect(second.headers.link).toBeUndefined()
    })
  })
})
