import { describe, expect, it } from 'vitest'
import { signTx } from '../../../../packages/saksi/src/core/tx/sign-tx.js'
import { testKey } from '../../identity/contract/testing/harness.js'
import { parkBenchBid, parkBenchPlan } from './park-bench-example.js'
import type { ConsistencyReport } from './consistency.js'
import type { Payment, Supplier } from './records.js'
import { BID_DEADLINE, DEPOT, P, awardedLedger, contractedLedger, people, procurementLedger } from './testing/procurement-fixture.js'

const payment = (l: ReturnType<typeof procurementLedger>, id: string) => l.q('instruction', { process: P, payment: id }) as Payment

describe('procurement integrity rules', () => {
  describe('when one key would sit on both sides', () => {
    it('refuses an official’s key as a supplier, and a supplier key acting for the buyer', () => {
      const l = procurementLedger()
      expect(l.p(people.inspector, 'registerSupplier', { supplier: 'kroni', name: 'CV Kroni', nib: '1000000000001' })).toMatchObject({ code: 'PROCUREMENT_CONFLICT_OF_INTEREST' })
      // A supplier's key that is later appointed officer still cannot act for the buyer.
      expect(l.call(people.parksAdmin, 'addMember', { org: 'pertamanan', did: people.mebel.did, roles: ['procurement.officer'] })).toMatchObject({ status: 'ok' })
      expect(l.p(people.mebel, 'createPlan', parkBenchPlan('pertamanan.lampu-2026'))).toMatchObject({ status: 'failed', code: 'PROCUREMENT_CONFLICT_OF_INTEREST' })
      // Nor report its own payments as paid, as a payment service key, nor audit.
      expect(l.call(testKey(63), 'addMember', { org: 'bpkad', did: people.karya.did, roles: ['payments.gateway'] })).toMatchObject({ status: 'ok' })
      expect(l.p(people.karya, 'confirmPayment', { process: P, payment: 's1/1', reference: 'X' })).toMatchObject({ code: 'PROCUREMENT_CONFLICT_OF_INTEREST' })
      expect(l.call(testKey(61), 'addMember', { org: 'inspektorat', did: people.sentosa.did, roles: ['procurement.auditor'] })).toMatchObject({ status: 'ok' })
      expect(l.p(people.sentosa, 'addAuditNote', { process: P, text: 'Bersih' })).toMatchObject({ code: 'PROCUREMENT_CONFLICT_OF_INTEREST' })
    })

    it('binds a key to a supplier only when its holder accepts, lets it leave, and takes one supplier per NIB', () => {
      const l = procurementLedger()
      const staff = testKey(70)
      expect(l.p(people.mebel, 'addSupplierKey', { supplier: 'nothing', did: staff.did })).toMatchObject({ code: 'PROCUREMENT_SUPPLIER_NOT_FOUND' })
      expect(l.p(staff, 'joinSupplier', { supplier: 'mebel-jaya' })).toMatchObject({ code: 'PROCUREMENT_SUPPLIER_KEY_INVALID' })
      l.ok(people.mebel, 'addSupplierKey', { supplier: 'mebel-jaya', did: staff.did })
      // An invitation alone binds nothing: the arbiter invited by a supplier stays independent.
      l.ok(people.mebel, 'addSupplierKey', { supplier: 'mebel-jaya', did: people.arbiter.did })
      expect((l.q('supplier', { supplier: 'mebel-jaya' }) as Supplier).keys).toEqual([people.mebel.did])
      l.ok(staff, 'joinSupplier', { supplier: 'mebel-jaya' })
      expect((l.q('supplier', { supplier: 'mebel-jaya' }) as Supplier).keys).toEqual([people.mebel.did, staff.did])
      expect(l.p(people.arbiter, 'joinSupplier', { supplier: 'mebel-jaya' })).toMatchObject({ code: 'PROCUREMENT_CONFLICT_OF_INTEREST' })
      l.ok(staff, 'removeSupplierKey', { supplier: 'mebel-jaya', did: staff.did })
      expect(l.p(people.mebel, 'removeSupplierKey', { supplier: 'mebel-jaya', did: people.mebel.did })).toMatchObject({ code: 'PROCUREMENT_SUPPLIER_KEY_INVALID' })
      expect(l.p(testKey(71), 'registerSupplier', { supplier: 'mebel-dua', name: 'CV Mebel Dua', nib: '9120001234567' })).toMatchObject({ code: 'PROCUREMENT_NIB_USED' })
    })

    it('refuses an arbiter who is a member of the buyer (even without roles) or of the receiving organisation', () => {
      const l = contractedLedger()
      l.ok(people.mebel, 'openDispute', { process: P, milestone: 'tahap-1', reason: 'Keberatan' })
      expect(l.call(people.parksAdmin, 'addMember', { org: 'pertamanan', did: people.arbiter.did, roles: [] })).toMatchObject({ status: 'ok' })
      expect(l.p(people.arbiter, 'resolveDispute', { process: P, dispute: 'd1', reason: 'Putusan' })).toMatchObject({ code: 'PROCUREMENT_ARBITER_CONFLICT', message: expect.stringContaining('member of pertamanan') })
    })
  })

  describe('when deliveries are late', () => {
    it('counts lateness from the block time of the arrival, not the time a signer reports', () => {
      const l = contractedLedger()
      l.jumpTo('2027-01-05T05:00:00.000Z')
      l.ok(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'tahap-2', lines: [{ item: 'bangku', quantity: 20 }], ...DEPOT, at: '2027-01-04T06:00:00.000Z' })
      l.ok(people.mebel, 'arrive', { process: P, shipment: 's1', ...DEPOT, at: '2027-01-04T07:00:00.000Z' })
      l.ok(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 20 }], note: 'Terlambat' })
      // Due 2026-12-31 (WIB), recorded 2027-01-05 12:00 WIB: 5 days; 84M × 1‰ × 5 = 420,000.
      expect(payment(l, 's1/1')).toMatchObject({ gross: 84_000_000, penalty: 420_000, amount: 83_580_000 })
      expect((l.q('consistency', { process: P }) as ConsistencyReport).ok).toBe(true)
    })

    it('never deducts more than the cap or the payment itself', () => {
      const l = contractedLedger()
      // Due 2026-12-15, recorded 2027-12-31 12:00 WIB: 381 days late, 1‰ a day of 20M = 7.62M; then
      // 381‰ of 84M would be 32M, but the cap (5% of the 230M contract, 11.5M) leaves 3.88M.
      l.jumpTo('2027-12-31T05:00:00.000Z')
      l.ok(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'tahap-1', lines: [{ item: 'tempat-sampah', quantity: 20 }], ...DEPOT })
      l.ok(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'tempat-sampah', quantity: 20 }], note: 'Sangat terlambat' })
      expect(payment(l, 's1/1')).toMatchObject({ gross: 20_000_000, penalty: 7_620_000, amount: 12_380_000 })
      l.ok(people.mebel, 'dispatch', { process: P, shipment: 's2', milestone: 'tahap-2', lines: [{ item: 'bangku', quantity: 20 }], ...DEPOT })
      l.ok(people.inspector, 'inspect', { process: P, shipment: 's2', accepted: [{ item: 'bangku', quantity: 20 }], note: 'Sangat terlambat' })
      expect(payment(l, 's2/1')).toMatchObject({ gross: 84_000_000, penalty: 3_880_000 })
      const report = l.q('consistency', { process: P }) as ConsistencyReport
      expect(report.ok).toBe(true)
    })

    it('records a payment that the penalty reduces to nothing as settled, with no transfer', () => {
      const l = awardedLedger()
      l.ok(people.officer, 'issueContract', { process: P, penalty: { perDayPermille: 50, capPercent: 100 }, milestones: [{ id: 'm', title: 'Semua', dueDate: '2026-12-10', lines: [{ item: 'bangku', quantity: 50 }, { item: 'tempat-sampah', quantity: 20 }] }] })
      l.ok(people.mebel, 'acceptContract', { process: P })
      l.jumpTo('2027-01-30T05:00:00.000Z')
      l.ok(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'm', lines: [{ item: 'tempat-sampah', quantity: 1 }], ...DEPOT })
      const r = l.ok(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'tempat-sampah', quantity: 1 }], note: '51 hari terlambat' })
      expect(r.events.some((e) => e.type === 'procurement.PaymentRequested')).toBe(false)
      expect(payment(l, 's1/1')).toMatchObject({ gross: 1_000_000, penalty: 1_000_000, amount: 0, status: 'paid' })
      expect((l.q('consistency', { process: P }) as ConsistencyReport).ok).toBe(true)
    })
  })

  describe('when a dispute is open', () => {
    it('does not let a refused payment be retried until the ruling, which sends it again', () => {
      const l = contractedLedger()
      l.ok(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'tahap-2', lines: [{ item: 'bangku', quantity: 20 }], ...DEPOT })
      l.ok(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 20 }], note: 'OK' })
      l.ok(people.gateway, 'failPayment', { process: P, payment: 's1/1', reason: 'rekening dibekukan' })
      l.ok(people.inspector, 'openDispute', { process: P, milestone: 'tahap-2', reason: 'Kayu diragukan' })
      expect(l.p(people.treasurer, 'retryPayment', { process: P, payment: 's1/1' })).toMatchObject({ code: 'PROCUREMENT_DISPUTE_OPEN' })
      const r = l.ok(people.arbiter, 'resolveDispute', { process: P, dispute: 'd1', reason: 'Separuh ditolak', adjustments: [{ shipment: 's1', accepted: [{ item: 'bangku', quantity: 10 }] }] })
      expect(r.events.filter((e) => e.type === 'procurement.PaymentRequested').map((e) => e.data.amount)).toEqual([42_000_000])
      expect(payment(l, 's1/1')).toMatchObject({ status: 'cancelled' })
      expect((l.q('consistency', { process: P }) as ConsistencyReport).ok).toBe(true)
    })
  })

  describe('when a tender is published', () => {
    it('refuses a reveal window shorter than half the bid window', () => {
      const l = procurementLedger()
      l.ok(people.officer, 'createPlan', parkBenchPlan('pertamanan.lampu-2026'))
      const tender = { process: 'pertamanan.lampu-2026', title: 'T', description: 'D', bidDeadline: BID_DEADLINE, revealDeadline: '2026-11-30T03:00:00.001Z', criteria: { method: 'priceOnly', maxDeliveryDays: 30, minLocalContent: 0 } }
      expect(l.p(people.officer, 'publishTender', tender)).toMatchObject({ code: 'PROCUREMENT_TENDER_INVALID', message: expect.stringContaining('half the bid window') })
    })
  })

  describe('when the node screens a transaction at the door', () => {
    it('lets a bank reference of 16 digits through, and nothing else that looks like a NIK', () => {
      const l = procurementLedger()
      const tx = (method: string, args: Record<string, unknown>) => signTx({ network: 'kota-contoh', contract: 'procurement', method, args: args as never }, people.gateway).envelope.tx
      expect(l.runtime.screen(tx('confirmPayment', { process: P, payment: 's1/1', reference: '1234567890123456' }))).toBeUndefined()
      expect(l.runtime.screen(tx('failPayment', { process: P, payment: 's1/1', reason: 'rekening 1234567890123456 ditutup' }))).toBeUndefined()
      expect(l.runtime.screen(tx('addAuditNote', { process: P, text: 'NIK 3273014501900001' }))).toMatchObject({ code: 'PROCUREMENT_NIK_IN_CLEAR' })
    })
  })
})

