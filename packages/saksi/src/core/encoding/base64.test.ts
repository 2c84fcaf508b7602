import { base64 as scureBase64, base64urlnopad as scureBase64Url } from '@scure/base'
import { describe, expect, it } from 'vitest'
import { ValidationError } from '../errors.js'
import { utf8 } from './bytes.js'
import { fromBase64, fromBase64Url, toBase64, toBase64Url } from './base64.js'
import { codeOf } from '../../../../../test/support/code-of.js'

/** Reference rule for canonical base64: @scure/base decodes it and re-encodes the very same text. */
function scureCanonical(codec: typeof scureBase64, text: string): Uint8Array | undefined {
  try {
    const bytes = codec.decode(text)
    return codec.encode(bytes) === text ? bytes : undefined
  } catch {
    return undefined
  }
}

/** Seeded random texts near base64: mostly alphabet characters, sometimes padding or junk. */
function* nearBase64Texts(seed: number, count: number): Generator<string> {
  let state = seed
  const next = (n: number): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state % n
  }
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_= \n\u00e9'
  for (let i = 0; i < count; i++) {
    if (next(2) === 0) {
      // a valid encoding, perhaps with one character changed
      const bytes = Uint8Array.from({ length: next(12) }, () => next(256))
      let t = next(2) === 0 ? scureBase64.encode(bytes) : scureBase64Url.encode(bytes)
      if (t.length > 0 && next(2) === 0) {
        const at = next(t.length)
        t = t.slice(0, at) + chars[next(chars.length)]! + t.slice(at + 1)
      }
      yield t
    } else {
      yield Array.from({ length: next(10) }, () => chars[next(chars.length)]!).join('')
    }
  }
}

// Source: RFC 4648 section 10, "Test Vectors".
const RFC4648: Array<[string, string, string]> = [
  ['', '', ''],
  ['f', 'Zg==', 'Zg'],
  ['fo', 'Zm8=', 'Zm8'],
  ['foo', 'Zm9v', 'Zm9v'],
  ['foob', 'Zm9vYg==', 'Zm9vYg'],
  ['fooba', 'Zm9vYmE=', 'Zm9vYmE'],
  ['foobar', 'Zm9vYmFy', 'Zm9vYmFy'],
]

describe('toBase64', () => {
  for (const [plain, b64] of RFC4648) {
    it(`encodes ${JSON.stringify(plain)} as ${JSON.stringify(b64)} (RFC 4648 section 10)`, () => {
      expect(toBase64(utf8(plain))).toBe(b64)
    })
  }

  it('uses + and / for 62 and 63', () => {
    expect(toBase64(Uint8Array.from([0xfb, 0xff]))).toBe('+/8=')
  })
})

