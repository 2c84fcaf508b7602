import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { JsonValue } from '../encoding/json.js'
import { KeyPair } from '../keys/key-pair.js'
import { MemoryStateStore } from '../state/memory-state-store.js'
import { StateOverlay } from '../state/state-overlay.js'
import { createRuntime } from './create-runtime.js'
import { defineContract } from './define-contract.js'
import { EMPTY_DIRECTORY } from './directory.js'
import { anyOf, anyone, role, verifiedCitizen } from './policies.js'
import { definePolicy } from './policy.js'

const dead = KeyPair.fromSeed(new Uint8Array(32).fill(9))
const live = KeyPair.fromSeed(new Uint8Array(32).fill(8))

// A minimal directory contract: key status and roles stored as plain keys.
const people = defineContract({
  name: 'people',
  version: 1,
  methods: { noop: { args: z.strictObject({}), allow: anyone, run: () => undefined } },
  directory: (view) => ({
    ...EMPTY_DIRECTORY,
    keyRefusal: (did) => (view.get(`revoked/${did}`) ? { code: 'PEOPLE_KEY_REVOKED', message: 'revoked' } : undefined),
    citizenStatus: (did) => (view.get(`citizen/${did}`) === true ? 'verified' : undefined),
    hasRole: (did, r) => view.get(`role/${did}/${r}`) === true,
  }),
})

const shop = defineContract({
  name: 'shop',
  version: 2,
  methods: {
    sell: { args: z.strictObject({}), allow: role('shop.seller'), run: (ctx) => ctx.state.put('sold', ctx.caller) },
  },
  queries: {
    sold: { args: z.strictObject({}), run: (q) => q.state.get('sold') },
    price: { args: z.strictObject({ item: z.string().min(1) }), run: (_q, a) => ({ item: a.item, price: 100 }) },
    async: { args: z.strictObject({}), run: (() => Promise.resolve(1)) as unknown as () => JsonValue },
    bad: { args: z.strictObject({}), run: () => ({ at: new Date(0) }) as unknown as JsonValue },
    buggy: { args: z.strictObject({}), run: () => (null as unknown as { x: JsonValue }).x },
  },
})

function call(method: string, signer: KeyPair, state: StateOverlay) {
  const runtime = createRuntime({ contracts: [people, shop] })
  return runtime.call(state, {
    tx: { v: 1, network: 't', contract: 'shop', method, args: {}, signer: signer.did, nonce: 'n', expiresAt: '2026-01-01T00:00:00.000Z' },
    txId: '00'.repeat(32),
    index: 0,
    block: 1,
    time: { iso: '2025-12-31T00:00:00.000Z', ms: 0 },
  })
}

describe('createRuntime', () => {
  describe('when contracts are installed', () => {
    it('describes them sorted by name', () => {
      expect(createRuntime({ contracts: [shop, people] }).describe()).toEqual([
        { name: 'people', version: 1, methods: ['noop'], queries: [] },
        { name: 'shop', version: 2, methods: ['sell'], queries: ['async', 'bad', 'buggy', 'price', 'sold'] },
      ])
    })
    it('refuses duplicates and a second directory', () => {
      expect(() => createRuntime({ contracts: [shop, shop] })).toThrow(expect.objectContaining({ code: 'RUNTIME_CONFIG_INVALID' }))
      expect(() => createRuntime({ contracts: [people, { ...people, name: 'people2' }] })).toThrow(/provide a directory/)
    })
  })

  describe('when a policy asks the directory', () => {
    it('reads the directory contract’s state, and a revoked key is refused before anything else', () => {
      const store = new MemoryStateStore()
      store.apply([
        { contract: 'people', key: `role/${live.did}/shop.seller`, value: true },
        { contract: 'people', key: `role/${dead.did}/shop.seller`, value: true },
        { contract: 'people', key: `revoked/${dead.did}`, value: true },
      ])
      const state = new StateOverlay(store)
      expect(call('sell', dead, state)).toMatchObject({ status: 'failed', code: 'PEOPLE_KEY_REVOKED' })
      expect(call('sell', live, state)).toMatchObject({ status: 'ok' })
      const stranger = KeyPair.fromSeed(new Uint8Array(32).fill(7))
      expect(call('sell', stranger, state)).toMatchObject({ status: 'failed', code: 'ACCESS_DENIED' })
    })
  })
})

