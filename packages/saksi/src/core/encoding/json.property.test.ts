import { describe, expect, it } from 'vitest'
import { ValidationError } from '../errors.js'
import { JSON_ERROR_CODES, parseJson, type JsonValue } from './json.js'
import { prng, int, pick, randomJson, looseStringify, withoutNegativeZero } from './testing/random-json.js'

describe('parseJson (property tests)', () => {
  describe('when given random valid JSON (property test, seeded)', () => {
    it('reads JSON.stringify(v) back as v, and agrees with JSON.parse', () => {
      const rng = prng(0x5a4b5349)
      for (let i = 0; i < 3000; i++) {
        const v = randomJson(rng)
        const text = JSON.stringify(v)
        const parsed = parseJson(text)
        expect(parsed).toEqual(v)
        expect(parsed).toEqual(JSON.parse(text))
        expect(Object.keys(parsed ?? {})).toEqual(Object.keys(v ?? {}))
      }
    })

    it('agrees with JSON.parse on loosely written text (whitespace, escapes, number spellings)', () => {
      const rng = prng(7)
      for (let i = 0; i < 3000; i++) {
        const v = randomJson(rng)
        const text = looseStringify(rng, v)
        expect(parseJson(text)).toEqual(JSON.parse(text))
      }
    })
  })

  describe('when given truncated or mutated documents (property test, seeded)', () => {
    it('refuses every truncation of a valid object or array with a ValidationError', () => {
      const rng = prng(11)
      let tried = 0
      for (let i = 0; i < 300; i++) {
        const v = randomJson(rng)
        if (v === null || typeof v !== 'object') continue
        const text = looseStringify(rng, v).trimEnd()
        for (let cut = 0; cut < text.length; cut++) {
          tried++
          let error: unknown
          try {
            parseJson(text.slice(0, cut))
          } catch (e) {
            error = e
          }
          expect(error, `prefix ${JSON.stringify(text.slice(0, cut))}`).toBeInstanceOf(ValidationError)
          expect(JSON_ERROR_CODES).toContain((error as ValidationError).code)
        }
      }
      expect(tried).toBeGreaterThan(1000)
    })

    it('either agrees with JSON.parse or throws a ValidationError with a JSON_ code, on random mutations', () => {
      const rng = prng(13)
      const alphabet = ['"', '\\', ',', ':', '[', ']', '{', '}', '0', '1', '-', '+', 'e', '.', ' ', 'u', 'n', 't', '\ud800', '\udc00', '\u0000', '\ufeff', 'a']
      for (let i = 0; i < 5000; i++) {
        let text = JSON.stringify(randomJson(rng))
        const edits = 1 + int(rng, 3)
        for (let e = 0; e < edits; e++) {
          const at = int(rng, text.length + 1)
          const op = int(rng, 3)
          if (op === 0) text = text.slice(0, at) + pick(rng, alphabet) + text.slice(at)
          else if (op === 1) text = text.slice(0, at) + text.slice(at + 1)
          else text = text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ (1 << int(rng, 7))) + text.slice(at + 1)
        }
        let mine: { value: JsonValue } | { error: unknown }
        try {
          mine = { value: parseJson(text) }
        } catch (error) {
          mine = { error }
        }
        let reference: { value: unknown } | { error: unknown }
        try {
          reference = { value: JSON.parse(text) }
        } catch (error) {
          reference = { error }
        }
        if ('error' in mine) {
          expect(mine.error, JSON.stringify(text)).toBeInstanceOf(ValidationError)
          expect(JSON_ERROR_CODES).toContain((mine.error as ValidationError).code)
        } else {
          // Whatever the strict parser accepts, JSON.parse accepts and reads the same way.
          expect('value' in reference, JSON.stringify(text)).toBe(true)
          expect(mine.value).toEqual(withoutNegativeZero((reference as { value: unknown }).value))
        }
      }
    })
  })
})
