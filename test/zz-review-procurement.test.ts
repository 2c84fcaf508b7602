// Scratch review tests for the procurement contract (delete after the review).
import { describe, expect, it } from 'vitest'
import type { JsonObject } from '../src/core/encoding/json.js'
import { bidCommitment } from '../src/contracts/procurement/bid-commitment.js'
import type { ConsistencyReport } from '../src/contracts/procurement/consistency.js'
import { parkBenchBid, parkBenchCriteria, parkBenchPlan } from '../src/contracts/procurement/park-bench-example.js'
import type { Dispute, Milestone, Payment, Process, Supplier } from '../src/contracts/procurement/records.js'
import { BID_DEADLINE, DEPOT, P, REVEAL_DEADLINE, contractedLedger, people, procurementLedger, type ProcurementLedger } from '../src/contracts/procurement/testing/procurement-fixture.js'
import { testKey } from '../src/contracts/identity/testing/harness.js'

const WORKSHOP = { lat: -6.2, lon: 106.816666, place: 'Bengkel Mebel Jaya, Jepara' }
const view = (l: ProcurementLedger) => l.q('process', { process: P }) as { process: Process; disputes: Dispute[]; payments: Payment[] }
const order = (l: ProcurementLedger) => view(l).process.order!
const milestone = (l: ProcurementLedger, id: string) => order(l).milestones.find((m) => m.id === id) as Milestone
const payment = (l: ProcurementLedger, id: string) => l.q('instruction', { process: P, payment: id }) as Payment
const report = (l: ProcurementLedger) => l.q('consistency', { process: P }) as ConsistencyReport
const requested = (r: { events: { type: string; data: unknown }[] }) => r.events.filter((e) => e.type === 'procurement.PaymentRequested')

/** A contracted ledger with custom penalty terms (and optional receiving org). */
function contractedWith(extra: JsonObject, bidFor = parkBenchBid(4_200_000, 1_000_000, 30, 60)): ProcurementLedger {
  const l = procurementLedger()
  const a = l.commit(people.mebel, 'mebel-jaya', bidFor)
  l.jumpTo(BID_DEADLINE)
  l.reveal(people.mebel, a)
  l.jumpTo(REVEAL_DEADLINE)
  l.ok(people.officer, 'award', { process: P })
  l.ok(people.officer, 'issueContract', {
    process: P,
    milestones: [
      { id: 'tahap-1', title: 'T1', dueDate: '2026-12-15', lines: [{ item: 'bangku', quantity: 30 }, { item: 'tempat-sampah', quantity: 20 }] },
      { id: 'tahap-2', title: 'T2', dueDate: '2026-12-31', lines: [{ item: 'bangku', quantity: 20 }] },
    ],
    ...extra,
  })
  l.ok(people.mebel, 'acceptContract', { process: P })
  return l
}

describe('review: late penalties', () => {
  it('R1 supplier backdates dispatch/arrival times and escapes the late penalty', () => {
    const l = contractedLedger()
    // Goods really leave and arrive on 2027-01-20, 20 days after the 2026-12-31 due date.
    l.jumpTo('2027-01-20T05:00:00.000Z')
    l.ok(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'tahap-2', lines: [{ item: 'bangku', quantity: 20 }], ...WORKSHOP, at: '2026-12-01T00:00:00.000Z' })
    l.ok(people.mebel, 'arrive', { process: P, shipment: 's1', ...DEPOT, at: '2026-12-02T00:00:00.000Z' })
    l.ok(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 20 }], note: 'ok' })
    expect(payment(l, 's1/1')).toMatchObject({ gross: 84_000_000, penalty: 0, amount: 84_000_000 })
    // And even before the contract was issued (dispatch time 2020) is accepted.
    expect(report(l).ok).toBe(true)
  })

  it('R1b dispatch time may predate the contract itself', () => {
    const l = contractedLedger()
    const r = l.p(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'tahap-2', lines: [{ item: 'bangku', quantity: 1 }], ...WORKSHOP, at: '2000-01-01T00:00:00.000Z' })
    expect(r.status).toBe('ok')
  })

  it('R2 a penalty can exceed the gross: a negative payment instruction is requested', () => {
    const l = contractedWith({ penalty: { perDayPermille: 50, capPercent: 100 } })
    l.ok(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'tahap-1', lines: [{ item: 'bangku', quantity: 1 }], ...WORKSHOP })
    l.jumpTo('2027-01-15T05:00:00.000Z') // 31 days late
    l.ok(people.mebel, 'arrive', { process: P, shipment: 's1', ...DEPOT })
    const r = l.ok(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 1 }], note: 'late' })
    const req = requested(r)
    expect(req).toHaveLength(1)
    expect((req[0]!.data as { amount: number }).amount).toBeLessThan(0)
    expect(payment(l, 's1/1')).toMatchObject({ gross: 4_200_000, penalty: 6_510_000, amount: -2_310_000, status: 'instructed' })
    expect(report(l).ok).toBe(true) // the report does not notice
  })

  it('R2b with the default terms (1 per mille, 5% cap) a very late small delivery also goes negative', () => {
    const l = contractedLedger()
    l.ok(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'tahap-1', lines: [{ item: 'tempat-sampah', quantity: 1 }], ...WORKSHOP })
    l.jumpTo('2029-12-15T05:00:00.000Z') // ~1096 days late
    l.ok(people.mebel, 'arrive', { process: P, shipment: 's1', ...DEPOT })
    l.ok(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'tempat-sampah', quantity: 1 }], note: 'late' })
    expect(payment(l, 's1/1').amount).toBeLessThan(0)
  })
})

