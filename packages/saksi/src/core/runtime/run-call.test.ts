import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import type { JsonObject, JsonValue } from '../encoding/json.js'
import { KeyPair } from '../keys/key-pair.js'
import { MemoryStateStore } from '../state/memory-state-store.js'
import { StateOverlay } from '../state/state-overlay.js'
import type { CallContext } from './context.js'
import { createRuntime } from './create-runtime.js'
import { defineContract } from './define-contract.js'
import { anyone, nobody } from './policies.js'

const alice = KeyPair.fromSeed(new Uint8Array(32).fill(1))
const time = { iso: '2026-11-23T18:30:00.000Z', ms: Date.parse('2026-11-23T18:30:00.000Z') }
const Any = z.record(z.string(), z.json())
let kept: CallContext | undefined

const notes = defineContract({
  name: 'notes',
  version: 1,
  methods: {
    put: {
      args: z.strictObject({ key: z.string(), value: z.json() }),
      allow: anyone,
      run(ctx, args) {
        ctx.state.put(args.key, args.value as JsonValue)
        ctx.emit('notes.Put', { key: args.key })
      },
    },
    writeThenFail: {
      args: Any,
      allow: anyone,
      run(ctx) {
        ctx.state.put('a', 1)
        ctx.emit('notes.Put', { key: 'a' })
        ctx.fail('NOTES_REFUSED', 'no')
      },
    },
    swallowFailure: {
      args: Any,
      allow: anyone,
      run(ctx) {
        ctx.state.put('a', 1)
        try {
          ctx.fail('NOTES_REFUSED')
        } catch {
          // a body cannot undo a failure
        }
      },
    },
    swallowBadValue: {
      args: Any,
      allow: anyone,
      run(ctx) {
        try {
          ctx.state.put('a', Number.NaN)
        } catch {
          // nor a refused value
        }
      },
    },
    badValue: {
      args: z.strictObject({ kind: z.string() }),
      allow: anyone,
      run(ctx, args) {
        const values: Record<string, unknown> = { nan: Number.NaN, undef: undefined, date: new Date(0), negzero: -0, big: 2 ** 60, nested: { a: [1, undefined] } }
        ctx.state.put('k', (args.kind === 'null' ? null : values[args.kind]) as JsonValue)
      },
    },
    badKey: { args: Any, allow: anyone, run: (ctx) => ctx.state.put('has space', 1) },
    badEventData: { args: Any, allow: anyone, run: (ctx) => ctx.emit('notes.X', { when: new Date(0) } as unknown as JsonObject) },
    badEventType: { args: Any, allow: anyone, run: (ctx) => ctx.emit('identity.Registered', {}) },
    async: {
      args: Any,
      allow: anyone,
      async run(ctx) {
        ctx.state.put('a', 1)
        await Promise.resolve()
        ctx.state.put('b', 2)
      },
    },
    buggy: {
      args: Any,
      allow: anyone,
      run() {
        const o = undefined as unknown as { x: { y: number } }
        o.x.y = 1
      },
    },
    mutateRead: {
      args: Any,
      allow: anyone,
      run(ctx) {
        const v = ctx.state.get('obj') as { n: number }
        v.n = 2
      },
    },
    keep: {
      args: Any,
      allow: anyone,
      run(ctx) {
        kept = ctx
      },
    },
    badCode: { args: Any, allow: anyone, run: (ctx) => ctx.fail('not-a-code') },
    closed: { args: Any, allow: nobody, run: () => undefined },
    scan: {
      args: Any,
      allow: anyone,
      run(ctx) {
        ctx.state.put('p/b', 'new')
        ctx.state.delete('p/c')
        ctx.emit('notes.Scanned', { keys: ctx.state.range({ prefix: 'p/' }).map((e) => e.key) })
      },
    },
    readOther: {
      args: z.strictObject({ key: z.string() }),
      allow: anyone,
      run(ctx, args) {
        const seen = ctx.view('tags').query('get', { key: args.key })
        ctx.emit('notes.Seen', { seen: seen ?? null, direct: ctx.view('tags').get(args.key) ?? null })
      },
    },
    loop: { args: Any, allow: anyone, run: (ctx) => void ctx.view('tags').query('loop', {}) },
  },
})