describe('Runtime.query', () => {
  const runtime = createRuntime({ contracts: [people, shop] })
  const store = new MemoryStateStore()
  store.apply([{ contract: 'shop', key: 'sold', value: { to: 'x' } }])

  describe('when the query exists and its arguments are valid', () => {
    it('answers from the given state, frozen', () => {
      const sold = runtime.query(store, 'shop', 'sold')
      expect(sold).toEqual({ to: 'x' })
      expect(Object.isFrozen(sold)).toBe(true)
      expect(runtime.query(store, 'shop', 'price', { item: 'bench' })).toEqual({ item: 'bench', price: 100 })
    })
  })
  describe('when the contract, the query or the arguments are wrong', () => {
    it('throws coded errors with HTTP-friendly kinds', () => {
      expect(() => runtime.query(store, 'nope', 'x')).toThrow(expect.objectContaining({ code: 'CONTRACT_UNKNOWN', kind: 'not_found' }))
      expect(() => runtime.query(store, 'shop', 'toString')).toThrow(expect.objectContaining({ code: 'QUERY_UNKNOWN', kind: 'not_found' }))
      expect(() => runtime.query(store, 'shop', 'price', { item: '' })).toThrow(
        expect.objectContaining({ code: 'ARGS_INVALID', kind: 'validation', message: 'args.item must have at least 1 character(s)' }),
      )
    })
  })
  describe('when the query body misbehaves', () => {
    it('throws NONDETERMINISTIC_ASYNC, NONDETERMINISTIC_VALUE or CONTRACT_ERROR', () => {
      expect(() => runtime.query(store, 'shop', 'async')).toThrow(expect.objectContaining({ code: 'NONDETERMINISTIC_ASYNC', kind: 'internal' }))
      expect(() => runtime.query(store, 'shop', 'bad')).toThrow(expect.objectContaining({ code: 'NONDETERMINISTIC_VALUE' }))
      expect(() => runtime.query(store, 'shop', 'buggy')).toThrow(expect.objectContaining({ code: 'CONTRACT_ERROR' }))
    })
  })
})

describe('Runtime.screen', () => {
  describe('when the contract screens its arguments', () => {
    it('returns its refusal, for the node to refuse at admission', () => {
      const guarded = defineContract({
        name: 'guarded',
        version: 1,
        methods: { m: { args: z.strictObject({}), allow: anyone, run: () => undefined } },
        screen: (_m, args) => ('secret' in args ? { code: 'GUARDED_SECRET', message: 'no secrets' } : undefined),
      })
      const runtime = createRuntime({ contracts: [guarded] })
      expect(runtime.screen({ contract: 'guarded', method: 'm', args: { secret: 1 } })).toEqual({ code: 'GUARDED_SECRET', message: 'no secrets' })
      expect(runtime.screen({ contract: 'guarded', method: 'm', args: {} })).toBeUndefined()
      expect(runtime.screen({ contract: 'other', method: 'm', args: { secret: 1 } })).toBeUndefined()
    })
  })
})

describe('Runtime.authorize', () => {
  const runtime = createRuntime({ contracts: [people, shop] })
  const citizen = KeyPair.fromSeed(new Uint8Array(32).fill(6))
  const store = new MemoryStateStore()
  store.apply([
    { contract: 'people', key: `role/${live.did}/shop.seller`, value: true },
    { contract: 'people', key: `citizen/${citizen.did}`, value: true },
    { contract: 'people', key: `revoked/${dead.did}`, value: true },
  ])
  const time = { iso: '2026-11-23T18:30:00.000Z', ms: Date.parse('2026-11-23T18:30:00.000Z') }
  const request = (caller: KeyPair) => ({ caller: caller.did, contract: 'shop', method: 'deposit', args: { records: [] }, time })

  describe('when the policy allows the request', () => {
    it('answers undefined, with the directory of committed state', () => {
      const sellerOrCitizen = anyOf(role('shop.seller'), verifiedCitizen)
      expect(runtime.authorize(store, sellerOrCitizen, request(live))).toBeUndefined()
      expect(runtime.authorize(store, sellerOrCitizen, request(citizen))).toBeUndefined()
    })

    it('gives the policy the request as a method call', () => {
      const seen: unknown[] = []
      const spy = definePolicy('spy', (ctx) => void seen.push({ caller: ctx.caller, contract: ctx.contract, method: ctx.method, args: ctx.args, time: ctx.time }))
      runtime.authorize(store, spy, request(live))
      expect(seen).toEqual([request(live)])
    })
  })

  describe('when the policy refuses the request', () => {
    it("answers the policy's refusal, leaving a refused key to the policy", () => {
      expect(runtime.authorize(store, role('shop.seller'), request(citizen))).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(runtime.authorize(store, verifiedCitizen, request(dead))).toMatchObject({ code: 'CITIZEN_NOT_REGISTERED' })
      expect(runtime.authorize(store, anyone, request(dead))).toBeUndefined()
    })
  })

  describe('when the policy misbehaves', () => {
    it('throws CONTRACT_ERROR (internal) for a failed view or an unexpected exception', () => {
      const viewsNothing = definePolicy('viewsNothing', (ctx) => (ctx.view('nowhere'), undefined))
      const throws = definePolicy('throws', () => {
        throw new TypeError('x is undefined')
      })
      for (const p of [viewsNothing, throws]) {
        expect(() => runtime.authorize(store, p, request(live)), p.describe).toThrow(expect.objectContaining({ code: 'CONTRACT_ERROR', kind: 'internal' }))
      }
    })
  })
})
