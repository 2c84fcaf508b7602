import { ValidationError } from '../errors.js'

const TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

const MS_PER_DAY = 86_400_000

/** Days from 1970-01-01 to the given proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** The decimal value of the ASCII digits text[at, at + n) (already checked to be digits). */
function digits(text: string, at: number, n: number): number {
  let v = 0
  for (let i = at; i < at + n; i++) v = v * 10 + (text.charCodeAt(i) - 48)
  return v
}

/**
 * Parses a protocol time: RFC 3339, UTC, `Z` suffix, millisecond precision
 * (`2026-11-23T18:30:00.000Z`). Returns milliseconds since the epoch. The date must exist
 * (no 2026-02-30), hours are 00-23 and there are no leap seconds (:60), as in `Date`.
 * @throws ValidationError `TIME_INVALID`
 */
export function parseTime(text: unknown, field = 'time'): number {
  if (typeof text !== 'string' || text.length !== 24 || !TIME_PATTERN.test(text)) {
    throw new ValidationError('TIME_INVALID', `${field} must be an RFC 3339 UTC time like 2026-11-23T18:30:00.000Z`, { field })
  }
  const year = digits(text, 0, 4)
  const month = digits(text, 5, 2)
  const day = digits(text, 8, 2)
  const hour = digits(text, 11, 2)
  const minute = digits(text, 14, 2)
  const second = digits(text, 17, 2)
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    throw new ValidationError('TIME_INVALID', `${field} is not a real calendar time`, { field })
  }
  return daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + digits(text, 20, 3)
}

// 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the range of four-digit years.
const MIN_TIME_MS = -62_167_219_200_000
const MAX_TIME_MS = 253_402_300_799_999

/**
 * Formats milliseconds since the epoch as a protocol time (fractions of a millisecond are dropped).
 * @throws ValidationError `TIME_INVALID` if `ms` is not a finite time with a four-digit year
 */
export function formatTime(ms: number): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < MIN_TIME_MS || ms > MAX_TIME_MS) {
    throw new ValidationError('TIME_INVALID', 'time is outside 0000-01-01 to 9999-12-31', { ms: String(ms) })
  }
  return new Date(ms).toISOString()
}
