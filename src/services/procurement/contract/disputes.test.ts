import { describe, expect, it } from 'vitest'
import type { JsonValue } from '../../../../packages/saksi/src/core/encoding/json.js'
import type { ConsistencyReport } from './consistency.js'
import type { AuditNote, Dispute, Payment, Process } from './records.js'
import { DEPOT, P, contractedLedger, people, type ProcurementLedger } from './testing/procurement-fixture.js'

const payment = (l: ProcurementLedger, id: string) => l.q('instruction', { process: P, payment: id }) as Payment
const view = (l: ProcurementLedger) => l.q('process', { process: P }) as { process: Process; disputes: Dispute[]; notes: AuditNote[] }
const requested = (r: { events: { type: string }[] }) => r.events.filter((e) => e.type === 'procurement.PaymentRequested').length

function shipAndInspect(l: ProcurementLedger, shipment: string, milestone: string, shipped: number, accepted: number) {
  l.ok(people.mebel, 'dispatch', { process: P, shipment, milestone, lines: [{ item: 'bangku', quantity: shipped }], ...DEPOT })
  const rejected = shipped > accepted ? [{ item: 'bangku', quantity: shipped - accepted, reason: 'Retak pada kayu (cracked wood)' }] : []
  return l.ok(people.inspector, 'inspect', { process: P, shipment, accepted: accepted ? [{ item: 'bangku', quantity: accepted }] : [], rejected, note: 'Pemeriksaan' })
}