const tags = defineContract({
  name: 'tags',
  version: 1,
  methods: { set: { args: z.strictObject({ key: z.string(), tag: z.string() }), allow: anyone, run: (ctx, a) => ctx.state.put(a.key, a.tag) } },
  queries: {
    get: { args: z.strictObject({ key: z.string() }), run: (q, a) => q.state.get(a.key) },
    loop: { args: Any, run: (q) => q.view('tags').query('loop', {}) },
  },
})

function setup() {
  const runtime = createRuntime({ contracts: [notes, tags] })
  const store = new MemoryStateStore()
  const block = new StateOverlay(store)
  let index = 0
  const call = (contract: string, method: string, args: JsonObject = {}, signer = alice) =>
    runtime.call(block, {
      tx: { v: 1, network: 'test', contract, method, args, signer: signer.did, nonce: `n${index}`, expiresAt: '2026-11-23T19:00:00.000Z' },
      txId: index.toString(16).padStart(64, '0'),
      index: index++,
      block: 1,
      time,
    })
  return { runtime, store, block, call }
}

describe('Runtime.call', () => {
  describe('when the body succeeds', () => {
    it('returns its events and sorted writes and folds them into the block state', () => {
      const { block, call } = setup()
      const out = call('notes', 'put', { key: 'k', value: { a: 1 } })
      expect(out).toEqual({ status: 'ok', events: [{ type: 'notes.Put', data: { key: 'k' } }], writes: [{ contract: 'notes', key: 'k', value: { a: 1 } }] })
      expect(block.get('notes', 'k')).toEqual({ a: 1 })
    })
  })

  describe('when the body fails after writing', () => {
    it('keeps no write and no event, and records the code', () => {
      const { block, call } = setup()
      expect(call('notes', 'writeThenFail')).toEqual({ status: 'failed', code: 'NOTES_REFUSED', message: 'no', events: [], writes: [] })
      expect(block.get('notes', 'a')).toBeUndefined()
      expect(block.isEmpty).toBe(true)
    })
    it('stays failed even if the body catches the failure', () => {
      const { block, call } = setup()
      expect(call('notes', 'swallowFailure')).toMatchObject({ status: 'failed', code: 'NOTES_REFUSED' })
      expect(call('notes', 'swallowBadValue')).toMatchObject({ status: 'failed', code: 'NONDETERMINISTIC_VALUE' })
      expect(block.isEmpty).toBe(true)
    })
  })

  describe('when a value JSON cannot represent exactly is put', () => {
    it('fails with NONDETERMINISTIC_VALUE naming the key', () => {
      const { call } = setup()
      for (const kind of ['nan', 'undef', 'date', 'negzero', 'big', 'nested']) {
        const out = call('notes', 'badValue', { kind })
        expect(out, kind).toMatchObject({ status: 'failed', code: 'NONDETERMINISTIC_VALUE' })
        expect(out.status === 'failed' && out.message).toMatch(/state value at k/)
      }
    })
    it('refuses null with STATE_VALUE_INVALID and a bad key with STATE_KEY_INVALID', () => {
      const { call } = setup()
      expect(call('notes', 'badValue', { kind: 'null' })).toMatchObject({ code: 'STATE_VALUE_INVALID' })
      expect(call('notes', 'badKey')).toMatchObject({ code: 'STATE_KEY_INVALID' })
    })
  })

  describe('when an event is malformed', () => {
    it('fails with NONDETERMINISTIC_VALUE for bad data and EVENT_INVALID for a foreign type', () => {
      const { call } = setup()
      expect(call('notes', 'badEventData')).toMatchObject({ code: 'NONDETERMINISTIC_VALUE' })
      expect(call('notes', 'badEventType')).toMatchObject({ code: 'EVENT_INVALID' })
    })
  })

  describe('when the body is async', () => {
    it('fails with NONDETERMINISTIC_ASYNC, keeps nothing, and the late part cannot write', async () => {
      const { block, call } = setup()
      const unhandled = vi.fn()
      process.on('unhandledRejection', unhandled)
      expect(call('notes', 'async')).toMatchObject({ status: 'failed', code: 'NONDETERMINISTIC_ASYNC' })
      await new Promise((r) => setTimeout(r, 10))
      process.off('unhandledRejection', unhandled)
      expect(unhandled).not.toHaveBeenCalled()
      expect(block.isEmpty).toBe(true)
    })
  })

  describe('when the body throws unexpectedly', () => {
    it('fails with CONTRACT_ERROR and a message without engine text', () => {
      const { call } = setup()
      expect(call('notes', 'buggy')).toEqual({
        status: 'failed',
        code: 'CONTRACT_ERROR',
        message: 'notes.buggy threw an unexpected exception (TypeError)',
        events: [],
        writes: [],
      })
    })
    it('treats mutating a value read from state as a bug', () => {
      const { store, call } = setup()
      store.apply([{ contract: 'notes', key: 'obj', value: { n: 1 } }])
      expect(call('notes', 'mutateRead')).toMatchObject({ code: 'CONTRACT_ERROR' })
      expect(store.get('notes', 'obj')).toEqual({ n: 1 })
    })
    it('refuses a malformed failure code', () => {
      expect(setup().call('notes', 'badCode')).toMatchObject({ code: 'CONTRACT_ERROR' })
    })
  })

  describe('when the contract or method does not exist', () => {
    it('fails with CONTRACT_UNKNOWN or METHOD_UNKNOWN', () => {
      const { call } = setup()
      expect(call('nope', 'x')).toMatchObject({ status: 'failed', code: 'CONTRACT_UNKNOWN' })
      for (const m of ['nope', 'constructor', 'toString', 'hasOwnProperty']) expect(call('notes', m)).toMatchObject({ code: 'METHOD_UNKNOWN' })
    })
  })

  describe('when the arguments do not match the schema', () => {
    it('fails with ARGS_INVALID naming the field', () => {
      const { call } = setup()
      expect(call('notes', 'put', { value: 1 })).toMatchObject({ code: 'ARGS_INVALID', message: 'args.key must be a value of type string' })
      expect(call('notes', 'put', { key: 'k', value: 1, extra: true })).toMatchObject({ code: 'ARGS_INVALID', message: 'args has unknown field(s): extra' })
    })
  })

  describe('when the access policy refuses', () => {
    it('fails with its code before the body runs', () => {
      expect(setup().call('notes', 'closed')).toMatchObject({ code: 'ACCESS_DENIED' })
    })
  })

  describe('when calls of one block build on each other', () => {
    it('a range scan sees earlier entries and its own writes, in key order', () => {
      const { block, call } = setup()
      call('notes', 'put', { key: 'p/c', value: 3 })
      call('notes', 'put', { key: 'p/a', value: 1 })
      call('notes', 'put', { key: 'q', value: 0 })
      const out = call('notes', 'scan')
      expect(out).toMatchObject({ status: 'ok', events: [{ data: { keys: ['p/a', 'p/b'] } }] })
      expect(block.writes().map((w) => w.key)).toEqual(['p/a', 'p/b', 'p/c', 'q'])
    })
  })

  describe('when a body reads another contract', () => {
    it('sees its state and queries through a read-only view', () => {
      const { call } = setup()
      call('tags', 'set', { key: 'x', tag: 'red' })
      expect(call('notes', 'readOther', { key: 'x' })).toMatchObject({ events: [{ data: { seen: 'red', direct: 'red' } }] })
    })
    it('fails deterministically when queries recurse', () => {
      expect(setup().call('notes', 'loop')).toMatchObject({ code: 'QUERY_DEPTH_EXCEEDED' })
    })
  })

  describe('when a context is used after its call', () => {
    it('refuses with CONTEXT_CLOSED', () => {
      setup().call('notes', 'keep')
      expect(() => kept!.state.get('a')).toThrow(expect.objectContaining({ code: 'CONTEXT_CLOSED' }))
      expect(() => kept!.state.put('a', 1)).toThrow(expect.objectContaining({ code: 'CONTEXT_CLOSED' }))
      expect(() => kept!.view('tags').get('x')).toThrow(expect.objectContaining({ code: 'CONTEXT_CLOSED' }))
    })
  })
})
