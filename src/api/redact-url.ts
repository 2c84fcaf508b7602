/** What a query value becomes in the logs. */
export const REDACTED = '[redacted]'

/**
 * A request URL as it may go to the logs: the path as sent, each query parameter's name kept and
 * its value replaced by `[redacted]`. Query values are arguments (a contract query's `did`, an
 * officer's search) and may hold personal data; stdout is read by whoever runs the node, its log
 * collector and its backups. A parameter without `=` stays as it is: it has no value.
 * @param url the request's URL as sent (path and query string)
 * @returns the URL with query values redacted
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?')
  if (q < 0) return url
  const hash = url.indexOf('#', q)
  const query = url.slice(q + 1, hash < 0 ? undefined : hash)
  if (query === '') return url.slice(0, q)
  const parts = query.split('&').map((part) => {
    const eq = part.indexOf('=')
    return eq < 0 ? part : `${part.slice(0, eq)}=${REDACTED}`
  })
  return `${url.slice(0, q)}?${parts.join('&')}`
}
