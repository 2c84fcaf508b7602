import { describe, expect, it } from 'vitest'
import { ValidationError } from '../errors.js'
import { assertJsonValue } from './json-value.js'
import { codeOf } from '../../../../../test/support/code-of.js'

function nested(depth: number): unknown {
  let v: unknown = 1
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { a: v }
  return v
}

describe('assertJsonValue', () => {
  describe('when the value is JSON that survives a round trip', () => {
    const cases: Array<[string, unknown]> = [
      ['null', null],
      ['booleans', [true, false]],
      ['safe integers and fractions', [0, -1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 0.1, 5e-324, 1e-7]],
      ['strings with pairs, controls and non-ASCII', ['', '😀', '\u0000\n', 'é€']],
      ['nested plain objects and arrays', { a: [{ b: { c: [] } }], d: {} }],
      ['an object without a prototype', Object.assign(Object.create(null) as object, { a: 1 })],
      ['an own __proto__ key', JSON.parse('{"__proto__":{"x":1}}')],
      ['the same object twice (shared, not a cycle)', (() => {
        const shared = { x: 1 }
        return [shared, { y: shared }]
      })()],
      ['nesting of exactly 64', nested(64)],
    ]
    for (const [name, value] of cases) {
      it(`accepts ${name}`, () => {
        expect(() => assertJsonValue(value)).not.toThrow()
      })
    }
  })

  describe('when the value is not JSON, or would not come back the same', () => {
    class Point {
      constructor(
        readonly x: number,
        readonly y: number,
      ) {}
    }
    const sparse: unknown[] = [1]
    sparse[2] = 3
    const cycle: unknown[] = []
    cycle.push(cycle)
    const objectCycle: Record<string, unknown> = { a: { b: {} } }
    ;(objectCycle.a as Record<string, Record<string, unknown>>).b!.c = objectCycle
    const cases: Array<[string, unknown]> = [
      ['undefined', undefined],
      ['undefined inside an object', { a: undefined }],
      ['undefined inside an array', [undefined]],
      ['a function', () => 1],
      ['a function inside an object', { f: function named() {} }],
      ['a symbol', Symbol('s')],
      ['a symbol key', { [Symbol('k')]: 1 }],
      ['a bigint', 1n],
      ['NaN', NaN],
      ['Infinity', Infinity],
      ['-Infinity', [-Infinity]],
      ['-0', -0],
      ['-0 inside an object', { n: -0 }],
      ['an integer beyond 2^53', 2 ** 53],
      ['a large integer-valued double', 1e21],
      ['a Date', new Date(0)],
      ['a Map', new Map([['a', 1]])],
      ['a Set', new Set([1])],
      ['a RegExp', /a/],
      ['a Uint8Array', new Uint8Array(2)],
      ['a class instance', new Point(1, 2)],
      ['a boxed string', new String('a')],
      ['a sparse array', sparse],
      ['an array with holes only', new Array(3)],
      ['an array that contains itself', cycle],
      ['an object cycle', objectCycle],
      ['nesting of 65', nested(65)],
      ['nesting of 100000 (no stack overflow)', nested(100_000)],
      ['a lone high surrogate in a value', 'a\ud800'],
      ['a lone low surrogate in a value', ['\udc00']],
      ['a reversed pair in a value', '\ude00\ud83d'],
      ['a lone surrogate in a key', { '\ud83d': 1 }],
    ]
    for (const [name, value] of cases) {
      it(`refuses ${name} with JSON_VALUE_INVALID`, () => {
        expect(codeOf(() => assertJsonValue(value))).toBe('JSON_VALUE_INVALID')
      })
    }
  })

  describe('when it refuses', () => {
    it('names the path of the offending value', () => {
      try {
        assertJsonValue({ a: [1, { b: NaN }] }, 'tx.args')
        expect.unreachable()
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError)
        expect((e as ValidationError).details).toEqual({ path: 'tx.args.a[1].b' })
      }
    })

    it('honours a smaller maxDepth', () => {
      expect(codeOf(() => assertJsonValue({ a: { b: 1 } }, '$', 2))).toBeUndefined()
      expect(codeOf(() => assertJsonValue({ a: { b: {} } }, '$', 2))).toBe('JSON_VALUE_INVALID')
    })
  })
})
