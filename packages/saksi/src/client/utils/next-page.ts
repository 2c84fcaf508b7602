import type { NextPage } from '../types/page.js'

/**
 * The next page named by a `Link: <...?after=A&limit=N>; rel="next"` header.
 * @returns `{after, limit}`, or undefined when there is no next page
 */
export function nextPageOf(headers: Headers): NextPage | undefined {
  const m = /<([^>]*)>\s*;\s*rel="?next"?/.exec(headers.get('link') ?? '')
  if (!m) return undefined
  let url: URL
  try {
    url = new URL(m[1]!, 'http://link.invalid')
  } catch {
    return undefined
  }
  const after = url.searchParams.get('after')
  const limit = Number(url.searchParams.get('limit'))
  return after !== null && Number.isInteger(limit) && limit > 0 ? { after, limit } : undefined
}