describe('review: inspections and rulings not bounded by what was shipped', () => {
  it('R3 the inspector accepts (and the contract pays) more than the shipment carried, and items it did not carry', () => {
    const l = contractedLedger()
    l.ok(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'tahap-1', lines: [{ item: 'bangku', quantity: 1 }], ...WORKSHOP })
    const r = l.p(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 30 }, { item: 'tempat-sampah', quantity: 20 }], note: 'x' })
    expect(r.status).toBe('ok')
    expect(payment(l, 's1/1')).toMatchObject({ gross: 146_000_000 })
    expect(milestone(l, 'tahap-1')).toMatchObject({ status: 'met' })
    expect(report(l).ok).toBe(true)
  })

  it('R3b rejected quantities are not checked against the shipment either', () => {
    const l = contractedLedger()
    l.ok(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'tahap-1', lines: [{ item: 'bangku', quantity: 1 }], ...WORKSHOP })
    expect(l.p(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [], rejected: [{ item: 'tempat-sampah', quantity: 999, reason: 'r' }], note: 'x' }).status).toBe('ok')
  })

  it('R4 the arbiter ruling can accept more than the shipment carried', () => {
    const l = contractedLedger()
    l.ok(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'tahap-1', lines: [{ item: 'bangku', quantity: 2 }], ...WORKSHOP })
    l.ok(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 2 }], note: 'x' })
    l.ok(people.mebel, 'openDispute', { process: P, milestone: 'tahap-1', reason: 'x' })
    const r = l.p(people.arbiter, 'resolveDispute', { process: P, dispute: 'd1', reason: 'y', adjustments: [{ shipment: 's1', accepted: [{ item: 'bangku', quantity: 30 }, { item: 'tempat-sampah', quantity: 20 }] }] })
    expect(r.status).toBe('ok')
    expect(payment(l, 's1/2').gross).toBe(146_000_000 - 8_400_000)
  })

  it('R5 an in-transit shipment may be inspected before it arrives', () => {
    const l = contractedLedger()
    l.ok(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'tahap-2', lines: [{ item: 'bangku', quantity: 2 }], ...WORKSHOP })
    expect(l.p(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 2 }], note: 'x' }).status).toBe('ok')
  })
})