describe('fromBase64', () => {
  describe('when the text is canonical padded base64', () => {
    for (const [plain, b64] of RFC4648) {
      it(`decodes ${JSON.stringify(b64)} (RFC 4648 section 10)`, () => {
        expect(fromBase64(b64)).toEqual(utf8(plain))
      })
    }

    it('round-trips every byte value and every length up to 70', () => {
      for (let n = 0; n <= 70; n++) {
        const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff)
        expect(fromBase64(toBase64(bytes))).toEqual(bytes)
      }
      const all = Uint8Array.from({ length: 256 }, (_, i) => i)
      expect(fromBase64(toBase64(all))).toEqual(all)
    })

    it('checks the decoded length when one is asked for', () => {
      expect(fromBase64('AAAA', 3)).toEqual(new Uint8Array(3))
    })
  })

  describe('when the text is not canonical padded base64', () => {
    const cases: Array<[string, unknown]> = [
      ['missing padding', 'Zg'],
      ['missing one of two padding characters', 'Zg='],
      ['too much padding', 'Zm8=='],
      ['padding only', '===='],
      ['padding in the middle', 'Zg==Zg=='],
      ['non-zero trailing bits before ==', 'Zh=='],
      ['non-zero trailing bits before =', 'Zm9='],
      ['url-safe "-"', '-_8='],
      ['url-safe "_"', 'AA_A'],
      ['a space', 'Zm9v Zm9v'],
      ['a newline', 'Zm9v\nZm9v'],
      ['a trailing newline', 'Zm9v\n'],
      ['a leading space', ' Zm9v'],
      ['a non-alphabet character', 'Zm9*'],
      ['a non-ASCII character', 'Zm9é'],
      ['a length that is not a multiple of 4', 'Zm9vY'],
      ['a single character', 'Z'],
      ['a number', 1234],
      ['null', null],
      ['bytes', new Uint8Array(4)],
    ]
    for (const [name, text] of cases) {
      it(`refuses ${name} with BASE64_INVALID`, () => {
        expect(codeOf(() => fromBase64(text))).toBe('BASE64_INVALID')
      })
    }

    it('refuses the wrong decoded length with BASE64_WRONG_LENGTH and says what it expected', () => {
      try {
        fromBase64('Zm9v', 32, 'sig')
        expect.unreachable()
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError)
        expect((e as ValidationError).code).toBe('BASE64_WRONG_LENGTH')
        expect((e as ValidationError).details).toEqual({ field: 'sig', expected: 32, actual: 3 })
      }
    })

    it('names the field in the error', () => {
      try {
        fromBase64('Zg', undefined, 'writes')
        expect.unreachable()
      } catch (e) {
        expect((e as ValidationError).details).toEqual({ field: 'writes' })
      }
    })
  })
})

describe('fromBase64 and fromBase64Url against @scure/base (seeded differential test)', () => {
  it('accept exactly the texts that @scure/base decodes and re-encodes unchanged, with the same bytes', () => {
    let accepted = 0
    for (const text of nearBase64Texts(99, 20_000)) {
      for (const [mine, codec] of [
        [fromBase64, scureBase64],
        [fromBase64Url, scureBase64Url],
      ] as const) {
        const expected = scureCanonical(codec, text)
        let got: Uint8Array | undefined
        try {
          got = mine(text)
        } catch (e) {
          expect((e as ValidationError).code, text).toBe('BASE64_INVALID')
        }
        expect(got, JSON.stringify(text)).toEqual(expected)
        if (got) accepted++
      }
    }
    expect(accepted).toBeGreaterThan(5000)
  })
})

describe('toBase64Url', () => {
  for (const [plain, , url] of RFC4648) {
    it(`encodes ${JSON.stringify(plain)} without padding as ${JSON.stringify(url)}`, () => {
      expect(toBase64Url(utf8(plain))).toBe(url)
    })
  }

  it('uses - and _ for 62 and 63', () => {
    expect(toBase64Url(Uint8Array.from([0xfb, 0xff]))).toBe('-_8')
  })
})

describe('fromBase64Url', () => {
  describe('when the text is canonical unpadded base64url', () => {
    for (const [plain, , url] of RFC4648) {
      it(`decodes ${JSON.stringify(url)}`, () => {
        expect(fromBase64Url(url)).toEqual(utf8(plain))
      })
    }
  })

  describe('when the text is not canonical unpadded base64url', () => {
    const cases: Array<[string, unknown]> = [
      ['padding', 'Zg=='],
      ['standard "+"', '+_8'],
      ['standard "/"', '-/8'],
      ['non-zero trailing bits', 'Zh'],
      ['a single character', 'Z'],
      ['a space', 'Zm9 v'],
      ['a number', 1],
    ]
    for (const [name, text] of cases) {
      it(`refuses ${name} with BASE64_INVALID`, () => {
        expect(codeOf(() => fromBase64Url(text))).toBe('BASE64_INVALID')
      })
    }

    it('refuses the wrong decoded length with BASE64_WRONG_LENGTH', () => {
      expect(codeOf(() => fromBase64Url('Zm9v', 32, 'x'))).toBe('BASE64_WRONG_LENGTH')
    })
  })
})
