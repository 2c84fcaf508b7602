import { describe, expect, it } from 'vitest'
import { ValidationError } from '../errors.js'
import { parseJson, type JsonValue } from './json.js'
import { assertJsonValue } from './json-value.js'
import { codeOf } from '../../../../../test/support/code-of.js'

describe('parseJson', () => {
  describe('when the input is valid JSON', () => {
    const cases: Array<[string, JsonValue]> = [
      ['{}', {}],
      ['[]', []],
      ['0', 0],
      ['-1', -1],
      ['1.5e3', 1500],
      ['1E-7', 1e-7],
      ['9007199254740991', Number.MAX_SAFE_INTEGER],
      ['-9007199254740991', -Number.MAX_SAFE_INTEGER],
      ['"a\\u0000b"', 'a\u0000b'],
      ['"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\/\b\f\n\r\t'],
      ['"\\ud83d\\ude00"', '😀'],
      ['"😀"', '😀'],
      ['"\\u00E9\\u00e9"', 'éé'],
      ['"\u007f\u2028\u2029"', '\u007f\u2028\u2029'],
      [' \t\r\n{ "a" : [ 1 , true , null ] } \t\r\n', { a: [1, true, null] }],
      ['{"é":1,"e\u0301":2}', { é: 1, 'e\u0301': 2 }], // NFC and NFD are different keys: no normalisation
    ]
    for (const [text, value] of cases) {
      it(`parses ${JSON.stringify(text)}`, () => {
        expect(parseJson(text)).toEqual(value)
      })
    }

    it('reads -0 as 0 (JCS writes both as 0, so they are one value)', () => {
      expect(Object.is(parseJson('-0'), 0)).toBe(true)
      expect(Object.is(parseJson('-0.0e5'), 0)).toBe(true)
    })

    it('accepts nesting of exactly maxDepth', () => {
      expect(parseJson(`${'['.repeat(64)}${']'.repeat(64)}`)).toBeDefined()
      expect(parseJson('{"a":{"b":1}}', { maxDepth: 2 })).toEqual({ a: { b: 1 } })
    })

    it('accepts input of exactly maxLength', () => {
      expect(parseJson('[1,2]', { maxLength: 5 })).toEqual([1, 2])
    })

    it('returns plain objects and arrays that assertJsonValue accepts', () => {
      const v = parseJson('{"a":[{"b":"c"}],"__proto__":{}}')
      expect(Object.getPrototypeOf(v)).toBe(Object.prototype)
      expect(() => assertJsonValue(v)).not.toThrow()
    })
  })

  describe('when the input is malformed', () => {
    const cases: Array<[string, string, string]> = [
      ['empty input', '', 'JSON_MALFORMED'],
      ['only whitespace', ' \n', 'JSON_MALFORMED'],
      ['an unclosed object', '{', 'JSON_MALFORMED'],
      ['an unclosed array', '[1', 'JSON_MALFORMED'],
      ['an unclosed string', '"abc', 'JSON_MALFORMED'],
      ['a key without a value', '{"a":}', 'JSON_MALFORMED'],
      ['a key without a colon', '{"a" 1}', 'JSON_MALFORMED'],
      ['an unquoted key', '{a:1}', 'JSON_MALFORMED'],
      ['a number as a key', '{1:1}', 'JSON_MALFORMED'],
      ['a leading zero', '01', 'JSON_MALFORMED'],
      ['a negative leading zero', '-01', 'JSON_MALFORMED'],
      ['a leading zero in an array', '[00]', 'JSON_MALFORMED'],
      ['a leading plus', '+1', 'JSON_MALFORMED'],
      ['a bare minus', '-', 'JSON_MALFORMED'],
      ['a trailing dot', '1.', 'JSON_MALFORMED'],
      ['a leading dot', '.5', 'JSON_MALFORMED'],
      ['a dot before the exponent', '1.e5', 'JSON_MALFORMED'],
      ['an empty exponent', '1e', 'JSON_MALFORMED'],
      ['a signed empty exponent', '1e+', 'JSON_MALFORMED'],
      ['a hexadecimal number', '0x10', 'JSON_MALFORMED'],
      ['a trailing comma in an array', '[1,]', 'JSON_MALFORMED'],
      ['a trailing comma in an object', '{"a":1,}', 'JSON_MALFORMED'],
      ['a leading comma', '[,1]', 'JSON_MALFORMED'],
      ['a double comma', '[1,,2]', 'JSON_MALFORMED'],
      ['a lone comma in an object', '{,}', 'JSON_MALFORMED'],
      ['NaN', 'NaN', 'JSON_MALFORMED'],
      ['Infinity', 'Infinity', 'JSON_MALFORMED'],
      ['-Infinity', '-Infinity', 'JSON_MALFORMED'],
      ['undefined', 'undefined', 'JSON_MALFORMED'],
      ['a capitalised literal', 'True', 'JSON_MALFORMED'],
      ['a truncated literal', 'nul', 'JSON_MALFORMED'],
      ['a literal with trailing letters', 'nullx', 'JSON_MALFORMED'],
      ['a single-quoted string', "'a'", 'JSON_MALFORMED'],
      ['single-quoted keys', "{'a':1}", 'JSON_MALFORMED'],
      ['a line comment', '// c\n1', 'JSON_MALFORMED'],
      ['a block comment', '/* c */ 1', 'JSON_MALFORMED'],
      ['a trailing comment', '[1] // c', 'JSON_MALFORMED'],
      ['a comment inside an array', '[1 /* c */]', 'JSON_MALFORMED'],
      ['a raw NUL in a string', '"a\u0000b"', 'JSON_MALFORMED'],
      ['a raw tab in a string', '"a\tb"', 'JSON_MALFORMED'],
      ['a raw newline in a string', '"a\nb"', 'JSON_MALFORMED'],
      ['a raw U+001F in a string', '"\u001f"', 'JSON_MALFORMED'],
      ['a raw control character in a key', '{"\u0001":1}', 'JSON_MALFORMED'],
      ['an unknown escape', '"\\x41"', 'JSON_MALFORMED'],
      ['an escaped single quote', '"\\\'"', 'JSON_MALFORMED'],
      ['a short \\u escape', '"\\u12"', 'JSON_MALFORMED'],
      ['a \\u escape with non-hex digits', '"\\uZZZZ"', 'JSON_MALFORMED'],
      ['an uppercase \\U escape', '"\\U0041"', 'JSON_MALFORMED'],
      ['a backslash at the end', '"\\', 'JSON_MALFORMED'],
      ['a byte order mark', '\ufeff{}', 'JSON_MALFORMED'],
      ['a no-break space', '\u00a0{}', 'JSON_MALFORMED'],
      ['a vertical tab', '\u000b{}', 'JSON_MALFORMED'],
      ['a form feed', '{}\u000c', 'JSON_MALFORMED'],
      ['a line separator', '\u2028{}', 'JSON_MALFORMED'],
      ['an ideographic space', '[1,\u30002]', 'JSON_MALFORMED'],
      ['two values', '1 2', 'JSON_MALFORMED'],
      ['two objects', '{}{}', 'JSON_MALFORMED'],
      ['an extra bracket', '[]]', 'JSON_MALFORMED'],
      ['a duplicate key', '{"a":1,"a":2}', 'JSON_DUPLICATE_KEY'],
      ['a duplicate key with equal values', '{"a":1,"a":1}', 'JSON_DUPLICATE_KEY'],
      ['a nested duplicate key', '{"a":1,"b":{"c":1,"c":2}}', 'JSON_DUPLICATE_KEY'],
      ['a duplicate key in an array element', '[{"x":1},{"x":1,"x":1}]', 'JSON_DUPLICATE_KEY'],
      ['a duplicate key spelt with an escape', '{"a":1,"\\u0061":2}', 'JSON_DUPLICATE_KEY'],
      ['a duplicate non-ASCII key, one escaped', '{"é":1,"\\u00e9":2}', 'JSON_DUPLICATE_KEY'],
      ['a duplicate astral key, one escaped', '{"😀":1,"\\ud83d\\ude00":2}', 'JSON_DUPLICATE_KEY'],
      ['a duplicate empty key', '{"":1,"":2}', 'JSON_DUPLICATE_KEY'],
      ['a duplicate __proto__', '{"__proto__":1,"__proto__":2}', 'JSON_DUPLICATE_KEY'],
      ['a duplicate constructor', '{"constructor":1,"constructor":2}', 'JSON_DUPLICATE_KEY'],
      ['nesting one deeper than the limit', `${'['.repeat(65)}${']'.repeat(65)}`, 'JSON_TOO_DEEP'],
      ['objects nested one deeper than the limit', `${'{"a":'.repeat(65)}1${'}'.repeat(65)}`, 'JSON_TOO_DEEP'],
      ['hostile nesting (a million brackets)', '['.repeat(1_000_000), 'JSON_TOO_DEEP'],
      ['a number too large for a double', '1e400', 'JSON_NUMBER_UNSAFE'],
      ['a negative number too large for a double', '-1e999', 'JSON_NUMBER_UNSAFE'],
      ['2^53 + 1, which a double cannot hold', '9007199254740993', 'JSON_NUMBER_UNSAFE'],
      ['2^53', '9007199254740992', 'JSON_NUMBER_UNSAFE'],
      ['-2^53', '-9007199254740992', 'JSON_NUMBER_UNSAFE'],
      ['a 30-digit integer', '123456789012345678901234567890', 'JSON_NUMBER_UNSAFE'],
      ['an integer written with an exponent beyond 2^53', '1e16', 'JSON_NUMBER_UNSAFE'],
      ['a non-zero number that rounds to 0', '1e-400', 'JSON_NUMBER_UNSAFE'],
      ['a negative non-zero number that rounds to -0', '-2.5e-999', 'JSON_NUMBER_UNSAFE'],
      ['an unsafe number deep inside', '{"a":[1,{"b":9007199254740993}]}', 'JSON_NUMBER_UNSAFE'],
      ['a raw lone high surrogate', '"a\ud800b"', 'JSON_INVALID_UNICODE'],
      ['a raw lone low surrogate', '"\udc00"', 'JSON_INVALID_UNICODE'],
      ['a raw high surrogate at the end of the text', '"\ud800', 'JSON_INVALID_UNICODE'],
      ['a raw reversed pair', '"\ude00\ud83d"', 'JSON_INVALID_UNICODE'],
      ['an escaped lone high surrogate', '"\\ud800"', 'JSON_INVALID_UNICODE'],
      ['an escaped lone low surrogate', '"\\udc00"', 'JSON_INVALID_UNICODE'],
      ['an escaped high surrogate before a non-surrogate escape', '"\\ud800\\u0041"', 'JSON_INVALID_UNICODE'],
      ['two escaped high surrogates', '"\\ud800\\ud800"', 'JSON_INVALID_UNICODE'],
      ['an escaped reversed pair', '"\\ude00\\ud83d"', 'JSON_INVALID_UNICODE'],
      ['an escaped high surrogate before a raw low one', '"\\ud83d\ude00"', 'JSON_INVALID_UNICODE'],
      ['a lone surrogate in a key', '{"\\udfff":1}', 'JSON_INVALID_UNICODE'],
    ]
    for (const [name, text, code] of cases) {
      it(`refuses ${name} with ${code}`, () => {
        expect(codeOf(() => parseJson(text))).toBe(code)
      })
    }

    it('refuses input longer than maxLength with JSON_TOO_LARGE, before reading it', () => {
      expect(codeOf(() => parseJson('[1,2] ', { maxLength: 5 }))).toBe('JSON_TOO_LARGE')
      expect(codeOf(() => parseJson('{'.repeat(100), { maxLength: 10 }))).toBe('JSON_TOO_LARGE')
    })

    it('honours a smaller maxDepth', () => {
      expect(codeOf(() => parseJson('{"a":{"b":1}}', { maxDepth: 1 }))).toBe('JSON_TOO_DEEP')
    })

    it('refuses input that is not a string with JSON_MALFORMED', () => {
      for (const v of [undefined, null, 1, {}, new Uint8Array([0x7b, 0x7d])]) {
        expect(codeOf(() => parseJson(v as unknown as string))).toBe('JSON_MALFORMED')
      }
    })

    it('says where the problem is', () => {
      try {
        parseJson('{"a":1,"a":2}')
        expect.unreachable()
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError)
        expect((e as ValidationError).details).toEqual({ position: 7 })
        expect((e as ValidationError).kind).toBe('validation')
      }
    })
  })

  describe('when keys are named like Object.prototype members', () => {
    it('keeps __proto__ as an own data property and leaves the prototype alone', () => {
      const v = parseJson('{"__proto__":{"polluted":true},"a":1}') as Record<string, JsonValue>
      expect(Object.getPrototypeOf(v)).toBe(Object.prototype)
      expect(Object.keys(v)).toEqual(['__proto__', 'a'])
      expect(Object.getOwnPropertyDescriptor(v, '__proto__')?.value).toEqual({ polluted: true })
      expect((v as { polluted?: unknown }).polluted).toBeUndefined()
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
    })

    it('keeps __proto__ inside arrays and nested objects as a key too', () => {
      const v = parseJson('[{"x":{"__proto__":{"isAdmin":true}}}]') as Array<Record<string, Record<string, JsonValue>>>
      const inner = v[0]!.x!
      expect(Object.getPrototypeOf(inner)).toBe(Object.prototype)
      expect(Object.hasOwn(inner, '__proto__')).toBe(true)
      expect((inner as { isAdmin?: unknown }).isAdmin).toBeUndefined()
    })

    it('keeps constructor, toString and hasOwnProperty as own keys, not duplicates of inherited ones', () => {
      const v = parseJson('{"constructor":{"prototype":{"x":1}},"toString":1,"hasOwnProperty":2}') as Record<string, JsonValue>
      expect(Object.keys(v)).toEqual(['constructor', 'toString', 'hasOwnProperty'])
      expect(v.constructor).toEqual({ prototype: { x: 1 } })
      expect(({} as { x?: unknown }).x).toBeUndefined()
      expect(Object.prototype.hasOwnProperty.call(v, 'toString')).toBe(true)
    })
  })
})
