import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parkBenchBid, parkBenchPlan } from '../../contract/park-bench-example.js'
import { BID_DEADLINE, DEPOT, P, REVEAL_DEADLINE, awardedLedger, contractedLedger, people, procurementLedger, type ProcurementLedger } from '../../contract/testing/procurement-fixture.js'
import { recordPackage, releasePackage } from './ocds-packages.js'
import { compiledRelease, processReleases, type OcdsRelease } from './ocds-releases.js'
import type { ProcessView } from '../process-view.js'
import { ocdsValidators } from './testing/ocds-schema-validator.js'
import { sharedTestdata } from '../../../../../test/support/shared-testdata.js'

const OCDS = sharedTestdata('ocds-1.1.5') + '/'
const validate = ocdsValidators(OCDS)
const names = { organisation: (id: string) => `Org ${id}`, supplier: (id: string) => `Supplier ${id}` }
const PUBLISHER = { name: 'Saksi kota-contoh' }

/** The codes of an OCDS codelist (first CSV column). */
function codelist(name: string): string[] {
  return readFileSync(join(OCDS, 'codelists', `${name}.csv`), 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[0]!)
}

/** A process delivered in two shipments (one partial), paid twice. */
function delivered(): ProcurementLedger {
  const l = contractedLedger()
  const ship = (shipment: string, milestone: string, quantity: number) => l.ok(people.mebel, 'dispatch', { process: P, shipment, milestone, lines: [{ item: 'bangku', quantity }], ...DEPOT })
  ship('s1', 'tahap-2', 20)
  l.ok(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 15 }], rejected: [{ item: 'bangku', quantity: 5, reason: 'Retak' }], note: 'Sebagian' })
  l.ok(people.gateway, 'confirmPayment', { process: P, payment: 's1/1', reference: 'BANK-1' })
  ship('s2', 'tahap-2', 5)
  l.ok(people.inspector, 'inspect', { process: P, shipment: 's2', accepted: [{ item: 'bangku', quantity: 5 }], note: 'Lengkap' })
  l.ok(people.gateway, 'confirmPayment', { process: P, payment: 's2/1', reference: 'BANK-2' })
  return l
}

/** The parts of a compiled release the tests read. */
interface Compiled {
  planning: { budget: { amount: unknown } }
  tender: Record<string, unknown> & { tenderers: { id: string }[] }
  awards: { id: string }[]
  contracts: { milestones: { id: string; type: string; status: string }[]; implementation?: { transactions: unknown[] } }[]
}

const viewOf = (l: ProcurementLedger) => l.q('process', { process: P }) as ProcessView

