import { apiError } from './api-errors.js'

/**
 * Reads a count or index that the route schema has already matched against `COUNT_PATTERN`.
 * @param text the decimal text as sent
 * @param name the parameter's name, for the error
 * @param where `path`, `query` or `header`
 * @returns the number
 * @throws SaksiError `PARAM_INVALID` above 2^53 - 1 (or for text the schema should have refused)
 */
export function parseCount(text: string, name: string, where: 'path' | 'query' | 'header'): number {
  const n = /^(0|[1-9][0-9]{0,15})$/.test(text) ? Number(text) : NaN
  if (!Number.isSafeInteger(n)) {
    const what = where === 'header' ? 'header' : `${where} parameter`
    throw apiError('PARAM_INVALID', `${what} ${JSON.stringify(name)} must be a decimal integer from 0 to 2^53 - 1`, { in: where, name })
  }
  return n
}
