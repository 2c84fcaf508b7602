import { describe, expect, it } from 'vitest'
import { bidCommitment } from './bid-commitment.js'
import { parkBenchBid, parkBenchCriteria, parkBenchPlan } from './park-bench-example.js'
import type { Process } from './records.js'
import { BID_DEADLINE, P, REVEAL_DEADLINE, people, procurementLedger } from './testing/procurement-fixture.js'

const processOf = (l: ReturnType<typeof procurementLedger>) => (l.q('process', { process: P }) as { process: Process }).process

describe('procurement planning and tender', () => {
  describe('when an officer plans a purchase', () => {
    it('refuses items over budget, repeated items, another agency and a non-officer', () => {
      const l = procurementLedger()
      const plan = parkBenchPlan('pertamanan.lampu-2026')
      expect(l.p(people.officer, 'createPlan', { ...plan, budget: 1_000 })).toMatchObject({ code: 'PROCUREMENT_PLAN_INVALID' })
      const items = (plan.items as object[])
      expect(l.p(people.officer, 'createPlan', { ...plan, items: [items[0], items[0]] } as never)).toMatchObject({ code: 'PROCUREMENT_PLAN_INVALID' })
      expect(l.p(people.officer, 'createPlan', parkBenchPlan('dinas-pu.lampu-2026'))).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(l.p(people.inspector, 'createPlan', plan)).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(l.p(people.officer, 'createPlan', parkBenchPlan(P))).toMatchObject({ code: 'PROCUREMENT_PROCESS_EXISTS' })
    })

    it('publishes the tender with its criteria, and refuses deadlines out of order or weights not adding up to 100', () => {
      const l = procurementLedger()
      expect(processOf(l)).toMatchObject({ stage: 'tender', tender: { bidDeadline: BID_DEADLINE, criteria: parkBenchCriteria } })
      l.ok(people.officer, 'createPlan', parkBenchPlan('pertamanan.lampu-2026'))
      const tender = { process: 'pertamanan.lampu-2026', title: 'T', description: 'D', bidDeadline: REVEAL_DEADLINE, revealDeadline: BID_DEADLINE, criteria: parkBenchCriteria }
      expect(l.p(people.officer, 'publishTender', tender)).toMatchObject({ code: 'PROCUREMENT_TENDER_INVALID' })
      expect(l.p(people.officer, 'publishTender', { ...tender, bidDeadline: '2026-01-01T00:00:00.000Z' })).toMatchObject({ code: 'PROCUREMENT_TENDER_INVALID' })
      const weights = { ...parkBenchCriteria, weights: { price: 70, delivery: 20, localContent: 20 } }
      expect(l.p(people.officer, 'publishTender', { ...tender, bidDeadline: BID_DEADLINE, revealDeadline: REVEAL_DEADLINE, criteria: weights })).toMatchObject({ code: 'PROCUREMENT_TENDER_INVALID' })
    })
  })

  describe('when suppliers bid', () => {
    it('takes only a commitment before the deadline: no price reaches the log, and a bid cannot be changed', () => {
      const l = procurementLedger()
      const sealed = l.commit(people.mebel, 'mebel-jaya', parkBenchBid(4_200_000, 1_000_000, 30, 60))
      const view = l.q('process', { process: P }) as { bids: object[] }
      expect(view.bids).toEqual([expect.objectContaining({ supplier: 'mebel-jaya', commitment: expect.stringMatching(/^[0-9a-f]{64}$/) })])
      expect(JSON.stringify(view)).not.toContain('4200000')
      // The commitment is all the method takes: a bid in clear is refused by its schema.
      expect(l.p(people.karya, 'commitBid', { process: P, supplier: 'karya-taman', commitment: 'a'.repeat(64), bid: sealed.bid as never })).toMatchObject({ code: 'ARGS_INVALID' })
      expect(l.p(people.mebel, 'commitBid', { process: P, supplier: 'mebel-jaya', commitment: 'b'.repeat(64) })).toMatchObject({ code: 'PROCUREMENT_BID_EXISTS' })
    })

    it('refuses a bid after the deadline and a bid signed for another supplier, each as a failed call on the log', () => {
      const l = procurementLedger()
      expect(l.p(people.karya, 'commitBid', { process: P, supplier: 'mebel-jaya', commitment: 'c'.repeat(64) })).toMatchObject({ status: 'failed', code: 'ACCESS_DENIED' })
      l.jumpTo(BID_DEADLINE)
      const late = l.run([{ signer: people.sentosa, method: 'commitBid', contract: 'procurement', args: { process: P, supplier: 'sentosa', commitment: 'd'.repeat(64) } }])
      expect(late.entries[0]!.result).toMatchObject({ status: 'failed', code: 'PROCUREMENT_BID_LATE' })
      // The refused attempt is an entry of the log, with its arguments.
      expect(late.entries[0]!.tx).toMatchObject({ contract: 'procurement', method: 'commitBid' })
    })

    it('refuses reveals before the deadline, that do not match, by another key and after the reveal deadline', () => {
      const l = procurementLedger()
      const a = l.commit(people.mebel, 'mebel-jaya', parkBenchBid(4_200_000, 1_000_000, 30, 60))
      const b = l.commit(people.karya, 'karya-taman', parkBenchBid(4_400_000, 1_100_000, 45, 50))
      expect(l.reveal(people.mebel, a)).toMatchObject({ code: 'PROCUREMENT_TENDER_OPEN' })
      l.jumpTo(BID_DEADLINE)
      expect(l.reveal(people.mebel, { ...a, bid: parkBenchBid(4_100_000, 1_000_000, 30, 60) })).toMatchObject({ code: 'PROCUREMENT_REVEAL_MISMATCH' })
      expect(l.reveal(people.mebel, { ...a, salt: 'e'.repeat(64) })).toMatchObject({ code: 'PROCUREMENT_REVEAL_MISMATCH' })
      expect(l.reveal(people.karya, a)).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(l.reveal(people.mebel, a)).toMatchObject({ status: 'ok' })
      expect(l.reveal(people.mebel, a)).toMatchObject({ code: 'PROCUREMENT_BID_REVEALED' })
      l.jumpTo(REVEAL_DEADLINE)
      expect(l.reveal(people.karya, b)).toMatchObject({ code: 'PROCUREMENT_REVEAL_LATE' })
    })

    it('binds a commitment to its process and supplier: a copied commitment never opens', () => {
      const bid = parkBenchBid(4_200_000, 1_000_000, 30, 60)
      const salt = '1'.repeat(64)
      const own = bidCommitment({ process: P, supplier: 'mebel-jaya', bid, salt })
      expect(bidCommitment({ process: P, supplier: 'karya-taman', bid, salt })).not.toBe(own)
      expect(bidCommitment({ process: 'pertamanan.lain', supplier: 'mebel-jaya', bid, salt })).not.toBe(own)
      expect(bidCommitment({ process: P, supplier: 'mebel-jaya', bid: { ...bid, localContent: 61 }, salt })).not.toBe(own)
    })
  })

  describe('when the officer awards', () => {
    it('applies the published criteria: the best score wins, non-compliant bids are out with reasons, unrevealed bids are listed', () => {
      const l = procurementLedger()
      // Cheapest overall, but imported benches and too little local content: not compliant.
      const cheap = l.commit(people.sentosa, 'sentosa', parkBenchBid(3_900_000, 900_000, 20, 30, 'imported'))
      const mebel = l.commit(people.mebel, 'mebel-jaya', parkBenchBid(4_200_000, 1_000_000, 30, 60))
      l.commit(people.karya, 'karya-taman', parkBenchBid(4_400_000, 1_100_000, 45, 50))
      l.jumpTo(BID_DEADLINE)
      expect(l.p(people.officer, 'award', { process: P })).toMatchObject({ code: 'PROCUREMENT_REVEAL_OPEN' })
      l.reveal(people.sentosa, cheap)
      l.reveal(people.mebel, mebel)
      l.jumpTo(REVEAL_DEADLINE)
      expect(l.p(people.inspector, 'award', { process: P })).toMatchObject({ code: 'ACCESS_DENIED' })
      const r = l.ok(people.officer, 'award', { process: P })
      expect(r.events[0]).toMatchObject({ type: 'procurement.Awarded', data: { supplier: 'mebel-jaya', total: 230_000_000 } })
      const award = processOf(l).award!
      expect(award).toMatchObject({ supplier: 'mebel-jaya', unrevealed: ['karya-taman'], reasons: { id: expect.stringContaining('Skor tertinggi'), en: expect.stringContaining('highest score') } })
      expect(award.ranking[0]).toMatchObject({ supplier: 'mebel-jaya', compliant: true, rank: 1, score: 700_000 + 200_000 + 60_000 })
      expect(award.ranking[1]).toMatchObject({ supplier: 'sentosa', compliant: false })
      expect(award.ranking[1]!.reasons.map((x) => x.en)).toEqual(['bangku must be made in Indonesia', 'Local content of 30% is below the required 40%'])
      expect(processOf(l).stage).toBe('awarded')
      expect(l.p(people.officer, 'award', { process: P })).toMatchObject({ code: 'PROCUREMENT_STAGE_INVALID' })
    })

    it('weighs price against delivery and local content, deterministically', () => {
      const l = procurementLedger()
      const a = l.commit(people.mebel, 'mebel-jaya', parkBenchBid(4_200_000, 1_000_000, 60, 40))
      const b = l.commit(people.karya, 'karya-taman', parkBenchBid(4_400_000, 1_100_000, 15, 90))
      l.jumpTo(BID_DEADLINE)
      l.reveal(people.mebel, a)
      l.reveal(people.karya, b)
      l.jumpTo(REVEAL_DEADLINE)
      l.ok(people.officer, 'award', { process: P })
      // karya: price 70% × 230/242 = 665,289; delivery 200,000; local 90,000 = 955,289.
      // mebel: price 700,000; delivery 20% × 15/60 = 50,000; local 40,000 = 790,000.
      const ranking = processOf(l).award!.ranking
      expect(ranking.map((r) => [r.supplier, r.score])).toEqual([['karya-taman', 955_289], ['mebel-jaya', 790_000]])
    })

    it('makes the tender unsuccessful when no revealed bid complies', () => {
      const l = procurementLedger()
      const a = l.commit(people.mebel, 'mebel-jaya', parkBenchBid(5_000_000, 1_000_000, 30, 60))
      l.jumpTo(BID_DEADLINE)
      l.reveal(people.mebel, a)
      l.jumpTo(REVEAL_DEADLINE)
      expect(l.ok(people.officer, 'award', { process: P }).events[0]!.type).toBe('procurement.TenderUnsuccessful')
      expect(processOf(l).stage).toBe('unsuccessful')
    })
  })
})