describe('OCDS export', () => {
  describe('when a delivered process is exported', () => {
    const view = viewOf(delivered())
    const releases = processReleases('ocds-saksi', view, names)

    it('gives releases valid against the official OCDS 1.1.5 schemas, in date order, with unique ids', () => {
      for (const r of releases) expect(validate.release(r), JSON.stringify(validate.release.errors)).toBe(true)
      const pkg = releasePackage('https://saksi.example/v1/procurement/ocds/releases', PUBLISHER, releases, '2026-01-01T00:00:00.000Z')
      expect(validate.releasePackage(pkg), JSON.stringify(validate.releasePackage.errors)).toBe(true)
      const record = recordPackage('https://saksi.example/v1/procurement/ocds/records/ocds-saksi-x', PUBLISHER, [{ ocid: `ocds-saksi-${P}`, releases, compiledRelease: compiledRelease('ocds-saksi', view, names) }], '2026-01-01T00:00:00.000Z')
      expect(validate.recordPackage(record), JSON.stringify(validate.recordPackage.errors)).toBe(true)
      expect(releases.map((r) => r.date)).toEqual([...releases.map((r) => r.date)].sort())
      expect(new Set(releases.map((r) => r.id)).size).toBe(releases.length)
      expect(releases.map((r) => r.tag.join('+'))).toEqual(['planning', 'tender', 'award+tenderUpdate', 'contract', 'contractUpdate', 'implementation', 'implementation', 'implementation', 'implementation'])
    })

    it('uses the codelists and carries planning, tenderers, the award, milestones of both types and the payments', () => {
      const release = compiledRelease('ocds-saksi', view, names)
      const compiled = release as unknown as Compiled
      expect(validate.release(compiled), JSON.stringify(validate.release.errors)).toBe(true)
      expect(compiled.planning.budget.amount).toEqual({ amount: 260_000_000, currency: 'IDR' })
      expect(compiled.tender).toMatchObject({ status: 'complete', numberOfTenderers: 2, awardCriteria: 'ratedCriteria', procurementMethod: 'open', submissionMethod: ['electronicSubmission'] })
      expect(compiled.tender.tenderers.map((t: { id: string }) => t.id)).toEqual(['supplier-karya-taman', 'supplier-mebel-jaya'])
      expect(compiled.awards[0]).toMatchObject({ status: 'active', value: { amount: 230_000_000, currency: 'IDR' }, suppliers: [{ id: 'supplier-mebel-jaya' }] })
      const contract = compiled.contracts[0]!
      expect(contract).toMatchObject({ status: 'active', value: { amount: 230_000_000 }, awardID: compiled.awards[0]!.id })
      expect(contract.milestones.map((m: { id: string; type: string; status: string }) => [m.id, m.type, m.status])).toEqual([
        ['tahap-1-delivery', 'delivery', 'scheduled'],
        ['tahap-1-payment', 'payment', 'scheduled'],
        ['tahap-2-delivery', 'delivery', 'met'],
        ['tahap-2-payment', 'payment', 'met'],
      ])
      expect(contract.implementation!.transactions).toEqual([
        expect.objectContaining({ id: 's1/1', value: { amount: 63_000_000, currency: 'IDR' }, payer: { id: 'org-pertamanan', name: 'Org pertamanan' }, payee: { id: 'supplier-mebel-jaya', name: 'Supplier mebel-jaya' } }),
        expect.objectContaining({ id: 's2/1', value: { amount: 21_000_000, currency: 'IDR' } }),
      ])
      const codes = {
        tag: codelist('releaseTag'),
        milestoneType: codelist('milestoneType'),
        milestoneStatus: codelist('milestoneStatus'),
        partyRole: codelist('partyRole'),
        awardCriteria: codelist('awardCriteria'),
        tenderStatus: codelist('tenderStatus'),
        contractStatus: codelist('contractStatus'),
        method: codelist('method'),
        scheme: codelist('itemClassificationScheme'),
      }
      for (const r of [...releases, release]) {
        for (const t of r.tag) expect(codes.tag).toContain(t)
        for (const party of (r.parties ?? []) as { roles: string[] }[]) for (const role of party.roles) expect(codes.partyRole).toContain(role)
        const tender = r.tender as { status?: string; awardCriteria?: string; procurementMethod?: string; items?: { classification?: { scheme: string } }[] } | undefined
        if (tender?.status) expect(codes.tenderStatus).toContain(tender.status)
        if (tender?.awardCriteria) expect(codes.awardCriteria).toContain(tender.awardCriteria)
        if (tender?.procurementMethod) expect(codes.method).toContain(tender.procurementMethod)
        for (const i of tender?.items ?? []) if (i.classification) expect(codes.scheme).toContain(i.classification.scheme)
        for (const c of (r.contracts ?? []) as { status?: string; milestones: { type: string; status: string }[] }[]) {
          if (c.status !== undefined) expect(codes.contractStatus).toContain(c.status)
          for (const m of c.milestones) {
            expect(codes.milestoneType).toContain(m.type)
            expect(codes.milestoneStatus).toContain(m.status)
          }
        }
      }
    })

    it('keeps a release as it was at its date: the first inspection shows the milestone partly met and nothing paid', () => {
      const first = releases.find((r) => r.id.endsWith('-inspection-s1')) as unknown as Pick<Compiled, 'contracts'>
      expect(first.contracts[0]!.milestones).toEqual([expect.objectContaining({ id: 'tahap-2-delivery', status: 'partiallyMet' })])
      expect(first.contracts[0]!.implementation).toBeUndefined()
    })
  })

  describe('when a ruling corrects an inspection', () => {
    it('leaves every published release as it was and adds a release for the ruling', () => {
      const l = contractedLedger()
      l.ok(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'tahap-2', lines: [{ item: 'bangku', quantity: 20 }], ...DEPOT })
      l.ok(people.inspector, 'openDispute', { process: P, milestone: 'tahap-2', reason: 'Kayu diragukan' })
      l.ok(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 20 }], note: 'Diterima sementara' })
      const before = processReleases('ocds-saksi', viewOf(l), names)
      l.ok(people.arbiter, 'resolveDispute', { process: P, dispute: 'd1', reason: 'Lima bangku cacat', adjustments: [{ shipment: 's1', accepted: [{ item: 'bangku', quantity: 15 }] }] })
      const after = processReleases('ocds-saksi', viewOf(l), names)
      for (const r of before) expect(after.find((x) => x.id === r.id), r.id).toEqual(r)
      const milestoneOf = (r: OcdsRelease | undefined) => (r as unknown as Pick<Compiled, 'contracts'>).contracts[0]!.milestones[0]
      expect(milestoneOf(after.find((r) => r.id.endsWith('-inspection-s1')))).toMatchObject({ id: 'tahap-2-delivery', status: 'met' })
      expect(milestoneOf(after.find((r) => r.id.endsWith('-ruling-d1')))).toMatchObject({ id: 'tahap-2-delivery', status: 'partiallyMet' })
      for (const r of after) expect(validate.release(r), JSON.stringify(validate.release.errors)).toBe(true)
    })
  })

  describe('when a process goes on after a release', () => {
    it('keeps the planning release when the tender is published under another title, and earlier releases when the order names a receiving agency', () => {
      const l = procurementLedger()
      l.ok(people.officer, 'createPlan', parkBenchPlan('pertamanan.lampu-2026'))
      const id = 'pertamanan.lampu-2026'
      const at = (x: ProcurementLedger) => processReleases('ocds-saksi', x.q('process', { process: id }) as ProcessView, names)
      const planned = at(l)
      l.ok(people.officer, 'publishTender', { process: id, title: 'Tender lampu taman', description: 'Terbuka', bidDeadline: BID_DEADLINE, revealDeadline: REVEAL_DEADLINE, criteria: { method: 'priceOnly', maxDeliveryDays: 60, minLocalContent: 0 } })
      expect(at(l)[0]).toEqual(planned[0])
      expect(at(l)[1]!.tender).toMatchObject({ title: 'Tender lampu taman' })

      const c = awardedLedger()
      const awarded = processReleases('ocds-saksi', viewOf(c), names)
      c.ok(people.officer, 'issueContract', { process: P, receivingOrg: 'dinas-pu', milestones: [{ id: 'm', title: 'Semua', dueDate: '2026-12-31', lines: [{ item: 'bangku', quantity: 50 }, { item: 'tempat-sampah', quantity: 20 }] }] })
      const contracted = processReleases('ocds-saksi', viewOf(c), names)
      for (const r of awarded) expect(contracted.find((x) => x.id === r.id)).toEqual(r)
      expect(contracted.find((r) => r.tag[0] === 'contract')!.parties).toContainEqual(expect.objectContaining({ id: 'org-dinas-pu', roles: ['interestedParty'] }))
    })

    it('tells apart inspections of one block by their log index', () => {
      const l = contractedLedger()
      for (const s of ['s1', 's2']) l.ok(people.mebel, 'dispatch', { process: P, shipment: s, milestone: 'tahap-2', lines: [{ item: 'bangku', quantity: 10 }], ...DEPOT })
      l.run(['s1', 's2'].map((s) => ({ signer: people.inspector, contract: 'procurement', method: 'inspect', args: { process: P, shipment: s, accepted: [{ item: 'bangku', quantity: 10 }], note: 'OK' } })))
      const releases = processReleases('ocds-saksi', viewOf(l), names)
      const status = (suffix: string) => (releases.find((r) => r.id.endsWith(suffix)) as unknown as Pick<Compiled, 'contracts'>).contracts[0]!.milestones[0]!.status
      expect(releases.find((r) => r.id.endsWith('-inspection-s1'))!.date).toBe(releases.find((r) => r.id.endsWith('-inspection-s2'))!.date)
      expect([status('-inspection-s1'), status('-inspection-s2')]).toEqual(['partiallyMet', 'met'])
    })
  })

  describe('when a process ends', () => {
    it('publishes a cancelled tender and a fulfilled, closed contract with their own releases', () => {
      const cancelled = procurementLedger()
      cancelled.ok(people.officer, 'cancelTender', { process: P, reason: 'Anggaran dialihkan' })
      const c = processReleases('ocds-saksi', viewOf(cancelled), names)
      expect(c.map((r) => r.tag[0])).toEqual(['planning', 'tender', 'tenderCancellation'])
      expect(compiledRelease('ocds-saksi', viewOf(cancelled), names).tender).toMatchObject({ status: 'cancelled' })

      const l = delivered()
      l.ok(people.mebel, 'dispatch', { process: P, shipment: 's3', milestone: 'tahap-1', lines: [{ item: 'bangku', quantity: 30 }, { item: 'tempat-sampah', quantity: 20 }], ...DEPOT })
      l.ok(people.inspector, 'inspect', { process: P, shipment: 's3', accepted: [{ item: 'bangku', quantity: 30 }, { item: 'tempat-sampah', quantity: 20 }], note: 'OK' })
      l.ok(people.gateway, 'confirmPayment', { process: P, payment: 's3/1', reference: 'BANK-3' })
      l.ok(people.officer, 'closeContract', { process: P, note: 'BAST-01' })
      const closed = processReleases('ocds-saksi', viewOf(l), names)
      expect(closed.at(-1)).toMatchObject({ tag: ['contractTermination'], contracts: [{ status: 'terminated' }] })
      const compiled = compiledRelease('ocds-saksi', viewOf(l), names) as unknown as Compiled & { contracts: { status: string }[] }
      expect(compiled.contracts[0]!.status).toBe('terminated')
      expect(compiled.contracts[0]!.milestones.every((m) => m.status === 'met')).toBe(true)
      for (const r of [...c, ...closed, compiledRelease('ocds-saksi', viewOf(cancelled), names), compiledRelease('ocds-saksi', viewOf(l), names)]) {
        expect(validate.release(r), JSON.stringify(validate.release.errors)).toBe(true)
      }
    })
  })

  describe('when a process is only planned or its tender failed', () => {
    it('still exports valid releases', () => {
      const l = procurementLedger()
      l.ok(people.officer, 'createPlan', parkBenchPlan('pertamanan.lampu-2026'))
      const planned = l.q('process', { process: 'pertamanan.lampu-2026' }) as ProcessView
      expect(processReleases('ocds-saksi', planned, names).map((r) => r.tag[0])).toEqual(['planning'])
      const bid = l.commit(people.mebel, 'mebel-jaya', parkBenchBid(9_000_000, 1_000_000, 30, 60))
      l.jumpTo(BID_DEADLINE)
      l.reveal(people.mebel, bid)
      l.jumpTo(REVEAL_DEADLINE)
      l.ok(people.officer, 'award', { process: P })
      const failed = viewOf(l)
      const releases = processReleases('ocds-saksi', failed, names)
      expect(releases.map((r) => r.tag.join('+'))).toEqual(['planning', 'tender', 'tenderUpdate'])
      const compiled = compiledRelease('ocds-saksi', failed, names)
      expect(compiled.tender).toMatchObject({ status: 'unsuccessful', numberOfTenderers: 1 })
      for (const r of [...releases, compiled, compiledRelease('ocds-saksi', planned, names)]) expect(validate.release(r), JSON.stringify(validate.release.errors)).toBe(true)
    })

    it('is checked by a validator that does refuse what breaks the schema', () => {
      const [planning] = processReleases('ocds-saksi', viewOf(procurementLedger()), names)
      expect(validate.release({ ...planning, ocid: undefined })).toBe(false)
      expect(validate.release({ ...planning, tag: ['shipped'] })).toBe(false)
      expect(validate.release({ ...planning, date: 'yesterday' })).toBe(false)
    })
  })
})
