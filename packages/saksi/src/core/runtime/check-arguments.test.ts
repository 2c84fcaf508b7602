import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { checkArguments } from './check-arguments.js'
import { defineContract } from './define-contract.js'
import { anyone } from './policies.js'

const notes = defineContract({
  name: 'notes',
  version: 1,
  methods: {
    add: {
      args: z.strictObject({ text: z.string().max(20).optional(), amount: z.number().int().optional() }),
      argsUnderRules: { 1: z.strictObject({ text: z.string().max(20) }) },
      longNumbers: ['amount'],
      allow: anyone,
      run() {},
    },
  },
  screen: (_m, args) => (args.text === 'secret' ? { code: 'NOTES_SECRET', message: 'no secrets' } : undefined),
})
const contracts = new Map([['notes', notes]])
const check = (args: object, rules = 2, method = 'add') => checkArguments(contracts, { contract: 'notes', method, args: args as never }, rules)

describe('checkArguments', () => {
  describe('when the call is malformed', () => {
    it('refuses unknown contracts and methods, and names the field of a schema mismatch', () => {
      expect(checkArguments(contracts, { contract: 'nope', method: 'add', args: {} }, 2)).toMatchObject({ ok: false, refusal: { code: 'CONTRACT_UNKNOWN' } })
      expect(check({}, 2, 'remove')).toMatchObject({ ok: false, refusal: { code: 'METHOD_UNKNOWN' } })
      expect(check({ text: 'x'.repeat(21) })).toMatchObject({ ok: false, refusal: { code: 'ARGS_INVALID', message: expect.stringContaining('args.text'), details: { path: 'args.text' } } })
    })
  })
  describe('when the arguments hold personal data', () => {
    it("refuses with ARGS_PERSONAL_DATA, the contract screen's code as the reason, and spares declared long numbers", () => {
      expect(check({ text: 'secret' })).toMatchObject({ ok: false, refusal: { code: 'ARGS_PERSONAL_DATA', details: { reason: 'NOTES_SECRET' } } })
      expect(check({ text: 'a@mail.example' })).toMatchObject({ ok: false, refusal: { code: 'ARGS_PERSONAL_DATA', details: { path: 'args.text', reason: 'EMAIL_ADDRESS' } } })
      expect(check({ amount: 6281234567890 })).toMatchObject({ ok: true })
    })
  })
  describe('when the rules version has its own schema', () => {
    it('checks against it', () => {
      expect(check({}, 2)).toMatchObject({ ok: true })
      expect(check({}, 1)).toMatchObject({ ok: false, refusal: { code: 'ARGS_INVALID' } })
    })
  })
})