describe('review: dispute freeze', () => {
  it('R6 retryPayment sends a failed payment of a frozen milestone to the bank', () => {
    const l = contractedLedger()
    l.ok(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'tahap-2', lines: [{ item: 'bangku', quantity: 20 }], ...WORKSHOP })
    l.ok(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 20 }], note: 'x' })
    l.ok(people.gateway, 'failPayment', { process: P, payment: 's1/1', reason: 'bank down' })
    l.ok(people.inspector, 'openDispute', { process: P, milestone: 'tahap-2', reason: 'wood is wrong' })
    expect(milestone(l, 'tahap-2').frozenBy).toBe('d1')
    const r = l.ok(people.treasurer, 'retryPayment', { process: P, payment: 's1/1' })
    expect(requested(r)).toHaveLength(1)
    l.ok(people.gateway, 'confirmPayment', { process: P, payment: 's1/1', reference: 'BANK-9' })
    expect(payment(l, 's1/1').status).toBe('paid')
  })

  it('R6b an instructed payment is not held when a dispute opens; the gateway confirms it during the freeze', () => {
    const l = contractedLedger()
    l.ok(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'tahap-2', lines: [{ item: 'bangku', quantity: 20 }], ...WORKSHOP })
    l.ok(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 20 }], note: 'x' })
    l.ok(people.inspector, 'openDispute', { process: P, milestone: 'tahap-2', reason: 'accepted in error' })
    expect(payment(l, 's1/1').status).toBe('instructed')
    expect(l.p(people.gateway, 'confirmPayment', { process: P, payment: 's1/1', reference: 'B' }).status).toBe('ok')
  })
})

describe('review: access control', () => {
  it('R7 the buyer inspector registers a supplier, wins, ships 1 bench and inspects its own delivery as 20', () => {
    const l = procurementLedger()
    l.ok(people.inspector, 'registerSupplier', { supplier: 'kroni', name: 'CV Kroni' })
    const a = l.commit(people.inspector, 'kroni', parkBenchBid(4_200_000, 1_000_000, 30, 60))
    l.jumpTo(BID_DEADLINE)
    l.reveal(people.inspector, a)
    l.jumpTo(REVEAL_DEADLINE)
    l.ok(people.officer, 'award', { process: P })
    l.ok(people.officer, 'issueContract', { process: P, milestones: [{ id: 'm', title: 'm', dueDate: '2026-12-31', lines: [{ item: 'bangku', quantity: 50 }, { item: 'tempat-sampah', quantity: 20 }] }] })
    l.ok(people.inspector, 'acceptContract', { process: P })
    l.ok(people.inspector, 'dispatch', { process: P, shipment: 's1', milestone: 'm', lines: [{ item: 'bangku', quantity: 1 }], ...WORKSHOP })
    l.ok(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 50 }, { item: 'tempat-sampah', quantity: 20 }], note: 'self' })
    expect(payment(l, 's1/1').amount).toBe(230_000_000)
  })

  it('R8 a supplier admin binds any did (the officer, the arbiter) without its consent; the bound key cannot leave', () => {
    const l = contractedLedger()
    // mebel (awarded) binds the independent arbiter's key to itself.
    l.ok(people.mebel, 'addSupplierKey', { supplier: 'mebel-jaya', did: people.arbiter.did })
    l.ok(people.inspector, 'openDispute', { process: P, milestone: 'tahap-2', reason: 'x' })
    expect(l.p(people.arbiter, 'resolveDispute', { process: P, dispute: 'd1', reason: 'y' })).toMatchObject({ code: 'PROCUREMENT_ARBITER_CONFLICT' })
    // the arbiter cannot remove itself
    expect(l.p(people.arbiter, 'removeSupplierKey', { supplier: 'mebel-jaya', did: people.arbiter.did })).toMatchObject({ code: 'ACCESS_DENIED' })
    // and the arbiter key now signs for the supplier
    expect(l.p(people.arbiter, 'acceptContract', { process: P })).toMatchObject({ code: 'PROCUREMENT_STAGE_INVALID' })
    // a rival squats a competitor's future key: that key can no longer register its own supplier
    const fresh = testKey(99)
    l.ok(people.karya, 'addSupplierKey', { supplier: 'karya-taman', did: fresh.did })
    expect(l.p(fresh, 'registerSupplier', { supplier: 'baru', name: 'Baru' })).toMatchObject({ code: 'PROCUREMENT_SUPPLIER_EXISTS' })
  })

  it('R8b the officer bound to the supplier opens a dispute that is recorded as the supplier side', () => {
    const l = contractedLedger()
    l.ok(people.mebel, 'addSupplierKey', { supplier: 'mebel-jaya', did: people.officer.did })
    l.ok(people.officer, 'openDispute', { process: P, milestone: 'tahap-2', reason: 'x' })
    expect(view(l).disputes[0]!.side).toBe('supplier')
  })

  it('R9 an inspector of the receiving organisation (who inspected) can also be the arbiter', () => {
    const l = procurementLedger()
    const a = l.commit(people.mebel, 'mebel-jaya', parkBenchBid(4_200_000, 1_000_000, 30, 60))
    l.jumpTo(BID_DEADLINE)
    l.reveal(people.mebel, a)
    l.jumpTo(REVEAL_DEADLINE)
    l.ok(people.officer, 'award', { process: P })
    l.ok(people.officer, 'issueContract', { process: P, receivingOrg: 'dinas-pu', milestones: [{ id: 'm', title: 'm', dueDate: '2026-12-31', lines: [{ item: 'bangku', quantity: 50 }, { item: 'tempat-sampah', quantity: 20 }] }] })
    l.ok(people.mebel, 'acceptContract', { process: P })
    l.call(testKey(62), 'addMember', { org: 'bani', did: people.otherInspector.did, roles: ['procurement.arbiter'] })
    l.ok(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'm', lines: [{ item: 'bangku', quantity: 10 }], ...WORKSHOP })
    l.ok(people.otherInspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 5 }], rejected: [{ item: 'bangku', quantity: 5, reason: 'r' }], note: 'x' })
    // the receiving org's inspector cannot open a dispute (eitherSide only knows the buyer org)
    expect(l.p(people.otherInspector, 'openDispute', { process: P, milestone: 'm', reason: 'x' })).toMatchObject({ code: 'ACCESS_DENIED' })
    l.ok(people.mebel, 'openDispute', { process: P, milestone: 'm', reason: 'rejected unfairly' })
    expect(l.p(people.otherInspector, 'resolveDispute', { process: P, dispute: 'd1', reason: 'my inspection was right' }).status).toBe('ok')
  })

  it('R10 a plain member of the buyer (no procurement role) passes independentArbiter', () => {
    const l = contractedLedger()
    const staff = testKey(98)
    expect(l.call(people.parksAdmin, 'addMember', { org: 'pertamanan', did: staff.did, roles: [] }).status).toBe('ok')
    expect(l.call(testKey(62), 'addMember', { org: 'bani', did: staff.did, roles: ['procurement.arbiter'] }).status).toBe('ok')
    l.ok(people.inspector, 'openDispute', { process: P, milestone: 'tahap-2', reason: 'x' })
    expect(l.p(staff, 'resolveDispute', { process: P, dispute: 'd1', reason: 'y' }).status).toBe('ok')
  })
})

