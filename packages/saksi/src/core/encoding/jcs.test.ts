import { describe, expect, it } from 'vitest'
import { fromUtf8 } from './bytes.js'
import { canonicalBytes, canonicalJson } from './jcs.js'
import { parseJson, type JsonValue } from './json.js'
import { codeOf } from '../../../../../test/support/code-of.js'

/** The IEEE 754 double whose bits are the 16 hex digits `bits`. */
function double(bits: string): number {
  const view = new DataView(new ArrayBuffer(8))
  view.setBigUint64(0, BigInt(`0x${bits}`))
  return view.getFloat64(0)
}

describe('canonicalJson', () => {
  describe('when given the test data of the RFC 8785 reference implementation', () => {
    // Source: github.com/cyberphone/json-canonicalization, testdata/input/*.json and
    // testdata/output/*.json (the reference implementation of RFC 8785 by its authors).
    // Invisible characters of the expected output (U+0080, U+007F) are written as JS escapes.
    const cases: Array<[string, string, string]> = [
      [
        'weird.json (key order by UTF-16 code units)',
        '{\n  "\\u20ac": "Euro Sign",\n  "1": "One",\n  "\\u0080": "Control\\u007f",\n  "\\ud83d\\ude02": "Smiley",\n  "\\u00f6": "Latin Small Letter O With Diaeresis",\n  "\\ufb33": "Hebrew Letter Dalet With Dagesh",\n  "</script>": "Browser Challenge"\n}\n',
        '{"1":"One","</script>":"Browser Challenge","\u0080":"Control\u007f","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","😂":"Smiley","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
      ],
      [
        'values.json (numbers, escaping, literals)',
        '{\n  "numbers": [1E30, 4.50, 333333333.33333329, 2e-3, 0.000000000000000000000000001],\n  "escaping": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",\n  "literals": [null, true, false]\n}',
        '{"escaping":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/","literals":[null,true,false],"numbers":[1e+30,4.5,333333333.3333333,0.002,1e-27]}',
      ],
      [
        'structures.json (nested objects, numeric-looking keys)',
        '{\n  "1": {"f": {"f": "hi","F": 5} ,"\\n": 56.0},\n  "10": { },\n  "": "empty",\n  "a": { },\n  "111": [ { } ],\n  "A": { }\n}',
        '{"":"empty","1":{"\\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{}],"A":{},"a":{}}',
      ],
      ['unicode.json (no normalisation)', '{\n  "Unnormalized Unicode":"\\u1e0d\\u0307"\n}\n', '{"Unnormalized Unicode":"\u1e0d\u0307"}'],
      [
        'french.json (no locale-aware sorting)',
        '{\n  "peach": "This sorting order",\n  "péché": "is wrong according to French",\n  "pêche": "but canonicalization MUST",\n  "sin":   "ingnore locale"\n}\n',
        '{"peach":"This sorting order","péché":"is wrong according to French","pêche":"but canonicalization MUST","sin":"ingnore locale"}',
      ],
    ]
    for (const [name, input, output] of cases) {
      it(`canonicalises ${name}`, () => {
        // JSON.parse, not parseJson: values.json holds 1E30, which parseJson refuses by policy
        // (an integer beyond 2^53); canonicalJson itself must still write it as RFC 8785 says.
        expect(canonicalJson(JSON.parse(input) as JsonValue)).toBe(output)
      })
    }
  })

  describe('when sorting keys', () => {
    it('orders them by UTF-16 code units, as in the example of RFC 8785 section 3.2.3', () => {
      // Source: RFC 8785 section 3.2.3 (the "\r", "1", "\u0080", ... example and its sorted output).
      const input =
        '{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}'
      expect(canonicalJson(parseJson(input))).toBe(
        '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
      )
    })

    it('puts a surrogate pair (U+1F600) before U+FB33, although its code point is larger', () => {
      expect(canonicalJson({ '\ufb33': 1, '\ud83d\ude00': 2 })).toBe('{"😀":2,"\ufb33":1}')
    })

    it('sorts integer-like keys as strings, not as numbers', () => {
      expect(canonicalJson({ 10: 'a', 9: 'b', 1: 'c', '01': 'd' })).toBe('{"01":"d","1":"c","10":"a","9":"b"}')
    })

    it('sorts nested objects too, and keeps array order', () => {
      expect(canonicalJson({ b: [{ z: 1, y: 2 }, 3, 'x'], a: { d: null, c: true } })).toBe('{"a":{"c":true,"d":null},"b":[{"y":2,"z":1},3,"x"]}')
    })

    it('keeps __proto__ as an ordinary key', () => {
      expect(canonicalJson(parseJson('{"z":0,"__proto__":{"a":1},"constructor":2}'))).toBe('{"__proto__":{"a":1},"constructor":2,"z":0}')
    })
  })

  describe('when serialising numbers', () => {
    // Source: RFC 8785 Appendix B, "Number Serialization Samples" (IEEE 754 bits and expected text),
    // as tabulated in github.com/lattice-substrate/json-canon conformance/official/rfc8785/appendix_b.csv.
    const appendixB: Array<[string, string]> = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ]
    for (const [bits, text] of appendixB) {
      it(`writes the double ${bits} as ${text}`, () => {
        expect(canonicalJson(double(bits))).toBe(text)
      })
    }

    it('refuses NaN and Infinity (Appendix B: 7fffffffffffffff, 7ff0000000000000) with JSON_VALUE_INVALID', () => {
      expect(codeOf(() => canonicalJson(double('7fffffffffffffff')))).toBe('JSON_VALUE_INVALID')
      expect(codeOf(() => canonicalJson(double('7ff0000000000000')))).toBe('JSON_VALUE_INVALID')
      expect(codeOf(() => canonicalJson(-Infinity))).toBe('JSON_VALUE_INVALID')
    })

    const more: Array<[number, string]> = [
      [1e21, '1e+21'],
      [1e20, '100000000000000000000'],
      [1e-7, '1e-7'],
      [1e-6, '0.000001'],
      [0.000001, '0.000001'],
      [-0, '0'],
      [1.5, '1.5'],
      [-1, '-1'],
      [100, '100'],
      [0.1 + 0.2, '0.30000000000000004'],
    ]
    for (const [n, text] of more) {
      it(`writes ${Object.is(n, -0) ? '-0' : String(n)} as ${text} (ECMAScript Number::toString, RFC 8785 section 3.2.2.3)`, () => {
        expect(canonicalJson(n)).toBe(text)
      })
    }

    it('writes the same text for every spelling of a number', () => {
      expect(canonicalJson(parseJson('[1.0, 1e0, 10E-1, 0.1e1, 1.000000000000000000001]'))).toBe('[1,1,1,1,1]')
    })
  })

  describe('when serialising strings', () => {
    it('escapes only what RFC 8785 section 3.2.2.2 requires, with lowercase hex', () => {
      expect(canonicalJson('"\\\b\f\n\r\t\u0000\u0001\u001f')).toBe('"\\"\\\\\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f"')
    })

    it('leaves "/", DEL, U+2028, non-ASCII and astral characters as they are', () => {
      expect(canonicalJson('/\u007f\u2028\u2029é€😀')).toBe('"/\u007f\u2028\u2029é€😀"')
    })

    it('refuses a lone surrogate, in a value or in a key, with JSON_VALUE_INVALID', () => {
      expect(codeOf(() => canonicalJson('a\ud800'))).toBe('JSON_VALUE_INVALID')
      expect(codeOf(() => canonicalJson('\udc00'))).toBe('JSON_VALUE_INVALID')
      expect(codeOf(() => canonicalJson({ '\ud83d': 1 }))).toBe('JSON_VALUE_INVALID')
      expect(codeOf(() => canonicalJson(['\ude00\ud83d']))).toBe('JSON_VALUE_INVALID')
    })
  })

  describe('when given literals and empty structures', () => {
    it('writes them without whitespace', () => {
      expect(canonicalJson([null, true, false, {}, [], ''])).toBe('[null,true,false,{},[],""]')
    })
  })

  describe('when the value is not JSON', () => {
    it('refuses a bigint and a cycle with JSON_VALUE_INVALID, never an untyped error', () => {
      expect(codeOf(() => canonicalJson(1n as unknown as JsonValue))).toBe('JSON_VALUE_INVALID')
      const cycle: JsonValue[] = []
      cycle.push(cycle)
      expect(codeOf(() => canonicalJson(cycle))).toBe('JSON_VALUE_INVALID')
      expect(codeOf(() => canonicalJson(undefined as unknown as JsonValue))).toBe('JSON_VALUE_INVALID')
    })
  })
})

describe('canonicalBytes', () => {
  it('is the UTF-8 encoding of canonicalJson', () => {
    const value = parseJson('{"b":"€","a":[1,"😀"]}')
    const bytes = canonicalBytes(value)
    expect(fromUtf8(bytes)).toBe(canonicalJson(value))
    expect(Array.from(bytes.subarray(0, 6))).toEqual([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x5b])
    // '{"a":[1,"' (9) + U+1F600 (4) + '"],"b":"' (8) + U+20AC (3) + '"}' (2)
    expect(bytes.length).toBe(26)
  })
})
