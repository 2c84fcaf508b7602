import { describe, expect, it } from 'vitest'
import { defineCodes, type CodeOf } from './define-codes.js'

describe('defineCodes', () => {
  describe('when given a valid table', () => {
    it('returns the same table, frozen, its codes a literal union', () => {
      const table = defineCodes({ SHOP_CLOSED: { kind: 'conflict', id: 'Toko sudah tutup.', en: 'the shop is closed' } })
      const code: CodeOf<typeof table> = 'SHOP_CLOSED'
      expect(table[code]).toEqual({ kind: 'conflict', id: 'Toko sudah tutup.', en: 'the shop is closed' })
      expect(Object.isFrozen(table)).toBe(true)
      expect(Object.isFrozen(table.SHOP_CLOSED)).toBe(true)
      // @ts-expect-error not a code of the table
      const other: CodeOf<typeof table> = 'SHOP_OPEN'
      expect(other).toBe('SHOP_OPEN')
    })
  })

  describe('when given an invalid table', () => {
    it('throws CODE_TABLE_INVALID', () => {
      const bad: unknown[] = [
        { shop_closed: { kind: 'conflict', id: 'Toko tutup.', en: 'closed' } },
        { ['X_' + 'Y'.repeat(63)]: { kind: 'conflict', id: 'Toko tutup.', en: 'closed' } },
        { SHOP_CLOSED: { kind: 'closed', id: 'Toko tutup.', en: 'closed' } },
        { SHOP_CLOSED: { kind: 'conflict', id: ' ', en: 'closed' } },
        { SHOP_CLOSED: { kind: 'conflict', id: 'Toko tutup.' } },
      ]
      for (const table of bad) {
        expect(() => defineCodes(table as Parameters<typeof defineCodes>[0]), JSON.stringify(table)).toThrow(expect.objectContaining({ code: 'CODE_TABLE_INVALID' }))
      }
    })
  })
})
