import { describe, expect, it } from 'vitest'
import type { ParsedEnvelope } from '../../packages/saksi/src/core/tx/types.js'
import { LocalOrderer } from './local-orderer.js'
import type { OrderedBatch } from './orderer.js'

const tx = (i: number) => ({ txId: `tx${i}` }) as unknown as ParsedEnvelope

function collect(orderer: LocalOrderer, delayMs = 0) {
  const batches: OrderedBatch[] = []
  orderer.start(async (b) => {
    batches.push(b)
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs))
  })
  return batches
}

describe('LocalOrderer', () => {
  describe('when transactions trickle in', () => {
    it('cuts a block after maxBlockDelayMs with everything that arrived', async () => {
      const o = new LocalOrderer({ maxBlockTxs: 100, maxBlockDelayMs: 20 })
      const batches = collect(o)
      o.submit(tx(1))
      o.submit(tx(2))
      expect(batches).toHaveLength(0)
      await new Promise((r) => setTimeout(r, 60))
      expect(batches.map((b) => b.txs.map((t) => t.txId))).toEqual([['tx1', 'tx2']])
    })
  })

  describe('when the queue reaches maxBlockTxs', () => {
    it('cuts at once, in admission order, and never more than maxBlockTxs per block', async () => {
      const o = new LocalOrderer({ maxBlockTxs: 3, maxBlockDelayMs: 1000 })
      const batches = collect(o, 5)
      for (let i = 0; i < 8; i++) o.submit(tx(i))
      await o.stop()
      expect(batches.map((b) => b.txs.length).every((n) => n <= 3)).toBe(true)
      expect(batches.flatMap((b) => b.txs.map((t) => t.txId))).toEqual(Array.from({ length: 8 }, (_, i) => `tx${i}`))
    })
  })

  describe('when the clock goes backwards', () => {
    it('never hands out an earlier block time', async () => {
      let clock = 10_000
      const o = new LocalOrderer({ maxBlockTxs: 1, now: () => clock })
      const batches = collect(o)
      o.submit(tx(1))
      await new Promise((r) => setTimeout(r, 5))
      clock = 5_000
      o.submit(tx(2))
      await o.stop()
      expect(batches.map((b) => b.time)).toEqual(['1970-01-01T00:00:10.000Z', '1970-01-01T00:00:10.000Z'])
    })
  })

  describe('when blocks are being committed', () => {
    const run = async (maxInFlight: number): Promise<{ sizes: number[]; most: number }> => {
      const o = new LocalOrderer({ maxBlockTxs: 1000, maxBlockDelayMs: 1, maxInFlight })
      let inFlight = 0
      let most = 0
      const sizes: number[] = []
      o.start(async (b) => {
        inFlight++
        most = Math.max(most, inFlight)
        sizes.push(b.txs.length)
        await new Promise((r) => setTimeout(r, 40))
        inFlight--
      })
      o.submit(tx(0))
      await new Promise((r) => setTimeout(r, 10))
      for (let i = 1; i <= 10; i++) o.submit(tx(i))
      await new Promise((r) => setTimeout(r, 10))
      for (let i = 11; i <= 60; i++) o.submit(tx(i))
      await o.stop()
      expect(o.queued()).toBe(0)
      return { sizes, most }
    }

    it('hands over the next block while one is in flight, and holds the rest until one finishes (two in flight by default)', async () => {
      expect(await run(2)).toEqual({ sizes: [1, 10, 50], most: 2 })
    })

    it('with one block in flight, waits for it and then cuts a bigger block', async () => {
      expect(await run(1)).toEqual({ sizes: [1, 60], most: 1 })
    })
  })
})
