import { ValidationError } from '../errors.js'

const TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/**
 * Parses a protocol time: RFC 3339, UTC, `Z` suffix, millisecond precision
 * (`2026-11-23T18:30:00.000Z`). Returns milliseconds since the epoch.
 * @throws ValidationError `TIME_INVALID`
 */
export function parseTime(text: unknown, field = 'time'): number {
  if (typeof text !== 'string' || !TIME_PATTERN.test(text)) {
    throw new ValidationError('TIME_INVALID', `${field} must be an RFC 3339 UTC time like 2026-11-23T18:30:00.000Z`, { field })
  }
  const ms = Date.parse(text)
  // Date.parse accepts 2026-02-30 and rolls it over; a round trip proves the date exists.
  if (!Number.isFinite(ms) || new Date(ms).toISOString() !== text) {
    throw new ValidationError('TIME_INVALID', `${field} is not a real calendar time`, { field })
  }
  return ms
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
