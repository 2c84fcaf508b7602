import { ValidationError } from '../errors.js'
import type { JsonValue } from './json.js'

/**
 * Checks that `value` is a JSON value that survives a JSON round trip exactly: plain objects and
 * arrays, strings without lone surrogates, finite numbers in the safe integer range (no -0), booleans
 * and null. Refuses `undefined`, functions, symbols, bigints, Dates, Maps, class instances, sparse
 * arrays and cycles. Used wherever a value is hashed, signed or stored as contract state, so that
 * two nodes can never disagree on its bytes.
 * @param value the value to check
 * @param path where the value sits, for the error message
 * @throws ValidationError `JSON_VALUE_INVALID`
 */
export function assertJsonValue(value: unknown, path = '$', maxDepth = 64): asserts value is JsonValue {
  check(value, path, 0, maxDepth, new Set())
}

function bad(path: string, why: string): never {
  throw new ValidationError('JSON_VALUE_INVALID', `${path} ${why}`, { path })
}

function check(value: unknown, path: string, depth: number, maxDepth: number, seen: Set<object>): void {
  switch (typeof value) {
    case 'string':
      if (!value.isWellFormed()) bad(path, 'contains a lone surrogate')
      return
    case 'boolean':
      return
    case 'number':
      if (!Number.isFinite(value)) bad(path, 'is not a finite number')
      if (Object.is(value, -0)) bad(path, 'is -0, which JSON cannot represent')
      if (Number.isInteger(value) && !Number.isSafeInteger(value)) bad(path, 'is an integer outside the safe range')
      return
    case 'object': {
      if (value === null) return
      if (depth >= maxDepth) bad(path, `is nested deeper than ${maxDepth}`)
      if (seen.has(value)) bad(path, 'is a cycle')
      seen.add(value)
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          if (!(i in value)) bad(`${path}[${i}]`, 'is a hole in a sparse array')
          check(value[i], `${path}[${i}]`, depth + 1, maxDepth, seen)
        }
      } else {
        const proto = Object.getPrototypeOf(value)
        if (proto !== Object.prototype && proto !== null) bad(path, 'is not a plain object')
        if (Object.getOwnPropertySymbols(value).length > 0) bad(path, 'has symbol keys')
        for (const key of Object.keys(value)) {
          if (!key.isWellFormed()) bad(path, 'has a key with a lone surrogate')
          check((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1, maxDepth, seen)
        }
      }
      seen.delete(value)
      return
    }
    default:
      bad(path, `is a ${typeof value}, which JSON cannot represent`)
  }
}