describe('review: tender', () => {
  it('R11 one company with two supplier ids picks which sealed bid to reveal after seeing the rival', () => {
    const l = procurementLedger()
    const shellKey = testKey(97)
    l.ok(shellKey, 'registerSupplier', { supplier: 'mebel-dua', name: 'CV Mebel Dua', nib: '9120001234567' }) // same NIB as mebel-jaya
    const low = l.commit(people.mebel, 'mebel-jaya', parkBenchBid(4_000_000, 900_000, 30, 60))
    const high = l.commit(shellKey, 'mebel-dua', parkBenchBid(4_390_000, 1_090_000, 30, 60))
    const rival = l.commit(people.karya, 'karya-taman', parkBenchBid(4_400_000, 1_100_000, 30, 60))
    l.jumpTo(BID_DEADLINE)
    l.reveal(people.karya, rival)
    // Seeing the rival at 4.4M, only the high bid is revealed.
    l.reveal(shellKey, high)
    void low
    l.jumpTo(REVEAL_DEADLINE)
    l.ok(people.officer, 'award', { process: P })
    expect(view(l).process.award).toMatchObject({ supplier: 'mebel-dua', unrevealed: ['mebel-jaya'] })
    const sups = l.q('suppliers', {}) as Supplier[]
    expect(sups.filter((s) => s.nib === '9120001234567')).toHaveLength(2)
  })

  it('R12 the officer publishes a tender whose bid deadline is one second away; a crony commits in the same block', () => {
    const l = procurementLedger()
    l.ok(people.officer, 'createPlan', parkBenchPlan('pertamanan.kilat'))
    const next = new Date(Date.parse(l.time) + 1000)
    const deadline = new Date(next.getTime() + 1).toISOString()
    const bid = parkBenchBid(4_500_000, 1_200_000, 30, 60)
    const salt = '3'.repeat(64)
    const out = l.run([
      { signer: people.officer, contract: 'procurement', method: 'publishTender', args: { process: 'pertamanan.kilat', title: 't', description: 'd', bidDeadline: deadline, revealDeadline: '2026-12-01T03:00:00.000Z', criteria: parkBenchCriteria } },
      { signer: people.mebel, contract: 'procurement', method: 'commitBid', args: { process: 'pertamanan.kilat', supplier: 'mebel-jaya', commitment: bidCommitment({ process: 'pertamanan.kilat', supplier: 'mebel-jaya', bid, salt }) } },
    ])
    expect(out.entries.map((e) => e.result.status)).toEqual(['ok', 'ok'])
    expect(l.p(people.karya, 'commitBid', { process: 'pertamanan.kilat', supplier: 'karya-taman', commitment: 'a'.repeat(64) })).toMatchObject({ code: 'PROCUREMENT_BID_LATE' })
  })

  it('R13 a bid sent in clear to commitBid (or an early reveal) is refused but lands on the log with its arguments', () => {
    const l = procurementLedger()
    const bid = parkBenchBid(4_200_000, 1_000_000, 30, 60)
    const out = l.run([{ signer: people.mebel, contract: 'procurement', method: 'revealBid', args: { process: P, supplier: 'mebel-jaya', bid: bid as unknown as JsonObject, salt: '1'.repeat(64) } }])
    expect(out.entries[0]!.result).toMatchObject({ status: 'failed' })
    expect(JSON.stringify(out.entries[0]!.tx)).toContain('4200000')
    // screen does not keep it off the log
    expect(l.runtime.screen({ contract: 'procurement', method: 'revealBid', args: { process: P, supplier: 'mebel-jaya', bid: bid as unknown as JsonObject, salt: '1'.repeat(64) } })).toBeUndefined()
  })

  it('R14 a bid priced above HPS with a large total cannot be revealed: NONDETERMINISTIC_VALUE, not a procurement code', () => {
    const l = procurementLedger()
    const bid = parkBenchBid(999_999_999_999_999, 1_000_000, 30, 60)
    const a = l.commit(people.mebel, 'mebel-jaya', bid)
    l.jumpTo(BID_DEADLINE)
    const r = l.reveal(people.mebel, a)
    expect(r).toMatchObject({ status: 'failed', code: 'NONDETERMINISTIC_VALUE' })
  })

  it('R15 Rupiah 1e15 (the schema max) is screened as a NIK', () => {
    const l = procurementLedger()
    const plan = parkBenchPlan('pertamanan.besar')
    expect(l.runtime.screen({ contract: 'procurement', method: 'createPlan', args: { ...plan, budget: 1e15 } })).toMatchObject({ code: 'PROCUREMENT_NIK_IN_CLEAR' })
    expect(l.runtime.screen({ contract: 'procurement', method: 'confirmPayment', args: { process: P, payment: 's1/1', reference: '3273012345678901' } })).toMatchObject({ code: 'PROCUREMENT_NIK_IN_CLEAR' })
  })

  it('R16 item ids like constructor / tostring / valueof work end to end', () => {
    const l = procurementLedger()
    const plan = {
      process: 'pertamanan.proto',
      title: 't',
      description: 'd',
      budget: 10_000,
      items: ['constructor', 'tostring', 'hasownproperty'].map((id) => ({ id, description: id, quantity: 2, unit: 'u', origin: 'any', unitEstimate: 100 })),
    }
    l.ok(people.officer, 'createPlan', plan)
    l.ok(people.officer, 'publishTender', { process: 'pertamanan.proto', title: 't', description: 'd', bidDeadline: BID_DEADLINE, revealDeadline: REVEAL_DEADLINE, criteria: { method: 'priceOnly', maxDeliveryDays: 60, minLocalContent: 0 } })
    const bid = { prices: plan.items.map((i) => ({ item: i.id, unitPrice: 90 })), deliveryDays: 10, localContent: 0, origin: plan.items.map((i) => ({ item: i.id, origin: 'imported' as const })) }
    const salt = '2'.repeat(64)
    l.ok(people.mebel, 'commitBid', { process: 'pertamanan.proto', supplier: 'mebel-jaya', commitment: bidCommitment({ process: 'pertamanan.proto', supplier: 'mebel-jaya', bid, salt }) })
    l.jumpTo(BID_DEADLINE)
    l.ok(people.mebel, 'revealBid', { process: 'pertamanan.proto', supplier: 'mebel-jaya', bid: bid as unknown as JsonObject, salt })
    l.jumpTo(REVEAL_DEADLINE)
    l.ok(people.officer, 'award', { process: 'pertamanan.proto' })
    l.ok(people.officer, 'issueContract', { process: 'pertamanan.proto', milestones: [{ id: 'm', title: 'm', dueDate: '2026-12-31', lines: plan.items.map((i) => ({ item: i.id, quantity: 2 })) }] })
    l.ok(people.mebel, 'acceptContract', { process: 'pertamanan.proto' })
    l.ok(people.mebel, 'dispatch', { process: 'pertamanan.proto', shipment: 's1', milestone: 'm', lines: [{ item: 'constructor', quantity: 1 }], ...WORKSHOP })
    l.ok(people.inspector, 'inspect', { process: 'pertamanan.proto', shipment: 's1', accepted: [{ item: 'constructor', quantity: 1 }], note: 'x' })
    l.ok(people.mebel, 'dispatch', { process: 'pertamanan.proto', shipment: 's2', milestone: 'm', lines: [{ item: 'constructor', quantity: 1 }, { item: 'tostring', quantity: 2 }], ...WORKSHOP })
    l.ok(people.inspector, 'inspect', { process: 'pertamanan.proto', shipment: 's2', accepted: [{ item: 'constructor', quantity: 1 }, { item: 'tostring', quantity: 2 }], note: 'x' })
    const r = l.q('consistency', { process: 'pertamanan.proto' }) as ConsistencyReport
    expect(r.ok).toBe(true)
  })
})