describe('procurement lifecycle ends', () => {
  describe('when an officer cancels or closes', () => {
    it('cancels a process before its award only, and then takes no more bids', () => {
      const l = procurementLedger()
      l.commit(people.mebel, 'mebel-jaya', parkBenchBid(4_200_000, 1_000_000, 30, 60))
      expect(l.p(people.inspector, 'cancelTender', { process: P, reason: 'x' })).toMatchObject({ code: 'ACCESS_DENIED' })
      l.ok(people.officer, 'cancelTender', { process: P, reason: 'Spesifikasi bangku diubah' })
      expect(l.p(people.karya, 'commitBid', { process: P, supplier: 'karya-taman', commitment: 'a'.repeat(64) })).toMatchObject({ code: 'PROCUREMENT_STAGE_INVALID' })
      expect(l.p(people.officer, 'cancelTender', { process: P, reason: 'lagi' })).toMatchObject({ code: 'PROCUREMENT_STAGE_INVALID' })
      const late = procurementLedger()
      late.jumpTo(BID_DEADLINE)
      expect(late.p(people.officer, 'cancelTender', { process: P, reason: 'Harga terlalu tinggi' })).toMatchObject({ code: 'PROCUREMENT_STAGE_INVALID', message: expect.stringContaining('the tender ends by its award') })
      const c = contractedLedger()
      expect(c.p(people.officer, 'cancelTender', { process: P, reason: 'terlambat' })).toMatchObject({ code: 'PROCUREMENT_STAGE_INVALID' })
    })

    it('closes a purchase order only when every milestone is met and paid, then nothing more is shipped', () => {
      const l = contractedLedger()
      const ship = (shipment: string, milestone: string, lines: object[]) => l.ok(people.mebel, 'dispatch', { process: P, shipment, milestone, lines, ...DEPOT } as never)
      ship('s1', 'tahap-1', [{ item: 'bangku', quantity: 30 }, { item: 'tempat-sampah', quantity: 20 }])
      l.ok(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 30 }, { item: 'tempat-sampah', quantity: 20 }], note: 'OK' })
      ship('s2', 'tahap-2', [{ item: 'bangku', quantity: 20 }])
      const close = { process: P, note: 'Berita acara serah terima BAST-01' }
      expect(l.p(people.officer, 'closeContract', close)).toMatchObject({ code: 'PROCUREMENT_CONTRACT_OPEN', message: expect.stringContaining('milestone tahap-2 is scheduled; shipment s2 is in-transit; payment s1/1 is instructed') })
      l.ok(people.inspector, 'inspect', { process: P, shipment: 's2', accepted: [{ item: 'bangku', quantity: 20 }], note: 'OK' })
      l.ok(people.gateway, 'confirmPayment', { process: P, payment: 's1/1', reference: 'B1' })
      l.ok(people.gateway, 'confirmPayment', { process: P, payment: 's2/1', reference: 'B2' })
      const r = l.ok(people.officer, 'closeContract', close)
      expect(r.events[0]).toMatchObject({ type: 'procurement.ContractClosed', data: { paid: 230_000_000, penalties: 0 } })
      expect(l.p(people.mebel, 'dispatch', { process: P, shipment: 's3', milestone: 'tahap-2', lines: [{ item: 'bangku', quantity: 1 }], ...DEPOT })).toMatchObject({ code: 'PROCUREMENT_CONTRACT_NOT_ACTIVE' })
      expect(l.p(people.mebel, 'openDispute', { process: P, milestone: 'tahap-2', reason: 'x' })).toMatchObject({ code: 'PROCUREMENT_CONTRACT_NOT_ACTIVE' })
      expect(l.q('processes', {})).toEqual([expect.objectContaining({ id: P, stage: 'complete', orderStatus: 'closed' })])
    })
  })
})

