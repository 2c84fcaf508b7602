import { defineCodes, type CodeOf } from '../codes/define-codes.js'
import { ValidationError } from '../errors.js'

/** A JSON value as the protocol allows it (I-JSON, RFC 7493). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }
/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue }

/** Limits for {@link parseJson}. */
export interface ParseJsonOptions {
  /** Deepest nesting of arrays and objects accepted (default 64). */
  maxDepth?: number
  /** Longest input accepted, in UTF-16 code units of the text (default: unlimited). */
  maxLength?: number
}

/** Codes {@link parseJson} may throw, with their kinds and messages. */
export const JSON_CODES = defineCodes({
  JSON_MALFORMED: { kind: 'validation', id: 'Teks bukan JSON yang sah.', en: 'the text is not well-formed JSON' },
  JSON_DUPLICATE_KEY: { kind: 'validation', id: 'Objek JSON memuat kunci yang sama dua kali.', en: 'a JSON object holds the same key twice' },
  JSON_TOO_DEEP: { kind: 'validation', id: 'JSON bersarang terlalu dalam.', en: 'the JSON nests deeper than allowed' },
  JSON_TOO_LARGE: { kind: 'validation', id: 'JSON lebih panjang dari batas yang diizinkan.', en: 'the JSON text is longer than allowed' },
  JSON_NUMBER_UNSAFE: { kind: 'validation', id: 'Angka JSON tidak dapat dinyatakan secara persis (di luar ±(2^53-1) atau di luar rentang).', en: 'a JSON number cannot be represented exactly (beyond ±(2^53-1), or out of range)' },
  JSON_INVALID_UNICODE: { kind: 'validation', id: 'Teks JSON memuat surrogate Unicode yang tidak berpasangan.', en: 'a JSON string holds a lone surrogate' },
})

/** A code {@link parseJson} may throw. */
export type JsonErrorCode = CodeOf<typeof JSON_CODES>

/** Error codes {@link parseJson} may throw. */
export const JSON_ERROR_CODES: readonly JsonErrorCode[] = Object.freeze(Object.keys(JSON_CODES) as JsonErrorCode[])

/**
 * Parses JSON strictly, for anything that will be hashed or signed: RFC 8259 syntax, I-JSON
 * (RFC 7493) semantics. Refuses duplicate object keys (two parsers could keep different ones, so the
 * signed meaning would be ambiguous), lone surrogates, numbers out of the range of an IEEE double
 * (too large, or non-zero but rounding to zero), integers beyond ±(2^53 - 1), and nesting deeper
 * than `maxDepth`. `-0` is read as `0` (JCS writes both as `0`).
 * `__proto__` is kept as an ordinary own key.
 * @throws ValidationError with one of {@link JSON_ERROR_CODES}
 */
