import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { anyone, defineMethod } from 'saksi'
import { PROCUREMENT_CODES, type ProcurementContext } from './codes.js'
import { procurement } from './procurement.js'

describe('PROCUREMENT_CODES', () => {
  describe('when the contract is defined', () => {
    it('is the table of the procurement contract, each code of the procurement namespace', () => {
      expect(procurement.codes).toBe(PROCUREMENT_CODES)
      for (const code of Object.keys(PROCUREMENT_CODES)) expect(code).toMatch(/^PROCUREMENT_/)
    })
  })

  describe('when a procurement method fails', () => {
    it('takes only procurement codes and ACCESS_DENIED in ctx.fail (another contract’s code does not compile)', () => {
      const close = (ctx: ProcurementContext, open: boolean) => {
        if (open) ctx.fail('PROCUREMENT_CONTRACT_OPEN')
        ctx.fail('ACCESS_DENIED')
      }
      const m = defineMethod(PROCUREMENT_CODES, {
        args: z.strictObject({}),
        allow: anyone,
        run(ctx) {
          close(ctx, true)
          // @ts-expect-error a welfare code in a procurement method
          ctx.fail('WELFARE_RUN_DONE')
        },
      })
      // @ts-expect-error a runtime code the runtime gives, not the contract
      const wrong = (ctx: ProcurementContext) => ctx.fail('ARGS_INVALID')
      expect(typeof m.run).toBe('function')
      expect(typeof wrong).toBe('function')
    })
  })
})
