import { describe, expect, it } from 'vitest'
import { AuthorizationError, ConflictError, NotFoundError, SaksiError, StorageError, ValidationError, VerificationError } from '../errors.js'
import { codedError, errorOfKind } from './coded-error.js'
import { defineCodes } from './define-codes.js'

describe('errorOfKind', () => {
  describe('when given each kind', () => {
    it('builds the error of the class the kind calls for', () => {
      const cases = [
        ['validation', ValidationError],
        ['authorization', AuthorizationError],
        ['not_found', NotFoundError],
        ['conflict', ConflictError],
        ['verification', VerificationError],
        ['storage', StorageError],
        ['internal', SaksiError],
      ] as const
      for (const [kind, cls] of cases) {
        const e = errorOfKind(kind, 'A_CODE', 'm', { n: 1 })
        expect(e, kind).toBeInstanceOf(cls)
        expect(e).toMatchObject({ code: 'A_CODE', kind, message: 'm', details: { n: 1 } })
      }
    })
  })
})

describe('codedError', () => {
  const SHOP = defineCodes({ SHOP_CLOSED: { kind: 'conflict', id: 'Toko sudah tutup.', en: 'the shop is closed' } })

  describe('when given a code of the table', () => {
    it('builds the error of its kind, with the English message by default', () => {
      expect(codedError(SHOP, 'SHOP_CLOSED')).toMatchObject({ code: 'SHOP_CLOSED', kind: 'conflict', message: 'the shop is closed' })
      expect(codedError(SHOP, 'SHOP_CLOSED', 'closed at five').message).toBe('closed at five')
    })
  })
})
