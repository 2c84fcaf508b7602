/** Seeded generators of JSON values and texts for the parser's property tests. */
import type { JsonValue } from '../json.js'
/** Seeded PRNG (mulberry32), so that every run tests the same inputs and a failure can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Rng = () => number
export const int = (rng: Rng, n: number): number => Math.floor(rng() * n)
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)]!

export const KEY_POOL = ['a', 'b', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '0', '10', '1e3', 'é', 'e\u0301', '€', '😀', '\u0000', '"', '\\', 'ключ']

export function randomString(rng: Rng): string {
  const n = int(rng, 8)
  let s = ''
  for (let i = 0; i < n; i++) {
    const kind = int(rng, 6)
    if (kind === 0) s += String.fromCharCode(int(rng, 0x20)) // control characters
    else if (kind === 1) s += pick(rng, ['"', '\\', '/', '\u007f', '\u2028', '\ufeff'])
    else if (kind === 2) s += String.fromCodePoint(0x10000 + int(rng, 0x100000)) // astral: a surrogate pair
    else if (kind === 3) s += String.fromCharCode(0x80 + int(rng, 0xd800 - 0x80)) // BMP below the surrogates
    else s += String.fromCharCode(0x20 + int(rng, 0x5f)) // printable ASCII
  }
  return s
}

/** Whether parseJson can hold `n` exactly: finite, not -0, and not an integer beyond 2^53. */
export const representable = (n: number): boolean => Number.isFinite(n) && !Object.is(n, -0) && !(Number.isInteger(n) && !Number.isSafeInteger(n))

export function randomNumber(rng: Rng): number {
  const n = anyNumber(rng)
  return representable(n) ? n : 0.5
}

export function anyNumber(rng: Rng): number {
  switch (int(rng, 5)) {
    case 0:
      return int(rng, 1000) - 500
    case 1:
      return (rng() < 0.5 ? -1 : 1) * int(rng, Number.MAX_SAFE_INTEGER)
    case 2:
      return (rng() - 0.5) * 10 ** (int(rng, 40) - 20)
    case 3: {
      // any finite double that is not an unsafe integer, from random bits
      const view = new DataView(new ArrayBuffer(8))
      view.setUint32(0, int(rng, 2 ** 32))
      view.setUint32(4, int(rng, 2 ** 32))
      return view.getFloat64(0)
    }
    default:
      return pick(rng, [0, 1, -1, 0.1, 1e-7, 5e-324, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2.5e-308, 123456.789e-300])
  }
}

export function randomJson(rng: Rng, depth = 0): JsonValue {
  const kind = depth >= 4 ? int(rng, 4) : int(rng, 6)
  switch (kind) {
    case 0:
      return pick(rng, [null, true, false])
    case 1:
      return randomNumber(rng)
    case 2:
    case 3:
      return randomString(rng)
    case 4:
      return Array.from({ length: int(rng, 5) }, () => randomJson(rng, depth + 1))
    default: {
      const o: Record<string, JsonValue> = {}
      const n = int(rng, 5)
      for (let i = 0; i < n; i++) {
        const key = rng() < 0.6 ? pick(rng, KEY_POOL) : randomString(rng)
        // defineProperty: a plain assignment to "__proto__" would set the prototype instead
        Object.defineProperty(o, key, { value: randomJson(rng, depth + 1), writable: true, enumerable: true, configurable: true })
      }
      return o
    }
  }
}

/** Writes `v` as valid JSON that JSON.stringify would not: random whitespace, escapes and number spellings. */
export function looseStringify(rng: Rng, v: JsonValue): string {
  const ws = (): string => (rng() < 0.3 ? pick(rng, [' ', '\n', '\r\n', '\t', '  \t ']) : '')
  const str = (s: string): string => {
    let out = '"'
    for (const ch of s) {
      const c = ch.codePointAt(0)!
      const escapeAnyway = rng() < 0.2
      if (ch === '"' || ch === '\\') out += `\\${ch}`
      else if (c < 0x20 || escapeAnyway) {
        if (c > 0xffff) {
          const hi = 0xd800 + ((c - 0x10000) >> 10)
          const lo = 0xdc00 + ((c - 0x10000) & 0x3ff)
          out += `\\u${hi.toString(16)}\\u${lo.toString(16).toUpperCase()}`
        } else if (ch === '/' && rng() < 0.5) out += '\\/'
        else out += `\\u${c.toString(16).padStart(4, '0')}`
      } else out += ch
    }
    return `${out}"`
  }
  const num = (n: number): string => {
    const r = int(rng, 4)
    if (r === 0 && n !== 0) return n.toExponential().replace('e+', rng() < 0.5 ? 'E' : 'e+')
    if (r === 1 && Number.isInteger(n) && Math.abs(n) < 1e15) return `${n}.000`
    return JSON.stringify(n)
  }
  if (v === null || typeof v === 'boolean') return JSON.stringify(v)
  if (typeof v === 'number') return num(v)
  if (typeof v === 'string') return str(v)
  if (Array.isArray(v)) return `[${ws()}${v.map((x) => `${ws()}${looseStringify(rng, x)}${ws()}`).join(',')}${ws()}]`
  return `{${ws()}${Object.keys(v)
    .map((k) => `${ws()}${str(k)}${ws()}:${ws()}${looseStringify(rng, v[k]!)}${ws()}`)
    .join(',')}${ws()}}`
}

/** `v` with every -0 replaced by 0 (parseJson reads -0 as 0; JSON.parse keeps it). */
export function withoutNegativeZero(v: unknown): unknown {
  if (Object.is(v, -0)) return 0
  if (Array.isArray(v)) return v.map(withoutNegativeZero)
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: withoutNegativeZero(x), writable: true, enumerable: true, configurable: true })
    return out
  }
  return v
}
