import { describe, expect, it } from 'vitest'
import type { ParsedEnvelope } from '../core/tx/types.js'
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

  describe('when a block is being committed', () => {
    it('waits for it and then cuts a bigger block (back-pressure, one block in flight)', async () => {
      const o = new LocalOrderer({ maxBlockTxs: 1000, maxBlockDelayMs: 1 })
      let inFlight = 0
      let maxInFlight = 0
      const sizes: number[] = []
      o.start(async (b) => {
        inFlight++
        maxInFlight = Math.max(maxInFlight, inFlight)
        sizes.push(b.txs.length)
        await new Promise((r) => setTimeout(r, 20))
        inFlight--
      })
      o.submit(tx(0))
      await new Promise((r) => setTimeout(r, 5))
      for (let i = 1; i <= 50; i++) o.submit(tx(i))
      await o.stop()
      expect(maxInFlight).toBe(1)
      expect(sizes).toEqual([1, 50])
      expect(o.queued()).toBe(0)
    })
  })
})
