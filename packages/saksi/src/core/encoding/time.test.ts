import { describe, expect, it } from 'vitest'
import type { SaksiError } from '../errors.js'
import { formatTime, parseTime } from './time.js'
import { codeOf } from '../../../../../test/support/code-of.js'

describe('parseTime', () => {
  describe('when the text is an RFC 3339 UTC time with milliseconds and Z', () => {
    const cases: Array<[string, number]> = [
      ['2026-11-23T18:30:00.000Z', Date.UTC(2026, 10, 23, 18, 30, 0, 0)],
      ['1970-01-01T00:00:00.000Z', 0],
      ['2024-02-29T12:00:00.999Z', Date.UTC(2024, 1, 29, 12, 0, 0, 999)], // a leap day
      ['2000-02-29T00:00:00.000Z', Date.UTC(2000, 1, 29)], // divisible by 400: a leap year
      ['9999-12-31T23:59:59.999Z', 253_402_300_799_999],
      ['1969-12-31T23:59:59.999Z', -1],
    ]
    for (const [text, ms] of cases) {
      it(`reads ${text} as ${ms} ms`, () => {
        expect(parseTime(text)).toBe(ms)
      })
    }
  })

  describe('when the text is anything else', () => {
    const cases: Array<[string, unknown]> = [
      ['a day that does not exist (2026-02-30)', '2026-02-30T00:00:00.000Z'],
      ['29 February of a common year', '2026-02-29T00:00:00.000Z'],
      ['29 February 1900 (divisible by 100, not 400)', '1900-02-29T00:00:00.000Z'],
      ['31 April', '2026-04-31T00:00:00.000Z'],
      ['month 13', '2026-13-01T00:00:00.000Z'],
      ['month 00', '2026-00-10T00:00:00.000Z'],
      ['day 00', '2026-01-00T00:00:00.000Z'],
      ['hour 24', '2026-01-01T24:00:00.000Z'],
      ['minute 60', '2026-01-01T00:60:00.000Z'],
      ['a leap second', '2016-12-31T23:59:60.000Z'],
      ['no milliseconds', '2026-11-23T18:30:00Z'],
      ['one fractional digit', '2026-11-23T18:30:00.0Z'],
      ['microseconds', '2026-11-23T18:30:00.000000Z'],
      ['a +00:00 offset', '2026-11-23T18:30:00.000+00:00'],
      ['a +07:00 offset (WIB)', '2026-11-23T18:30:00.000+07:00'],
      ['no zone', '2026-11-23T18:30:00.000'],
      ['a lowercase z', '2026-11-23T18:30:00.000z'],
      ['a lowercase t', '2026-11-23t18:30:00.000Z'],
      ['a space for T', '2026-11-23 18:30:00.000Z'],
      ['a date only', '2026-11-23'],
      ['an expanded year', '+002026-11-23T18:30:00.000Z'],
      ['a five-digit year', '20260-11-23T18:30:00.000Z'],
      ['a leading space', ' 2026-11-23T18:30:00.000Z'],
      ['a trailing newline', '2026-11-23T18:30:00.000Z\n'],
      ['non-ASCII digits', '２026-11-23T18:30:00.000Z'],
      ['the empty string', ''],
      ['a number', 1_700_000_000_000],
      ['a Date', new Date(0)],
      ['null', null],
    ]
    for (const [name, text] of cases) {
      it(`refuses ${name} with TIME_INVALID`, () => {
        expect(codeOf(() => parseTime(text))).toBe('TIME_INVALID')
      })
    }
  })
})

describe('parseTime against Date (seeded differential test)', () => {
  it('accepts exactly the well-shaped texts that Date reads back unchanged, with the same value', () => {
    let state = 2026
    const next = (n: number): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0
      return state % n
    }
    const two = (n: number): string => String(n).padStart(2, '0')
    let accepted = 0
    for (let i = 0; i < 20_000; i++) {
      // fields drawn a little beyond their ranges, to hit every boundary
      const year = next(3) === 0 ? pickYear(next) : 1900 + next(250)
      const text = `${String(year).padStart(4, '0')}-${two(next(14))}-${two(next(33))}T${two(next(26))}:${two(next(62))}:${two(next(62))}.${String(next(1000)).padStart(3, '0')}Z`
      const ms = Date.parse(text)
      const reference = Number.isFinite(ms) && new Date(ms).toISOString() === text ? ms : undefined
      let mine: number | undefined
      try {
        mine = parseTime(text)
      } catch (e) {
        expect((e as SaksiError).code).toBe('TIME_INVALID')
      }
      expect(mine, text).toBe(reference)
      if (mine !== undefined) accepted++
    }
    expect(accepted).toBeGreaterThan(5000)
  })
})

function pickYear(next: (n: number) => number): number {
  return [0, 1, 99, 100, 400, 1600, 1700, 1900, 1969, 1970, 2000, 2024, 2100, 2400, 9999][next(15)]!
}

describe('formatTime', () => {
  describe('when the time has a four-digit year', () => {
    it('writes UTC with milliseconds and Z', () => {
      expect(formatTime(0)).toBe('1970-01-01T00:00:00.000Z')
      expect(formatTime(Date.UTC(2026, 10, 23, 18, 30))).toBe('2026-11-23T18:30:00.000Z')
    })

    it('is read back by parseTime', () => {
      for (const ms of [0, 1, -1, 1_795_000_000_123, 253_402_300_799_999, -62_167_219_200_000]) {
        expect(parseTime(formatTime(ms))).toBe(ms)
      }
    })
  })

  describe('when the time cannot be written as a protocol time', () => {
    for (const ms of [NaN, Infinity, -Infinity, 253_402_300_800_000, -62_167_219_200_001, 8.64e15 + 1]) {
      it(`refuses ${ms} with TIME_INVALID, not an untyped RangeError`, () => {
        expect(codeOf(() => formatTime(ms))).toBe('TIME_INVALID')
      })
    }
  })
})
