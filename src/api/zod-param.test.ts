import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { scopedId } from 'saksi'
import { zodParam } from './param-schemas.js'

describe('zodParam', () => {
  describe('when given a contract’s id schema', () => {
    it('gives the route the same pattern the contract checks, with the description', () => {
      const param = zodParam(scopedId('dinsos.pkh'), 'a programme id')
      expect(param).toEqual({ type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}\\.[a-z0-9][a-z0-9-]{0,39}$', description: 'a programme id' })
      const re = new RegExp(param.pattern!)
      for (const id of ['dinsos.pkh', 'a.b', 'DINSOS.pkh', 'dinsos', 'dinsos.pkh.x']) expect(re.test(id)).toBe(scopedId('x').safeParse(id).success)
    })
  })
  describe('when the schema has length bounds', () => {
    it('keeps them', () => {
      expect(zodParam(z.string().min(2).max(5), 'x')).toMatchObject({ type: 'string', minLength: 2, maxLength: 5 })
    })
  })
})
