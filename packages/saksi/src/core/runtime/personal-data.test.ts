import { describe, expect, it } from 'vitest'
import { compileFieldPaths } from './field-paths.js'
import { findPersonalData, hasNikRegion, screenText } from './personal-data.js'

// Synthetic numbers (region 3171 = Jakarta Pusat, 3273 = Kota Bandung); no real person's.
describe('findPersonalData', () => {
  describe('when a NIK is written in any of the ways people write it', () => {
    it('finds it in strings, keys and integers, after NFKC and with separators ignored', () => {
      expect(findPersonalData({ nik: '3171012345678901' })).toEqual({ path: 'args.nik', reason: 'NIK_IN_CLEAR' })
      expect(findPersonalData({ note: 'NIK 3171.0123.4567.8901' })?.reason).toBe('NIK_IN_CLEAR')
      expect(findPersonalData({ note: 'nik 3171 - 0123 - 4567 - 8901' })?.reason).toBe('NIK_IN_CLEAR')
      // Full-width digits (the attack of issue 12) and a zero-width space between groups.
      expect(findPersonalData({ name: '３１７１０１２３４５６７８９０１' })).toEqual({ path: 'args.name', reason: 'NIK_IN_CLEAR' })
      expect(findPersonalData({ name: '3171\u200b012345678901' })?.reason).toBe('NIK_IN_CLEAR')
      expect(findPersonalData({ n: 3273012345678901 })).toEqual({ path: 'args.n', reason: 'NIK_IN_CLEAR' })
      expect(findPersonalData({ a: [{ b: 'x' }, { '3171012345678901': 1 }] })).toEqual({ path: 'args.a[1] (a key)', reason: 'NIK_IN_CLEAR' })
      // Beside other digits: a window of groups that makes 16 digits.
      expect(findPersonalData({ note: 'no 12 3171012345678901' })?.reason).toBe('NIK_IN_CLEAR')
    })
  })

  describe('when the digits are of another script', () => {
    it('reads Arabic-Indic, Persian, Devanagari, Thai and Balinese digits as the ASCII ones', () => {
      const nik = '3171012345678901'
      const inScript = (zero: number) => [...nik].map((d) => String.fromCodePoint(zero + Number(d))).join('')
      // U+0660 Arabic-Indic, U+06F0 Extended Arabic-Indic, U+0966 Devanagari, U+0E50 Thai, U+1B50 Balinese.
      for (const zero of [0x0660, 0x06f0, 0x0966, 0x0e50, 0x1b50]) {
        expect(findPersonalData({ name: inScript(zero) }), zero.toString(16)).toEqual({ path: 'args.name', reason: 'NIK_IN_CLEAR' })
        expect(findPersonalData({ name: `NIK ${inScript(zero).slice(0, 8)}-${nik.slice(8)}` })?.reason, zero.toString(16)).toBe('NIK_IN_CLEAR')
      }
      expect(screenText(`telp ${[...'081234567890'].map((d) => String.fromCodePoint(0x0660 + Number(d))).join('')}`)).toBe('PHONE_NUMBER')
      // Digits of another script that make no NIK stay what they are.
      expect(findPersonalData({ name: 'كتاب ٣ صفحة ١٢' })).toBeUndefined()
    })
  })

  describe('when a mobile number or an e-mail address is in the arguments', () => {
    it('finds 08xx, +62 8xx and 62 8xx forms and addresses', () => {
      for (const phone of ['081234567890', '0812-3456-7890', '0812 3456 789', '+6281234567890', '+62 812-3456-7890', '62 812 3456 7890', 'telp. ０８１２３４５６７８９０']) {
        expect(findPersonalData({ name: phone }), phone).toEqual({ path: 'args.name', reason: 'PHONE_NUMBER' })
      }
      expect(findPersonalData({ n: 6281234567890 })?.reason).toBe('PHONE_NUMBER')
      expect(findPersonalData({ name: 'siti.rahayu+x@mail.example.co.id' })?.reason).toBe('EMAIL_ADDRESS')
      expect(findPersonalData({ name: 'siti＠mail.example' })?.reason).toBe('EMAIL_ADDRESS')
    })
  })

  describe('when digits are not personal data', () => {
    it('finds nothing in times, amounts, coordinates, digests and short numbers', () => {
      for (const v of [
        { at: '2026-11-23T18:30:00.000Z' },
        { when: 'rapat 08-12-2026 10.30 WIB' },
        { amount: 'Rp 1.500.000.000' },
        { n: 150_000_000_000 },
        { lat: '-6.2088123456789012' },
        { short: '317101234567890' },
        { long: '31710123456789012' },
        { region: '0012345678901234' },
        { hash: 'q2Jm7ZBQ1W0r9o0M3Hk8bY2o1nA4Sx6wYpLQe1K1Zx8=' },
        { commitment: 'a3171012345678901b9c0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9d0e1f2' },
        { household: 'hh-3171012345678901abcd' },
        { did: 'did:key:z6MkkDGDaakE3VybygAD4R5Bb2Po5giFhNxGsjfx5tgoV14G' },
        { text: 'a@b', other: '@handle', mail: 'user@localhost' },
      ]) {
        expect(findPersonalData(v), JSON.stringify(v)).toBeUndefined()
      }
    })
  })

  describe('when a field is declared to hold long numbers', () => {
    it('does not search numbers there, still searches addresses, and searches every other field', () => {
      const paths = compileFieldPaths(['reference', 'items.*.amount'])
      expect(findPersonalData({ reference: '3171012345678901' }, paths)).toBeUndefined()
      expect(findPersonalData({ items: [{ amount: 6281234567890 }] }, paths)).toBeUndefined()
      expect(findPersonalData({ reference: 'a@mail.example' }, paths)?.reason).toBe('EMAIL_ADDRESS')
      expect(findPersonalData({ items: [{ note: '3171012345678901' }] }, paths)).toEqual({ path: 'args.items[0].note', reason: 'NIK_IN_CLEAR' })
      expect(findPersonalData({ note: '3171012345678901' }, paths)?.path).toBe('args.note')
    })
  })
})

describe('hasNikRegion', () => {
  describe('when given 16 digits', () => {
    it('accepts a province code with a regency and a district, and refuses others', () => {
      expect(hasNikRegion('3171012345678901')).toBe(true)
      expect(hasNikRegion('9601012345678901')).toBe(true)
      expect(hasNikRegion('2071012345678901')).toBe(false)
      expect(hasNikRegion('3100012345678901')).toBe(false)
      expect(hasNikRegion('3171002345678901')).toBe(false)
    })
  })
})

describe('screenText', () => {
  describe('when numbers are not searched', () => {
    it('still finds an e-mail address', () => {
      expect(screenText('3171012345678901', false)).toBeUndefined()
      expect(screenText('kirim ke a.b@dinas.example.go.id', false)).toBe('EMAIL_ADDRESS')
    })
  })
  describe('when given a long hostile text', () => {
    it('answers in linear time (no backtracking blow-up)', () => {
      expect(screenText(`${'a@'.repeat(20_000)}x`)).toBeUndefined()
      expect(screenText('0 '.repeat(30_000))).toBeUndefined()
      expect(screenText('1 '.repeat(30_000))).toBe('NIK_IN_CLEAR') // sixteen ones: region 11 11 11
    })
  })
})