describe('procurement disputes and audit', () => {
  describe('when a side disputes a milestone', () => {
    it('holds the milestone’s payments until the arbiter rules, then releases them', () => {
      const l = contractedLedger()
      expect(l.p(people.stranger, 'openDispute', { process: P, milestone: 'tahap-2', reason: 'x' })).toMatchObject({ code: 'ACCESS_DENIED' })
      l.ok(people.inspector, 'openDispute', { process: P, milestone: 'tahap-2', reason: 'Spesifikasi kayu diragukan' })
      expect(l.p(people.mebel, 'openDispute', { process: P, milestone: 'tahap-2', reason: 'Juga' })).toMatchObject({ code: 'PROCUREMENT_DISPUTE_OPEN' })
      const inspected = shipAndInspect(l, 's1', 'tahap-2', 20, 20)
      expect(requested(inspected)).toBe(0)
      expect(payment(l, 's1/1')).toMatchObject({ status: 'held', amount: 84_000_000 })
      expect(l.p(people.gateway, 'confirmPayment', { process: P, payment: 's1/1', reference: 'X' })).toMatchObject({ code: 'PROCUREMENT_PAYMENT_SETTLED' })

      // The arbiter must be independent: an officer of the buyer who also holds the arbiter role is refused.
      const ruling = { process: P, dispute: 'd1', reason: 'Uji laboratorium: kayu sesuai spesifikasi' }
      expect(l.p(people.partialArbiter, 'resolveDispute', ruling)).toMatchObject({ status: 'failed', code: 'PROCUREMENT_ARBITER_CONFLICT' })
      expect(l.p(people.officer, 'resolveDispute', ruling)).toMatchObject({ code: 'ACCESS_DENIED' })
      const r = l.ok(people.arbiter, 'resolveDispute', ruling)
      expect(requested(r)).toBe(1)
      // The held instruction never reached the bank: it is replaced by a new one, with its own idempotency key.
      expect(payment(l, 's1/1')).toMatchObject({ status: 'cancelled' })
      expect(payment(l, 's1/2')).toMatchObject({ status: 'instructed', amount: 84_000_000, idempotencyKey: `procurement/${P}/s1/2` })
      expect(view(l).disputes[0]).toMatchObject({ id: 'd1', side: 'buyer', status: 'resolved', ruling: { by: people.arbiter.did, adjusted: [] } })
      expect(l.p(people.arbiter, 'resolveDispute', ruling)).toMatchObject({ code: 'PROCUREMENT_DISPUTE_NOT_FOUND' })
    })

    it('lets the ruling correct accepted quantities: a supplementary payment, never more than ordered, never below what was paid', () => {
      const l = contractedLedger()
      shipAndInspect(l, 's1', 'tahap-2', 20, 12)
      l.ok(people.gateway, 'confirmPayment', { process: P, payment: 's1/1', reference: 'BANK-1' })
      l.ok(people.mebel, 'openDispute', { process: P, milestone: 'tahap-2', reason: 'Delapan bangku ditolak tanpa alasan yang sah' })
      expect(view(l).disputes[0]).toMatchObject({ side: 'supplier' })
      const adjust = (quantity: number) => ({ process: P, dispute: 'd1', reason: 'Pemeriksaan ulang', adjustments: [{ shipment: 's1', accepted: [{ item: 'bangku', quantity }] }] })
      expect(l.p(people.arbiter, 'resolveDispute', adjust(21))).toMatchObject({ code: 'PROCUREMENT_ADJUSTMENT_INVALID', message: expect.stringContaining('more than shipment s1 carried') })
      expect(l.p(people.arbiter, 'resolveDispute', adjust(10))).toMatchObject({ code: 'PROCUREMENT_ADJUSTMENT_INVALID' })
      const r = l.ok(people.arbiter, 'resolveDispute', adjust(18))
      expect(requested(r)).toBe(1)
      // Six more benches at 4.2M: 25.2M as a second instruction for the same shipment.
      expect(payment(l, 's1/2')).toMatchObject({ gross: 25_200_000, amount: 25_200_000, status: 'instructed', lines: [{ item: 'bangku', quantity: 6, unitPrice: 4_200_000, amount: 25_200_000 }] })
      expect(l.q('shipment', { process: P, shipment: 's1' })).toMatchObject({ shipment: { inspection: { accepted: [{ item: 'bangku', quantity: 18 }], rejected: [{ item: 'bangku', quantity: 2, reason: 'Retak pada kayu (cracked wood)' }], adjustedBy: people.arbiter.did } } })
      expect(view(l).process.order!.milestones[1]).toMatchObject({ accepted: { bangku: 18 }, status: 'partiallyMet' })
      expect((l.q('consistency', { process: P }) as ConsistencyReport).ok).toBe(true)
    })
  })

  describe('when auditors check a process', () => {
    it('takes signed notes from auditors only', () => {
      const l = contractedLedger()
      expect(l.p(people.officer, 'addAuditNote', { process: P, text: 'Saya setuju' })).toMatchObject({ code: 'ACCESS_DENIED' })
      l.ok(people.auditor, 'addAuditNote', { process: P, subject: 'award', text: 'Evaluasi sesuai kriteria yang diumumkan' })
      expect(view(l).notes).toEqual([expect.objectContaining({ seq: 1, subject: 'award', by: people.auditor.did })])
    })

    it('finds a payment that does not match the inspection, an award against the criteria and a payment without inspection', () => {
      const l = contractedLedger()
      shipAndInspect(l, 's1', 'tahap-2', 20, 10)
      expect((l.q('consistency', { process: P }) as ConsistencyReport).ok).toBe(true)
      // Someone with access to the database changes records behind the contract's back.
      const p = view(l).process
      const tampered = { ...payment(l, 's1/1'), gross: 50_000_000, amount: 50_000_000 }
      const ghost = { ...payment(l, 's1/1'), id: 'ghost/1', shipment: 'ghost' }
      const award = { ...p, award: { ...p.award!, supplier: 'karya-taman', total: 242_000_000 } }
      l.store.apply([
        { contract: 'procurement', key: `pay/${P}/s1/1`, value: tampered as unknown as JsonValue },
        { contract: 'procurement', key: `pay/${P}/ghost/1`, value: ghost as unknown as JsonValue },
        { contract: 'procurement', key: `proc/${P}`, value: award as unknown as JsonValue },
      ])
      const report = l.q('consistency', { process: P }) as ConsistencyReport
      expect(report.ok).toBe(false)
      const failed = Object.fromEntries(report.checks.filter((c) => !c.ok).map((c) => [c.id, c.findings]))
      expect(Object.keys(failed).sort()).toEqual(['award-follows-criteria', 'no-payment-without-confirmation', 'paid-equals-accepted'])
      expect(failed['paid-equals-accepted']).toContain('shipment s1: accepted goods are worth 42000000 Rupiah at the contract\'s unit prices; payments cover 50000000')
      expect(failed['award-follows-criteria']![0]).toContain('the criteria rank mebel-jaya first')
    })

    it('finds a late penalty left out and an inspection that accepts more than was shipped', () => {
      const l = contractedLedger()
      l.jumpTo('2027-01-05T05:00:00.000Z')
      shipAndInspect(l, 's1', 'tahap-2', 10, 10)
      const s = (l.q('shipment', { process: P, shipment: 's1' }) as { shipment: Record<string, unknown> & { inspection: Record<string, unknown> } }).shipment
      const pay = payment(l, 's1/1')
      l.store.apply([
        { contract: 'procurement', key: `pay/${P}/s1/1`, value: { ...pay, penalty: 0, amount: pay.gross } as unknown as JsonValue },
        { contract: 'procurement', key: `ship/${P}/s1`, value: { ...s, inspection: { ...s.inspection, accepted: [{ item: 'bangku', quantity: 12 }] } } as unknown as JsonValue },
      ])
      const report = l.q('consistency', { process: P }) as ConsistencyReport
      const failed = Object.fromEntries(report.checks.filter((c) => !c.ok).map((c) => [c.id, c.findings]))
      expect(failed['penalties-within-terms']).toContain('payment s1/1: a penalty of 0 where the terms give 210000 for 5 day(s) late (11500000 of the cap left)')
      expect(failed['inspections-match-shipments']).toEqual(['shipment s1 carried 10 of bangku; the inspection accounts for 12'])
    })
  })
})
