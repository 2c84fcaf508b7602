import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { KeyPair } from '../keys/key-pair.js'
import { MemoryStateStore } from '../state/memory-state-store.js'
import { StateOverlay } from '../state/state-overlay.js'
import { createRuntime } from './create-runtime.js'
import { defineContract } from './define-contract.js'
import { DEFAULT_EXECUTION_LIMITS, type ExecutionLimits } from './execution-limits.js'
import { anyone } from './policies.js'

const alice = KeyPair.fromSeed(new Uint8Array(32).fill(3))
const time = { iso: '2026-11-23T18:30:00.000Z', ms: Date.parse('2026-11-23T18:30:00.000Z') }
const N = z.strictObject({ n: z.number().int() })

// Each method does `n` units of one kind of work, so a test can put a call just under or just over a limit.
const heavy = defineContract({
  name: 'heavy',
  version: 1,
  methods: {
    reads: { args: N, allow: anyone, run: (ctx, a) => void Array.from({ length: a.n }, (_, i) => ctx.state.get(`k/${i}`)) },
    scan: { args: N, allow: anyone, run: (ctx, a) => ctx.emit('heavy.Scanned', { found: ctx.state.range({ prefix: 'k/', limit: a.n }).length }) },
    scanAll: { args: N, allow: anyone, run: (ctx) => ctx.emit('heavy.Scanned', { found: ctx.state.range({ prefix: 'k/' }).length }) },
    writes: { args: N, allow: anyone, run: (ctx, a) => Array.from({ length: a.n }, (_, i) => ctx.state.put(`w/${i}`, i)) },
    big: { args: N, allow: anyone, run: (ctx, a) => ctx.state.put('big', 'é'.repeat(a.n)) },
    events: { args: N, allow: anyone, run: (ctx, a) => Array.from({ length: a.n }, () => ctx.emit('heavy.Done', {})) },
    steps: { args: N, allow: anyone, run: (ctx, a) => ctx.budget.logicSteps(a.n) },
    swallow: {
      args: N,
      allow: anyone,
      run(ctx, a) {
        try {
          for (let i = 0; i < a.n; i++) ctx.state.get(`k/${i}`)
        } catch {
          // a body cannot undo a limit crossed
        }
      },
    },
    viaQuery: { args: N, allow: anyone, run: (ctx, a) => void ctx.view('heavy').query('count', { n: a.n }) },
  },
  queries: {
    count: { args: N, run: (q, a) => Array.from({ length: a.n }, (_, i) => q.state.get(`k/${i}`)).length },
  },
})

const limits: ExecutionLimits = { stateReads: 10, bytesRead: 1000, stateWrites: 5, bytesWritten: 100, logicSteps: 50, events: 3, eventBytes: 200 }

function call(method: string, n: number, l: ExecutionLimits | 'none' = limits) {
  const runtime = createRuntime({ contracts: [heavy], limits: l === 'none' ? undefined : l })
  const store = new MemoryStateStore()
  store.apply(Array.from({ length: 20 }, (_, i) => ({ contract: 'heavy', key: `k/${i}`, value: i })))
  const block = new StateOverlay(store)
  const tx = { v: 1 as const, network: 'n', contract: 'heavy', method, args: { n }, signer: alice.did, nonce: 'x', expiresAt: '2026-11-23T19:00:00.000Z' }
  return { outcome: runtime.call(block, { tx, txId: 'ab', index: 0, block: 1, time }), block }
}

describe('Runtime.call', () => {
  describe('when the network has execution limits', () => {
    it.each([
      ['reads', 10, 11, 'stateReads'],
      ['writes', 5, 6, 'stateWrites'],
      ['big', 40, 60, 'bytesWritten'],
      ['events', 3, 4, 'events'],
      ['steps', 50, 51, 'logicSteps'],
      ['viaQuery', 9, 11, 'stateReads'],
    ])('runs %s within the limit and fails it with EXECUTION_LIMIT one step over', (method, within, over, resource) => {
      expect(call(method, within).outcome.status).toBe('ok')
      const failed = call(method, over)
      expect(failed.outcome).toMatchObject({ status: 'failed', code: 'EXECUTION_LIMIT', events: [], writes: [] })
      expect((failed.outcome as { message: string }).message).toContain(resource)
      expect(failed.block.writes()).toEqual([])
    })

    it('counts every entry a range returns, and stops a scan one entry past the reads left', () => {
      expect(call('scan', 9).outcome.status).toBe('ok')
      expect(call('scan', 11).outcome).toMatchObject({ code: 'EXECUTION_LIMIT' })
      expect(call('scanAll', 0).outcome).toMatchObject({ code: 'EXECUTION_LIMIT' })
    })

    it('counts bytes read as UTF-8 of keys and JSON values', () => {
      expect(call('reads', 10, { ...limits, bytesRead: 39 }).outcome).toMatchObject({ code: 'EXECUTION_LIMIT', message: expect.stringContaining('bytesRead') })
      // k/0..k/9 (3 bytes each) and 0..9 (1 byte each): 40 bytes.
      expect(call('reads', 10, { ...limits, bytesRead: 40 }).outcome.status).toBe('ok')
    })

    it('keeps the failure even when the body catches it', () => {
      expect(call('swallow', 15).outcome).toMatchObject({ status: 'failed', code: 'EXECUTION_LIMIT' })
    })

    it('refuses a charge that is not a non-negative integer', () => {
      expect(call('steps', -1).outcome).toMatchObject({ status: 'failed', code: 'CONTRACT_ERROR' })
    })

    it('fails the same call with the same message every time', () => {
      expect(call('reads', 11).outcome).toEqual(call('reads', 11).outcome)
    })
  })

  describe('when the network has no execution limits (a genesis written before them)', () => {
    it('runs every call without a budget', () => {
      for (const method of ['reads', 'writes', 'events', 'steps', 'scanAll']) expect(call(method, 1000, 'none').outcome.status).toBe('ok')
    })
  })
})

describe('createRuntime', () => {
  describe('when the limits are malformed', () => {
    it('refuses them with RUNTIME_CONFIG_INVALID', () => {
      expect(() => createRuntime({ contracts: [heavy], limits: { ...DEFAULT_EXECUTION_LIMITS, events: 0 } })).toThrow(expect.objectContaining({ code: 'RUNTIME_CONFIG_INVALID' }))
    })
  })
})
