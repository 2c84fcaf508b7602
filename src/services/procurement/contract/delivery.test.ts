import { describe, expect, it } from 'vitest'
import type { ConsistencyReport } from './consistency.js'
import type { Milestone, Payment, Process } from './records.js'
import { DEPOT, P, contractedLedger, people, type ProcurementLedger } from './testing/procurement-fixture.js'

const WORKSHOP = { lat: -6.2, lon: 106.816666, place: 'Bengkel Mebel Jaya, Jepara' }
const order = (l: ProcurementLedger) => (l.q('process', { process: P }) as { process: Process }).process.order!
const milestone = (l: ProcurementLedger, id: string) => order(l).milestones.find((m) => m.id === id) as Milestone
const payment = (l: ProcurementLedger, id: string) => l.q('instruction', { process: P, payment: id }) as Payment

/** Dispatches `lines` for a milestone, carried by the test carrier. */
function ship(l: ProcurementLedger, shipment: string, milestoneId: string, lines: { item: string; quantity: number }[]) {
  return l.ok(people.mebel, 'dispatch', { process: P, shipment, milestone: milestoneId, lines, carrier: people.carrier.did, ...WORKSHOP })
}

describe('procurement delivery and payment', () => {
  describe('when the supplier ships and the inspector receives', () => {
    it('tracks every movement, releases the proportional payment for a partial delivery and the rest less a late penalty', () => {
      const l = contractedLedger()
      expect(order(l)).toMatchObject({ supplier: 'mebel-jaya', value: 230_000_000, status: 'active', receivingOrg: 'pertamanan' })
      ship(l, 's1', 'tahap-1', [{ item: 'bangku', quantity: 30 }, { item: 'tempat-sampah', quantity: 20 }])
      l.ok(people.carrier, 'updateLocation', { process: P, shipment: 's1', lat: -6.5, lon: 107.1, place: 'Tol Cipularang KM 90' })
      expect(l.p(people.stranger, 'updateLocation', { process: P, shipment: 's1', lat: -6.5, lon: 107.1, place: 'Palsu' })).toMatchObject({ status: 'failed', code: 'ACCESS_DENIED' })
      l.ok(people.carrier, 'arrive', { process: P, shipment: 's1', ...DEPOT })
      const trail = l.q('shipment', { process: P, shipment: 's1' }) as { shipment: { status: string }; updates: { kind: string; by: string; place: string }[] }
      expect(trail.shipment.status).toBe('arrived')
      expect(trail.updates.map((u) => [u.kind, u.by])).toEqual([['dispatch', people.mebel.did], ['location', people.carrier.did], ['arrival', people.carrier.did]])

      const accepted = [{ item: 'bangku', quantity: 25 }, { item: 'tempat-sampah', quantity: 20 }]
      const inspection = { process: P, shipment: 's1', accepted, rejected: [{ item: 'bangku', quantity: 5, reason: 'Cat mengelupas (paint peeling)' }], note: 'Diperiksa di gudang' }
      expect(l.p(people.otherInspector, 'inspect', inspection)).toMatchObject({ status: 'failed', code: 'ACCESS_DENIED' })
      expect(l.p(people.officer, 'inspect', inspection)).toMatchObject({ status: 'failed', code: 'ACCESS_DENIED' })
      const r = l.ok(people.inspector, 'inspect', inspection)
      // 25 benches at 4.2M and 20 bins at 1.0M, on time: 125M Rupiah.
      expect(r.events.find((e) => e.type === 'procurement.PaymentRequested')!.data).toEqual({
        contract: 'procurement',
        process: P,
        instruction: 's1/1',
        amount: 125_000_000,
        currency: 'IDR',
        payee: 'supplier/mebel-jaya',
        idempotencyKey: `procurement/${P}/s1/1`,
        attempt: 1,
        settle: { process: P, payment: 's1/1' },
      })
      expect(milestone(l, 'tahap-1')).toMatchObject({ status: 'partiallyMet', accepted: { bangku: 25, 'tempat-sampah': 20 }, pending: {} })

      // Five benches remain to be delivered; the supplier sends six (one spare).
      ship(l, 's2', 'tahap-1', [{ item: 'bangku', quantity: 6 }])
      // Due on 2026-12-15 (WIB); the arrival is recorded on 17 December at 12:00 WIB: two days late,
      // whatever earlier time the carrier reports.
      l.jumpTo('2026-12-17T05:00:00.000Z')
      l.ok(people.carrier, 'arrive', { process: P, shipment: 's2', ...DEPOT, at: '2026-12-16T06:00:00.000Z' })
      const six = { process: P, shipment: 's2', accepted: [{ item: 'bangku', quantity: 6 }], note: 'Pengganti' }
      expect(l.p(people.inspector, 'inspect', six)).toMatchObject({ status: 'failed', code: 'PROCUREMENT_OVER_CONTRACT_VALUE' })
      l.ok(people.inspector, 'inspect', { ...six, accepted: [{ item: 'bangku', quantity: 5 }], rejected: [{ item: 'bangku', quantity: 1, reason: 'Cadangan, tidak dipesan (a spare, not ordered)' }] })
      // 5 × 4.2M = 21M; 1‰ per day for 2 days: 42,000.
      expect(payment(l, 's2/1')).toMatchObject({ gross: 21_000_000, penalty: 42_000, amount: 20_958_000, status: 'instructed' })
      expect(milestone(l, 'tahap-1').status).toBe('met')
      expect(order(l).penalties).toBe(42_000)

      expect(l.p(people.inspector, 'confirmPayment', { process: P, payment: 's1/1', reference: 'BANK-1' })).toMatchObject({ code: 'ACCESS_DENIED' })
      l.ok(people.gateway, 'confirmPayment', { process: P, payment: 's1/1', reference: 'BANK-1' })
      expect(l.p(people.gateway, 'confirmPayment', { process: P, payment: 's1/1', reference: 'BANK-1' })).toMatchObject({ code: 'PROCUREMENT_PAYMENT_SETTLED' })
      expect(payment(l, 's1/1')).toMatchObject({ status: 'paid', reference: 'BANK-1' })
      const report = l.q('consistency', { process: P }) as ConsistencyReport
      expect(report.ok).toBe(true)
      expect(report.checks.map((c) => c.id)).toEqual(['award-follows-criteria', 'paid-equals-accepted', 'no-payment-without-confirmation', 'penalties-within-terms', 'within-contract-value', 'milestones-match-inspections', 'inspections-match-shipments'])
      const history = l.q('history', { process: P }) as { step: string; summary: { id: string; en: string } }[]
      expect(history.find((h) => h.step === 'inspection')!.summary).toEqual({
        id: 'pengiriman s1: diterima 25 bangku, 20 tempat-sampah; ditolak 5 bangku; Rp 125.000.000 dilepas',
        en: 'shipment s1: accepted 25 bangku, 20 tempat-sampah; rejected 5 bangku; Rp 125.000.000 released',
      })
      const steps = history.map((h) => h.step)
      expect(steps).toEqual(['plan', 'tender', 'bid', 'bid', 'reveal', 'reveal', 'award', 'contract', 'contract-accepted', 'dispatch', 'arrival', 'inspection', 'dispatch', 'arrival', 'inspection', 'paid'])
    })

    it('refuses to accept more than was ordered (the payment would exceed the contract value) or other than was shipped', () => {
      const l = contractedLedger()
      ship(l, 's1', 'tahap-2', [{ item: 'bangku', quantity: 20 }])
      ship(l, 's2', 'tahap-2', [{ item: 'bangku', quantity: 2 }])
      l.ok(people.inspector, 'inspect', { process: P, shipment: 's2', accepted: [{ item: 'bangku', quantity: 2 }], note: 'Awal' })
      const r = l.p(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 20 }], note: 'Kelebihan' })
      expect(r).toMatchObject({ status: 'failed', code: 'PROCUREMENT_OVER_CONTRACT_VALUE', message: expect.stringContaining('more than the 20 ordered') })
      const inspect = (accepted: object[], rejected: object[] = []) => l.p(people.inspector, 'inspect', { process: P, shipment: 's1', accepted, rejected, note: 'Salah' } as never)
      expect(inspect([{ item: 'tempat-sampah', quantity: 1 }])).toMatchObject({ code: 'PROCUREMENT_INSPECTION_INVALID', message: expect.stringContaining('was not in shipment s1') })
      expect(inspect([{ item: 'bangku', quantity: 17 }])).toMatchObject({ code: 'PROCUREMENT_INSPECTION_INVALID', message: expect.stringContaining('carried 20 of bangku; 17 are accepted or rejected') })
      expect(inspect([{ item: 'bangku', quantity: 17 }], [{ item: 'bangku', quantity: 999, reason: 'x' }])).toMatchObject({ code: 'PROCUREMENT_INSPECTION_INVALID' })
      l.ok(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 18 }], rejected: [{ item: 'bangku', quantity: 2, reason: 'Lebih dari pesanan (more than ordered)' }], note: 'Lengkap' })
      expect(l.p(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 1 }], note: 'Lagi' })).toMatchObject({ code: 'PROCUREMENT_SHIPMENT_STATE' })
    })

    it('retries a failed payment with the same idempotency key, by the treasurer only', () => {
      const l = contractedLedger()
      ship(l, 's1', 'tahap-2', [{ item: 'bangku', quantity: 20 }])
      l.ok(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 20 }], note: 'OK' })
      l.ok(people.gateway, 'failPayment', { process: P, payment: 's1/1', reason: 'rekening tidak aktif' })
      expect(l.p(people.officer, 'retryPayment', { process: P, payment: 's1/1' })).toMatchObject({ code: 'ACCESS_DENIED' })
      const r = l.ok(people.treasurer, 'retryPayment', { process: P, payment: 's1/1' })
      expect(r.events[0]!.data).toMatchObject({ attempt: 2, idempotencyKey: `procurement/${P}/s1/1`, amount: 84_000_000 })
      expect(l.p(people.treasurer, 'retryPayment', { process: P, payment: 's1/1' })).toMatchObject({ code: 'PROCUREMENT_PAYMENT_SETTLED' })
    })

    it('refuses shipments by anyone but the supplier, items outside the milestone and times in the future', () => {
      const l = contractedLedger()
      const args = { process: P, shipment: 's1', milestone: 'tahap-2', lines: [{ item: 'bangku', quantity: 5 }], ...WORKSHOP }
      expect(l.p(people.karya, 'dispatch', args)).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(l.p(people.mebel, 'dispatch', { ...args, lines: [{ item: 'tempat-sampah', quantity: 1 }] })).toMatchObject({ code: 'PROCUREMENT_SHIPMENT_INVALID' })
      expect(l.p(people.mebel, 'dispatch', { ...args, milestone: 'tahap-9' })).toMatchObject({ code: 'PROCUREMENT_MILESTONE_NOT_FOUND' })
      expect(l.p(people.mebel, 'dispatch', { ...args, at: '2027-01-01T00:00:00.000Z' })).toMatchObject({ code: 'PROCUREMENT_LOCATION_INVALID' })
      expect(l.p(people.mebel, 'dispatch', { ...args, at: '2026-11-01T00:00:00.000Z' })).toMatchObject({ code: 'PROCUREMENT_LOCATION_INVALID', message: expect.stringContaining('more than a day before') })
      expect(l.p(people.mebel, 'dispatch', { ...args, lines: [{ item: 'bangku', quantity: 21 }] })).toMatchObject({ code: 'PROCUREMENT_SHIPMENT_INVALID' })
      expect(l.p(people.mebel, 'dispatch', { ...args, lat: 91 })).toMatchObject({ code: 'ARGS_INVALID' })
      l.ok(people.mebel, 'dispatch', args)
      expect(l.p(people.mebel, 'dispatch', args)).toMatchObject({ code: 'PROCUREMENT_SHIPMENT_EXISTS' })
      expect(l.p(people.mebel, 'updateLocation', { process: P, shipment: 's1', ...DEPOT, at: '2026-11-01T00:00:00.000Z' })).toMatchObject({ code: 'PROCUREMENT_LOCATION_INVALID' })
    })
  })
})