export function parseJson(text: string, options: ParseJsonOptions = {}): JsonValue {
  const maxDepth = options.maxDepth ?? 64
  if (typeof text !== 'string') throw new ValidationError('JSON_MALFORMED', 'JSON input must be text')
  if (options.maxLength !== undefined && text.length > options.maxLength) {
    throw new ValidationError('JSON_TOO_LARGE', `JSON input is longer than ${options.maxLength}`, { limit: options.maxLength })
  }
  const p = new Parser(text, maxDepth)
  p.ws()
  const value = p.value(0)
  p.ws()
  if (p.i !== text.length) p.fail('unexpected data after the JSON value')
  return value
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y

class Parser {
  i = 0
  constructor(
    readonly s: string,
    readonly maxDepth: number,
  ) {}

  fail(message: string, code: JsonErrorCode = 'JSON_MALFORMED'): never {
    throw new ValidationError(code, `${message} at position ${this.i}`, { position: this.i })
  }

  ws(): void {
    const s = this.s
    let c = s.charCodeAt(this.i)
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = s.charCodeAt(++this.i)
  }

  value(depth: number): JsonValue {
    const c = this.s[this.i]
    switch (c) {
      case '{':
        return this.object(depth + 1)
      case '[':
        return this.array(depth + 1)
      case '"':
        return this.string()
      case 't':
        return this.literal('true', true)
      case 'f':
        return this.literal('false', false)
      case 'n':
        return this.literal('null', null)
      default:
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number()
        return this.fail(c === undefined ? 'unexpected end of JSON' : `unexpected character ${JSON.stringify(c)}`)
    }
  }

  literal<T extends JsonValue>(word: string, value: T): T {
    if (this.s.startsWith(word, this.i)) {
      this.i += word.length
      return value
    }
    return this.fail('invalid literal')
  }

  number(): number {
    NUMBER.lastIndex = this.i
    const m = NUMBER.exec(this.s)
    if (!m) return this.fail('invalid number')
    const text = m[0]
    const n = Number(text)
    if (!Number.isFinite(n)) this.fail('number is out of range', 'JSON_NUMBER_UNSAFE')
    // A non-zero number too small for a double (1e-400) would silently become 0.
    if (n === 0 && /[1-9]/.test(text.replace(/[eE].*$/, ''))) this.fail('number is too small to represent', 'JSON_NUMBER_UNSAFE')
    // Integers beyond 2^53 lose precision silently; I-JSON (RFC 7493 section 2.2) says not to rely on them.
    if (Number.isInteger(n) && !Number.isSafeInteger(n)) {
      this.fail('integer is outside the safe range (±2^53-1)', 'JSON_NUMBER_UNSAFE')
    }
    this.i += text.length
    return Object.is(n, -0) ? 0 : n
  }

  string(): string {
    const s = this.s
    let i = ++this.i
    let out = ''
    let start = i
    for (;;) {
      const c = s.charCodeAt(i)
      if (Number.isNaN(c)) {
        this.i = i
        this.fail('unterminated string')
      }
      if (c === 0x22) break
      if (c < 0x20) {
        this.i = i
        this.fail('control character in string')
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = s.charCodeAt(i + 1)
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          i += 2
          continue
        }
        this.i = i
        this.fail('lone surrogate in string', 'JSON_INVALID_UNICODE')
      }
      if (c === 0x5c) {
        out += s.slice(start, i)
        const e = s[i + 1]
        i += 2
        switch (e) {
          case '"': out += '"'; break
          case '\\': out += '\\'; break
          case '/': out += '/'; break
          case 'b': out += '\b'; break
          case 'f': out += '\f'; break
          case 'n': out += '\n'; break
          case 'r': out += '\r'; break
          case 't': out += '\t'; break
          case 'u': {
            const unit = this.hex4(i)
            i += 4
            if (unit >= 0xd800 && unit <= 0xdbff) {
              if (s[i] === '\\' && s[i + 1] === 'u') {
                const low = this.hex4(i + 2)
                if (low >= 0xdc00 && low <= 0xdfff) {
                  out += String.fromCharCode(unit, low)
                  i += 6
                  break
                }
              }
              this.i = i
              this.fail('lone surrogate escape in string', 'JSON_INVALID_UNICODE')
            }
            if (unit >= 0xdc00 && unit <= 0xdfff) {
              this.i = i
              this.fail('lone surrogate escape in string', 'JSON_INVALID_UNICODE')
            }
            out += String.fromCharCode(unit)
            break
          }
          default:
            this.i = i - 1
            this.fail('invalid escape in string')
        }
        start = i
        continue
      }
      i++
    }
    out += s.slice(start, i)
    this.i = i + 1
    return out
  }

  hex4(at: number): number {
    const h = this.s.slice(at, at + 4)
    if (!/^[0-9a-fA-F]{4}$/.test(h)) {
      this.i = at
      this.fail('invalid \\u escape')
    }
    return parseInt(h, 16)
  }

  array(depth: number): JsonValue[] {
    if (depth > this.maxDepth) this.fail(`nesting deeper than ${this.maxDepth}`, 'JSON_TOO_DEEP')
    this.i++
    const out: JsonValue[] = []
    this.ws()
    if (this.s[this.i] === ']') {
      this.i++
      return out
    }
    for (;;) {
      this.ws()
      out.push(this.value(depth))
      this.ws()
      const c = this.s[this.i++]
      if (c === ']') return out
      if (c !== ',') {
        this.i--
        this.fail('expected , or ] in array')
      }
    }
  }

  object(depth: number): JsonObject {
    if (depth > this.maxDepth) this.fail(`nesting deeper than ${this.maxDepth}`, 'JSON_TOO_DEEP')
    this.i++
    const out: JsonObject = {}
    this.ws()
    if (this.s[this.i] === '}') {
      this.i++
      return out
    }
    for (;;) {
      this.ws()
      if (this.s[this.i] !== '"') this.fail('expected a string key in object')
      const keyAt = this.i
      const key = this.string()
      if (Object.prototype.hasOwnProperty.call(out, key)) {
        this.i = keyAt
        this.fail(`duplicate key ${JSON.stringify(key)}`, 'JSON_DUPLICATE_KEY')
      }
      this.ws()
      if (this.s[this.i] !== ':') this.fail('expected : after key')
      this.i++
      this.ws()
      const v = this.value(depth)
      // Plain assignment is much faster, but for "__proto__" it would set the prototype (the only
      // accessor on Object.prototype); defineProperty keeps it an own data property.
      if (key === '__proto__') Object.defineProperty(out, key, { value: v, writable: true, enumerable: true, configurable: true })
      else out[key] = v
      this.ws()
      const c = this.s[this.i++]
      if (c === '}') return out
      if (c !== ',') {
        this.i--
        this.fail('expected , or } in object')
      }
    }
  }
}
