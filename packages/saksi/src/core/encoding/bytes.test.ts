import { describe, expect, it } from 'vitest'
import { bytesEqual, concatBytes, fromUtf8, utf8 } from './bytes.js'

describe('utf8', () => {
  it('encodes one to four bytes per code point', () => {
    expect(Array.from(utf8('aé€😀'))).toEqual([0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80])
  })
})

describe('fromUtf8', () => {
  describe('when the bytes are valid UTF-8', () => {
    it('round-trips with utf8', () => {
      const text = 'Siti Rahayu — 😀 \u0000'
      expect(fromUtf8(utf8(text))).toBe(text)
    })

    it('keeps a byte order mark as U+FEFF instead of dropping it', () => {
      expect(fromUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe('\ufeff{}')
    })
  })

  describe('when the bytes are not valid UTF-8', () => {
    const cases: Array<[string, number[]]> = [
      ['a lone continuation byte', [0x80]],
      ['a truncated two-byte sequence', [0xc3]],
      ['an overlong encoding of "/"', [0xc0, 0xaf]],
      ['an encoded surrogate (CESU-8)', [0xed, 0xa0, 0x80]],
      ['a code point beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
      ['0xFF', [0xff]],
    ]
    for (const [name, bytes] of cases) {
      it(`throws a TypeError on ${name}`, () => {
        expect(() => fromUtf8(Uint8Array.from(bytes))).toThrow(TypeError)
      })
    }
  })
})

describe('concatBytes', () => {
  it('joins the parts in order', () => {
    expect(concatBytes(Uint8Array.from([1]), new Uint8Array(0), Uint8Array.from([2, 3]))).toEqual(Uint8Array.from([1, 2, 3]))
    expect(concatBytes()).toEqual(new Uint8Array(0))
  })
})

describe('bytesEqual', () => {
  it('compares length and content', () => {
    expect(bytesEqual(Uint8Array.from([1, 2]), Uint8Array.from([1, 2]))).toBe(true)
    expect(bytesEqual(Uint8Array.from([1, 2]), Uint8Array.from([1, 3]))).toBe(false)
    expect(bytesEqual(Uint8Array.from([1, 2]), Uint8Array.from([1]))).toBe(false)
    expect(bytesEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true)
  })
})
