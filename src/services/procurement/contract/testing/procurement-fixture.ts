import { randomBytes } from 'node:crypto'
import type { JsonObject } from '../../../../../packages/saksi/src/core/encoding/json.js'
import type { KeyPair } from '../../../../../packages/saksi/src/core/keys/key-pair.js'
import type { EntryResult } from '../../../../../packages/saksi/src/core/log/entry.js'
import { createHarness, testKey, type Harness } from '../../../identity/contract/testing/harness.js'
import { bidCommitment } from '../bid-commitment.js'
import { parkBenchBid, parkBenchCriteria, parkBenchPlan } from '../park-bench-example.js'
import { procurement } from '../procurement.js'
import type { BidContent } from '../records.js'

/** Keys of the procurement tests' people. */
export const people = {
  parksAdmin: testKey(40),
  officer: testKey(41),
  inspector: testKey(42),
  treasurer: testKey(43),
  auditor: testKey(44),
  arbiter: testKey(45),
  gateway: testKey(46),
  otherInspector: testKey(47),
  stranger: testKey(48),
  carrier: testKey(49),
  /** Supplier admin keys. */
  mebel: testKey(50),
  karya: testKey(51),
  sentosa: testKey(52),
  /** An arbiter who is also an officer of the buyer (not independent). */
  partialArbiter: testKey(53),
}

/** A genesis with the parks office, the inspectorate, an arbitration body, BPKAD and Dinas PU. */
export function procurementGenesis(): JsonObject {
  const p = people
  return {
    organisations: [
      {
        id: 'pertamanan',
        name: 'Dinas Pertamanan Kota Contoh',
        admins: [p.parksAdmin.did],
        grants: ['procurement.officer', 'procurement.inspector', 'procurement.treasurer', 'procurement.arbiter'],
        members: [
          { did: p.officer.did, roles: ['procurement.officer'] },
          { did: p.inspector.did, roles: ['procurement.inspector'] },
          { did: p.treasurer.did, roles: ['procurement.treasurer'] },
          { did: p.partialArbiter.did, roles: ['procurement.officer', 'procurement.arbiter'] },
        ],
      },
      { id: 'dinas-pu', name: 'Dinas Pekerjaan Umum', admins: [testKey(60).did], grants: ['procurement.inspector'], members: [{ did: p.otherInspector.did, roles: ['procurement.inspector'] }] },
      { id: 'inspektorat', name: 'Inspektorat Kota Contoh', admins: [testKey(61).did], grants: ['procurement.auditor'], members: [{ did: p.auditor.did, roles: ['procurement.auditor'] }] },
      { id: 'bani', name: 'Badan Arbitrase (perwakilan)', admins: [testKey(62).did], grants: ['procurement.arbiter'], members: [{ did: p.arbiter.did, roles: ['procurement.arbiter'] }] },
      { id: 'bpkad', name: 'BPKAD Kota Contoh', admins: [testKey(63).did], grants: ['payments.gateway'], members: [{ did: p.gateway.did, roles: ['payments.gateway'] }] },
    ],
  }
}

/** The process id of the tests. */
export const P = 'pertamanan.bangku-2026'

/** A sealed bid: its content and the salt that opens it. */
export interface Sealed {
  supplier: string
  bid: BidContent
  salt: string
}

/** The procurement test ledger: harness plus helpers. */
export interface ProcurementLedger extends Harness {
  /** Calls a procurement method. */
  p(signer: KeyPair, method: string, args: JsonObject): EntryResult
  /** Calls a procurement method that must succeed. */
  ok(signer: KeyPair, method: string, args: JsonObject): EntryResult
  q(name: string, args: JsonObject): unknown
  /** Commits a sealed bid for `supplier` (signed by `key`); returns what reveals it. */
  commit(key: KeyPair, supplier: string, bid: BidContent): Sealed
  reveal(key: KeyPair, sealed: Sealed): EntryResult
}

/** Bid deadline, reveal deadline of the test tender (the ledger starts 2026-11-23T08:00Z). */
export const BID_DEADLINE = '2026-11-30T03:00:00.000Z'
export const REVEAL_DEADLINE = '2026-12-03T03:00:00.000Z'

