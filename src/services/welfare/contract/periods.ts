/** How a programme divides time: quarters (`2026-Q3`) or months (`2026-07`). */
export type PeriodKind = 'quarter' | 'month'

const QUARTER = /^(\d{4})-Q([1-4])$/
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** Whether `text` is a period of `kind`. */
export function isPeriod(kind: PeriodKind, text: string): boolean {
  return (kind === 'quarter' ? QUARTER : MONTH).test(text)
}

/**
 * The month index (year × 12 + month − 1) of a period's first month.
 * @throws RangeError if `period` is not a period of `kind` (callers validate first)
 */
export function periodStartMonth(kind: PeriodKind, period: string): number {
  const m = (kind === 'quarter' ? QUARTER : MONTH).exec(period)
  if (!m) throw new RangeError(`not a ${kind}: ${period}`)
  const year = Number(m[1])
  return kind === 'quarter' ? year * 12 + (Number(m[2]) - 1) * 3 : year * 12 + Number(m[2]) - 1
}

/** The period of `kind` that contains a protocol time (`YYYY-MM-DDTHH:MM:SS.sssZ`). */
export function periodAt(kind: PeriodKind, iso: string): string {
  const year = iso.slice(0, 4)
  const month = Number(iso.slice(5, 7))
  return kind === 'quarter' ? `${year}-Q${Math.floor((month - 1) / 3) + 1}` : `${year}-${iso.slice(5, 7)}`
}

/** Orders two periods of the same kind (their text sorts in time order). */
export function comparePeriods(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Whole years of age at the start of a period, from a birth month `YYYY-MM` (the log holds the
 * month, not the date of birth).
 */
export function ageAt(kind: PeriodKind, period: string, birthMonth: string): number {
  const born = Number(birthMonth.slice(0, 4)) * 12 + Number(birthMonth.slice(5, 7)) - 1
  return Math.max(0, Math.floor((periodStartMonth(kind, period) - born) / 12))
}
