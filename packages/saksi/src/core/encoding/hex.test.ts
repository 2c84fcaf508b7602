import { describe, expect, it } from 'vitest'
import { fromHex, toHex } from './hex.js'
import { codeOf } from '../../../../../test/support/code-of.js'

describe('toHex', () => {
  it('writes two lowercase digits per byte', () => {
    expect(toHex(Uint8Array.from([0x00, 0x0f, 0xa0, 0xff]))).toBe('000fa0ff')
    expect(toHex(new Uint8Array(0))).toBe('')
  })
})

describe('fromHex', () => {
  describe('when the text is lowercase hex', () => {
    it('round-trips every byte value', () => {
      const all = Uint8Array.from({ length: 256 }, (_, i) => i)
      expect(fromHex(toHex(all))).toEqual(all)
    })

    it('checks the length when one is asked for', () => {
      expect(fromHex('00ff', 2)).toEqual(Uint8Array.from([0, 255]))
    })
  })

  describe('when the text is not lowercase hex', () => {
    const cases: Array<[string, unknown]> = [
      ['uppercase digits', 'ABCD'],
      ['mixed case', 'aBcd'],
      ['an odd length', 'abc'],
      ['a 0x prefix', '0xab'],
      ['a non-hex letter', 'zz'],
      ['a space', 'ab cd'],
      ['a trailing newline', 'abcd\n'],
      ['a sign', '-1'],
      ['a number', 1234],
      ['null', null],
    ]
    for (const [name, text] of cases) {
      it(`refuses ${name} with HEX_INVALID`, () => {
        expect(codeOf(() => fromHex(text as string))).toBe('HEX_INVALID')
      })
    }

    it('refuses the wrong length with HEX_WRONG_LENGTH', () => {
      expect(codeOf(() => fromHex('abcd', 32))).toBe('HEX_WRONG_LENGTH')
      expect(codeOf(() => fromHex('', 1))).toBe('HEX_WRONG_LENGTH')
    })
  })
})
