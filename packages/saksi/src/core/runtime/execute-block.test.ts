import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { INITIAL_STATE_DIGEST, nextStateDigest } from '../block/block-header.js'
import { encodeEntry } from '../log/entry.js'
import { parseEntry } from '../log/parse-entry.js'
import { KeyPair } from '../keys/key-pair.js'
import { MemoryStateStore } from '../state/memory-state-store.js'
import { signTx } from '../tx/sign-tx.js'
import type { ParsedEnvelope } from '../tx/types.js'
import { createRuntime } from './create-runtime.js'
import { defineContract } from './define-contract.js'
import { executeBlock } from './execute-block.js'
import { anyone } from './policies.js'
import { hashWrites } from './write-set.js'

const counter = defineContract({
  name: 'counter',
  version: 1,
  methods: {
    inc: {
      args: z.strictObject({ name: z.string().regex(/^[a-z]+$/) }),
      allow: anyone,
      run(ctx, { name }) {
        const n = ((ctx.state.get(`n/${name}`) as number | undefined) ?? 0) + 1
        ctx.state.put(`n/${name}`, n)
        ctx.state.put('last', { name, by: ctx.caller, at: ctx.time.iso, index: ctx.index })
        ctx.emit('counter.Incremented', { name, n })
      },
    },
    boom: { args: z.strictObject({}), allow: anyone, run: (ctx) => ctx.fail('COUNTER_BOOM', 'refused on purpose') },
  },
})

const keys = [1, 2].map((i) => KeyPair.fromSeed(new Uint8Array(32).fill(i)))
const TIME = '2026-11-23T18:30:00.000Z'

function tx(i: number, method: string, args: Record<string, string> = {}, contract = 'counter'): ParsedEnvelope {
  return signTx({ network: 'kota-contoh', contract, method, args, nonce: `n${i}`, expiresAt: '2026-11-23T19:00:00.000Z' }, keys[i % 2]!)
}

const TXS = [tx(0, 'inc', { name: 'a' }), tx(1, 'boom'), tx(2, 'inc', { name: 'a' }), tx(3, 'nope'), tx(4, 'inc', { name: 'b' })]

function run(txs = TXS, state = new MemoryStateStore()) {
  const runtime = createRuntime({ contracts: [counter] })
  return executeBlock({ runtime, state, height: 1, time: TIME, firstIndex: 10, txs, prevStateDigest: INITIAL_STATE_DIGEST })
}

