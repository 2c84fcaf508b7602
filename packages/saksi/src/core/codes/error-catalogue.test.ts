import { describe, expect, it } from 'vitest'
import { defineCodes } from './define-codes.js'
import { errorCatalogue } from './error-catalogue.js'

const SHOP = defineCodes({
  SHOP_CLOSED: { kind: 'conflict', id: 'Toko sudah tutup.', en: 'the shop is closed' },
  SHOP_NOT_FOUND: { kind: 'not_found', id: 'Toko tidak ditemukan.', en: 'no such shop' },
})
const BANK = defineCodes({ BANK_DOWN: { kind: 'internal', id: 'Bank tidak dapat dihubungi.', en: 'the bank cannot be reached' } })

describe('errorCatalogue', () => {
  describe('when given tables with distinct codes', () => {
    const catalogue = errorCatalogue([SHOP, BANK])

    it('looks each code up, in the order of the tables', () => {
      expect(catalogue.size).toBe(3)
      expect(catalogue.codes()).toEqual(['SHOP_CLOSED', 'SHOP_NOT_FOUND', 'BANK_DOWN'])
      expect(catalogue.get('BANK_DOWN')).toBe(BANK.BANK_DOWN)
      expect(catalogue.kindOf('SHOP_NOT_FOUND')).toBe('not_found')
    })

    it('knows nothing of other codes, nor of object keys', () => {
      for (const code of ['OTHER_CODE', 'constructor', '__proto__', 'toString']) {
        expect(catalogue.get(code)).toBeUndefined()
        expect(catalogue.kindOf(code)).toBeUndefined()
      }
    })
  })

  describe('when two tables declare one code', () => {
    it('throws CODE_TABLE_INVALID', () => {
      const again = defineCodes({ SHOP_CLOSED: { kind: 'validation', id: 'Tutup.', en: 'closed' } })
      expect(() => errorCatalogue([SHOP, again])).toThrow(expect.objectContaining({ code: 'CODE_TABLE_INVALID' }))
    })
  })
})
