import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bidCommitment } from '../contract/bid-commitment.js'
import { parkBenchBid, parkBenchCriteria, parkBenchPlan } from '../contract/park-bench-example.js'
import type { Process } from '../contract/records.js'
import { bidProblems, readSealedBid, sealBid, writeSealedBid } from './sealed-bid.js'

let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksi-sealed-'))
})
afterAll(() => rm(root, { recursive: true, force: true }))

const P = 'pertamanan.bangku-2026'
const tender = { ...(parkBenchPlan(P) as unknown as Process), tender: { criteria: parkBenchCriteria } } as unknown as Process

describe('sealed bids on the supplier side', () => {
  describe('when a bid is sealed and kept', () => {
    it('opens its own commitment, is readable by its owner only, and is never written over', async () => {
      const sealed = sealBid(P, 'mebel-jaya', parkBenchBid(4_200_000, 1_000_000, 30, 60))
      expect(sealed.commitment).toBe(bidCommitment({ process: P, supplier: 'mebel-jaya', bid: sealed.bid, salt: sealed.salt }))
      expect(sealBid(P, 'mebel-jaya', sealed.bid).salt).not.toBe(sealed.salt)
      const path = join(root, 'a.json')
      await writeSealedBid(path, sealed)
      expect((await stat(path)).mode & 0o777).toBe(0o600)
      await expect(writeSealedBid(path, sealBid(P, 'mebel-jaya', sealed.bid))).rejects.toThrow(/exists: it may hold the salt of a bid already committed/)
      expect(await readSealedBid(path)).toEqual(sealed)
    })

    it('refuses a file whose bid or salt was changed', async () => {
      const sealed = sealBid(P, 'mebel-jaya', parkBenchBid(4_200_000, 1_000_000, 30, 60))
      const path = join(root, 'b.json')
      await writeFile(path, JSON.stringify({ ...sealed, bid: parkBenchBid(4_100_000, 1_000_000, 30, 60) }))
      await expect(readSealedBid(path)).rejects.toThrow(/was altered/)
      await writeFile(path, JSON.stringify({ ...sealed, salt: 'zz' }))
      await expect(readSealedBid(path)).rejects.toThrow(/salt is not 64 hex digits/)
      await writeFile(path, '{"v":2}')
      await expect(readSealedBid(path)).rejects.toThrow(/not a sealed bid/)
      expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ v: 2 })
    })
  })

  describe('when a bid is checked against the tender', () => {
    it('finds items it cannot reveal, and what the published criteria would rule out', () => {
      expect(bidProblems(tender, parkBenchBid(4_200_000, 1_000_000, 30, 60))).toEqual({ fatal: [], nonCompliance: [] })
      const missing = { ...parkBenchBid(4_200_000, 1_000_000, 30, 60), prices: [{ item: 'bangku', unitPrice: 4_200_000 }] }
      expect(bidProblems(tender, missing).fatal).toEqual(['prices must list each tendered item once: bangku, tempat-sampah'])
      expect(bidProblems(tender, parkBenchBid(4_900_000, 1_000_000, 90, 10, 'imported')).nonCompliance).toHaveLength(4)
    })
  })
})