/** A ledger with identity and procurement, three registered suppliers and a planned process. */
export function procurementLedger(): ProcurementLedger {
  const h = createHarness(procurementGenesis(), [procurement])
  const l: ProcurementLedger = Object.assign(h, {
    p: (signer: KeyPair, method: string, args: JsonObject) => h.call(signer, method, args, 'procurement'),
    ok(signer: KeyPair, method: string, args: JsonObject) {
      const r = h.call(signer, method, args, 'procurement')
      if (r.status !== 'ok') throw new Error(`${method} failed: ${r.code} ${r.message ?? ''}`)
      return r
    },
    q: (name: string, args: JsonObject) => h.query(name, args, 'procurement'),
    commit(key: KeyPair, supplier: string, bid: BidContent): Sealed {
      const salt = randomBytes(32).toString('hex')
      l.ok(key, 'commitBid', { process: P, supplier, commitment: bidCommitment({ process: P, supplier, bid, salt }) })
      return { supplier, bid, salt }
    },
    reveal: (key: KeyPair, s: Sealed) => l.p(key, 'revealBid', { process: P, supplier: s.supplier, bid: s.bid as unknown as JsonObject, salt: s.salt }),
  })
  l.ok(people.mebel, 'registerSupplier', { supplier: 'mebel-jaya', name: 'CV Mebel Jaya', nib: '9120001234567' })
  l.ok(people.karya, 'registerSupplier', { supplier: 'karya-taman', name: 'PT Karya Taman Nusantara', nib: '8120007654321' })
  l.ok(people.sentosa, 'registerSupplier', { supplier: 'sentosa', name: 'UD Sentosa Abadi', nib: '9120005550001' })
  l.ok(people.officer, 'createPlan', parkBenchPlan(P))
  l.ok(people.officer, 'publishTender', { process: P, title: 'Tender bangku taman 2026', description: 'Tender terbuka', bidDeadline: BID_DEADLINE, revealDeadline: REVEAL_DEADLINE, criteria: parkBenchCriteria })
  return l
}

/** A ledger where Mebel Jaya's bid alone (benches 4.2M, bins 1.0M) was committed, revealed and awarded. */
export function awardedLedger(): ProcurementLedger {
  const l = procurementLedger()
  const a = l.commit(people.mebel, 'mebel-jaya', parkBenchBid(4_200_000, 1_000_000, 30, 60))
  l.jumpTo(BID_DEADLINE)
  l.reveal(people.mebel, a)
  l.jumpTo(REVEAL_DEADLINE)
  l.ok(people.officer, 'award', { process: P })
  return l
}

/**
 * A ledger past the award to Mebel Jaya (benches 4.2M, bins 1.0M: 230M Rupiah), with the
 * purchase order issued and accepted: 30 benches and 20 bins due 2026-12-15, 20 benches due 2026-12-31.
 */
export function contractedLedger(): ProcurementLedger {
  const l = procurementLedger()
  const a = l.commit(people.mebel, 'mebel-jaya', parkBenchBid(4_200_000, 1_000_000, 30, 60))
  const b = l.commit(people.karya, 'karya-taman', parkBenchBid(4_400_000, 1_100_000, 45, 50))
  l.jumpTo(BID_DEADLINE)
  l.reveal(people.mebel, a)
  l.reveal(people.karya, b)
  l.jumpTo(REVEAL_DEADLINE)
  l.ok(people.officer, 'award', { process: P })
  l.ok(people.officer, 'issueContract', {
    process: P,
    milestones: [
      { id: 'tahap-1', title: 'Pengiriman tahap 1', dueDate: '2026-12-15', lines: [{ item: 'bangku', quantity: 30 }, { item: 'tempat-sampah', quantity: 20 }] },
      { id: 'tahap-2', title: 'Pengiriman tahap 2', dueDate: '2026-12-31', lines: [{ item: 'bangku', quantity: 20 }] },
    ],
  })
  l.ok(people.mebel, 'acceptContract', { process: P })
  return l
}

/** Where the shipments go: the city park's depot. */
export const DEPOT = { lat: -6.914744, lon: 107.60981, place: 'Gudang Taman Kota, Jl. Merdeka' }