describe('procurement rulings and penalties after the second review', () => {
  it('refuses a ruling that drops goods already paid or with the bank, even to zero', () => {
    const l = contractedLedger()
    l.ok(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'tahap-2', lines: [{ item: 'bangku', quantity: 20 }], ...DEPOT })
    l.ok(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 20 }], note: 'OK' })
    l.ok(people.gateway, 'confirmPayment', { process: P, payment: 's1/1', reference: 'B1' })
    l.ok(people.inspector, 'openDispute', { process: P, milestone: 'tahap-2', reason: 'Cacat tersembunyi' })
    const ruling = (accepted: object[]) => l.p(people.arbiter, 'resolveDispute', { process: P, dispute: 'd1', reason: 'Putusan', adjustments: [{ shipment: 's1', accepted }] } as never)
    expect(ruling([{ item: 'bangku', quantity: 0 }])).toMatchObject({ code: 'PROCUREMENT_ADJUSTMENT_INVALID', message: expect.stringContaining('20 of bangku are already paid') })
    expect(ruling([])).toMatchObject({ code: 'PROCUREMENT_ADJUSTMENT_INVALID' })
  })

  it('checks each penalty against the cap that was left when it was made, so a ruling that frees the cap raises no false finding', () => {
    const l = awardedLedger()
    l.ok(people.officer, 'issueContract', {
      process: P,
      penalty: { perDayPermille: 50, capPercent: 1 },
      milestones: [
        { id: 'tahap-1', title: 'Satu', dueDate: '2026-12-10', lines: [{ item: 'bangku', quantity: 30 }, { item: 'tempat-sampah', quantity: 20 }] },
        { id: 'tahap-2', title: 'Dua', dueDate: '2026-12-10', lines: [{ item: 'bangku', quantity: 20 }] },
      ],
    })
    l.ok(people.mebel, 'acceptContract', { process: P })
    l.ok(people.inspector, 'openDispute', { process: P, milestone: 'tahap-1', reason: 'Periksa ulang' })
    l.jumpTo('2026-12-12T05:00:00.000Z')
    l.ok(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'tahap-1', lines: [{ item: 'bangku', quantity: 10 }], ...DEPOT })
    l.ok(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 10 }], note: 'Terlambat' })
    l.ok(people.mebel, 'dispatch', { process: P, shipment: 's2', milestone: 'tahap-2', lines: [{ item: 'bangku', quantity: 20 }], ...DEPOT })
    l.ok(people.inspector, 'inspect', { process: P, shipment: 's2', accepted: [{ item: 'bangku', quantity: 20 }], note: 'Terlambat' })
    // The cap (1% of 230M: 2.3M) went to s1's held payment; s2 paid no penalty, rightly, at the time.
    expect(payment(l, 's2/1')).toMatchObject({ penalty: 0, capLeft: 0 })
    l.ok(people.arbiter, 'resolveDispute', { process: P, dispute: 'd1', reason: 'Satu bangku saja', adjustments: [{ shipment: 's1', accepted: [{ item: 'bangku', quantity: 1 }] }] })
    expect((l.q('consistency', { process: P }) as ConsistencyReport).ok).toBe(true)
  })
})