describe('executeBlock', () => {
  describe('when a block mixes successful and failed calls', () => {
    it('records every call as a PROTOCOL section 4 entry, failures with their code', () => {
      const out = run()
      expect(out.entries.map((e) => [e.index, e.block, e.time, e.result.status])).toEqual([
        [10, 1, TIME, 'ok'],
        [11, 1, TIME, 'failed'],
        [12, 1, TIME, 'ok'],
        [13, 1, TIME, 'failed'],
        [14, 1, TIME, 'ok'],
      ])
      const failed = out.entries[1]!
      expect(Object.keys(failed).sort()).toEqual(['block', 'index', 'result', 'sig', 'time', 'tx', 'txId', 'v'])
      expect(failed.result).toEqual({ status: 'failed', code: 'COUNTER_BOOM', message: 'refused on purpose', events: [], writes: 'T1PNoYwrqgwDVLtfmj7L5e0Sq02OEbqHPC8RFhICuUU=' })
      expect(out.entries[3]!.result).toMatchObject({ code: 'METHOD_UNKNOWN' })
      expect(out.entries[2]!.result).toMatchObject({ status: 'ok', events: [{ type: 'counter.Incremented', data: { name: 'a', n: 2 } }] })
      expect(failed.txId).toBe(TXS[1]!.txId)
      expect(failed.sig).toBe(TXS[1]!.envelope.sig)
    })
    it('gives entry bytes that are the canonical encoding of each entry', () => {
      const out = run()
      out.entryBytes.forEach((bytes, i) => {
        expect(bytes).toEqual(encodeEntry(out.entries[i]!))
        expect(parseEntry(bytes)).toEqual(out.entries[i])
      })
    })
    it('gives one receipt per entry', () => {
      expect(run().receipts[1]).toEqual({ txId: TXS[1]!.txId, status: 'failed', code: 'COUNTER_BOOM', index: 11, block: 1, time: TIME, events: [] })
    })
  })

  describe('when computing the write set and the state digest', () => {
    it('concatenates each entry’s sorted writes in entry order and chains the digest', () => {
      const out = run()
      expect(out.writes.map((w) => `${w.key}=${JSON.stringify(w.value)}`)).toEqual([
        `last=${JSON.stringify({ name: 'a', by: keys[0]!.did, at: TIME, index: 10 })}`,
        'n/a=1',
        `last=${JSON.stringify({ name: 'a', by: keys[0]!.did, at: TIME, index: 12 })}`,
        'n/a=2',
        `last=${JSON.stringify({ name: 'b', by: keys[0]!.did, at: TIME, index: 14 })}`,
        'n/b=1',
      ])
      expect(out.entries[0]!.result.writes).toBe(Buffer.from(hashWrites(out.writes.slice(0, 2))).toString('base64'))
      expect(out.writeSetHash).toEqual(hashWrites(out.writes))
      expect(out.stateDigest).toEqual(nextStateDigest(INITIAL_STATE_DIGEST, out.writeSetHash))
    })
    it('gives an empty block the hash of "[]"', () => {
      const out = run([])
      expect(out.entries).toEqual([])
      expect(Buffer.from(out.writeSetHash).toString('base64')).toBe('T1PNoYwrqgwDVLtfmj7L5e0Sq02OEbqHPC8RFhICuUU=')
    })
  })

  describe('when run twice from the same state', () => {
    it('produces identical bytes and digests, and leaves the store untouched', () => {
      const state = new MemoryStateStore()
      const a = run(TXS, state)
      expect(state.dump()).toEqual([])
      const b = run(TXS, new MemoryStateStore())
      expect(b.entryBytes).toEqual(a.entryBytes)
      expect(b.stateDigest).toEqual(a.stateDigest)
    })
  })

  describe('when the next block runs on the applied writes', () => {
    it('sees the state the previous block left', () => {
      const state = new MemoryStateStore()
      const first = run(TXS, state)
      state.apply(first.writes)
      const second = executeBlock({
        runtime: createRuntime({ contracts: [counter] }),
        state,
        height: 2,
        time: '2026-11-23T18:30:01.000Z',
        firstIndex: 15,
        txs: [tx(5, 'inc', { name: 'a' })],
        prevStateDigest: first.stateDigest,
      })
      expect(second.entries[0]!.result).toMatchObject({ events: [{ data: { name: 'a', n: 3 } }] })
    })
  })

  describe('when the node built the block wrongly', () => {
    it('throws instead of committing it', () => {
      expect(() => run([TXS[0]!, TXS[0]!])).toThrow(expect.objectContaining({ code: 'BLOCK_DUPLICATE_TX' }))
      const late = signTx({ network: 'kota-contoh', contract: 'counter', method: 'boom', nonce: 'late', expiresAt: TIME }, keys[0]!)
      expect(() => run([late])).toThrow(expect.objectContaining({ code: 'BLOCK_TX_EXPIRED' }))
      const runtime = createRuntime({ contracts: [counter] })
      const base = { runtime, state: new MemoryStateStore(), height: 1, time: TIME, firstIndex: 0, txs: [], prevStateDigest: INITIAL_STATE_DIGEST }
      expect(() => executeBlock({ ...base, time: '2026-11-23 18:30' })).toThrow(expect.objectContaining({ code: 'BLOCK_INVALID' }))
      expect(() => executeBlock({ ...base, firstIndex: -1 })).toThrow(expect.objectContaining({ code: 'BLOCK_INVALID' }))
      expect(() => executeBlock({ ...base, prevStateDigest: new Uint8Array(31) })).toThrow(expect.objectContaining({ code: 'BLOCK_INVALID' }))
    })
  })
})