describe('review: error codes', () => {
  it('R17 addSupplierKey / removeSupplierKey on an unknown supplier say ACCESS_DENIED; key already bound says KEY_INVALID (register says EXISTS)', () => {
    const l = procurementLedger()
    expect(l.p(people.mebel, 'addSupplierKey', { supplier: 'nope', did: testKey(90).did })).toMatchObject({ code: 'ACCESS_DENIED' })
    expect(l.p(people.mebel, 'addSupplierKey', { supplier: 'mebel-jaya', did: people.karya.did })).toMatchObject({ code: 'PROCUREMENT_SUPPLIER_KEY_INVALID' })
    expect(l.p(people.inspector, 'inspect', { process: 'pertamanan.nope', shipment: 's', accepted: [], note: 'x' })).toMatchObject({ code: 'ACCESS_DENIED' })
  })

  it('R18 a ruling cannot lower the accepted quantity below a failed (unpaid) payment; the treasurer can still retry it', () => {
    const l = contractedLedger()
    l.ok(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'tahap-2', lines: [{ item: 'bangku', quantity: 12 }], ...WORKSHOP })
    l.ok(people.inspector, 'inspect', { process: P, shipment: 's1', accepted: [{ item: 'bangku', quantity: 12 }], note: 'x' })
    l.ok(people.gateway, 'failPayment', { process: P, payment: 's1/1', reason: 'bank down' })
    l.ok(people.inspector, 'openDispute', { process: P, milestone: 'tahap-2', reason: 'two were accepted in error' })
    expect(l.p(people.arbiter, 'resolveDispute', { process: P, dispute: 'd1', reason: 'y', adjustments: [{ shipment: 's1', accepted: [{ item: 'bangku', quantity: 10 }] }] })).toMatchObject({ code: 'PROCUREMENT_ADJUSTMENT_INVALID', message: expect.stringContaining('already paid') })
  })

  it('R19 a held payment: dispute opened by buyer with no arbiter ruling keeps supplier unpaid, and the buyer can re-open right after each ruling', () => {
    const l = contractedLedger()
    l.ok(people.inspector, 'openDispute', { process: P, milestone: 'tahap-2', reason: 'x' })
    l.ok(people.arbiter, 'resolveDispute', { process: P, dispute: 'd1', reason: 'y' })
    l.ok(people.inspector, 'openDispute', { process: P, milestone: 'tahap-2', reason: 'again' })
    expect(milestone(l, 'tahap-2').frozenBy).toBe('d2')
  })
})
