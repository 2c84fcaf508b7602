import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineCodes } from '../codes/define-codes.js'
import { defineContract, defineMethod } from './define-contract.js'
import { anyone } from './policies.js'
import type { Policy } from './policy.js'

const ok = { args: z.strictObject({}), allow: anyone, run: () => undefined }

describe('defineContract', () => {
  describe('when the definition is valid', () => {
    it('returns an immutable contract with Map lookups', () => {
      const c = defineContract({ name: 'c', version: 1, methods: { m: ok } })
      expect(Object.isFrozen(c)).toBe(true)
      expect(c.methods.get('m')?.allow).toBe(anyone)
      expect(c.methods.get('constructor')).toBeUndefined()
      expect(c.queries.size).toBe(0)
    })
    it('keeps a method\'s own maxArgsBytes', () => {
      expect(defineContract({ name: 'c', version: 1, methods: { m: { ...ok, maxArgsBytes: 40_000 } } }).methods.get('m')?.maxArgsBytes).toBe(40_000)
    })
  })
  describe('when the definition is invalid', () => {
    it('throws CONTRACT_DEFINITION_INVALID', () => {
      const bad: unknown[] = [
        { name: 'has space', version: 1, methods: {} },
        { name: 'c', version: 0, methods: {} },
        { name: 'c', version: 1, methods: { 'bad name': ok } },
        { name: 'c', version: 1, methods: { m: { ...ok, args: {} } } },
        { name: 'c', version: 1, methods: { m: { ...ok, allow: () => true } } },
        { name: 'c', version: 1, methods: { m: { ...ok, allow: undefined as unknown as Policy } } },
        { name: 'c', version: 1, methods: { m: { ...ok, run: 1 } } },
        { name: 'c', version: 1, methods: { m: { ...ok, maxArgsBytes: 1 } } },
        { name: 'c', version: 1, methods: { m: { ...ok, maxArgsBytes: 1.5 } } },
        { name: 'c', version: 1, methods: {}, queries: { q: { args: z.object({}) } } },
        { name: 'c', version: 1, methods: {}, genesis: 'x' },
        { name: 'c', version: 1, methods: {}, codes: 'x' },
      ]
      for (const def of bad) {
        expect(() => defineContract(def as Parameters<typeof defineContract>[0]), JSON.stringify(def)).toThrow(
          expect.objectContaining({ code: 'CONTRACT_DEFINITION_INVALID' }),
        )
      }
    })
  })

  describe('when given a code table', () => {
    const GUEST = defineCodes({ GUEST_FULL: { kind: 'conflict', id: 'Buku tamu sudah penuh.', en: 'the guestbook is full' } })
    const SHOP = defineCodes({ SHOP_CLOSED: { kind: 'conflict', id: 'Toko sudah tutup.', en: 'the shop is closed' } })
    const sign = defineMethod(GUEST, {
      args: z.strictObject({}),
      allow: anyone,
      run(ctx) {
        ctx.fail('GUEST_FULL')
      },
    })
    const buy = defineMethod(SHOP, { args: z.strictObject({}), allow: anyone, run: (ctx) => ctx.fail('SHOP_CLOSED') })

    it('keeps the table on the contract', () => {
      expect(defineContract({ name: 'guestbook', version: 1, codes: GUEST, methods: { sign } }).codes).toBe(GUEST)
      expect(defineContract({ name: 'c', version: 1, methods: { m: ok } }).codes).toBeUndefined()
    })

    it("takes in ctx.fail only the table's codes and ACCESS_DENIED (a type error otherwise)", () => {
      const c = defineContract({
        name: 'guestbook',
        version: 1,
        codes: GUEST,
        methods: {
          sign,
          // @ts-expect-error a method that fails with another table's codes
          buy,
          inline: {
            args: z.strictObject({}),
            allow: anyone,
            run(ctx) {
              if (ctx.caller === 'did:key:z') ctx.fail('ACCESS_DENIED')
              // @ts-expect-error a code of another contract's table
              ctx.fail('SHOP_CLOSED')
            },
          },
        },
        screen: () => ({ code: 'GUEST_FULL', message: 'full' }),
      })
      defineContract({
        name: 'guestbook',
        version: 1,
        codes: GUEST,
        methods: { sign },
        // @ts-expect-error a screen refuses with the table's codes only
        screen: () => ({ code: 'SHOP_CLOSED', message: 'closed' }),
      })
      // The check is the compiler's: at run time the contract is built as given.
      expect([...c.methods.keys()]).toEqual(['sign', 'buy', 'inline'])
    })
  })
})
