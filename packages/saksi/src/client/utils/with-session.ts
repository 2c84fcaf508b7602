import type { SaksiClient } from '../create-client.js'

/**
 * A client that sends a session's bearer token with every request, for gated reads (`/metrics`,
 * `welfare.accesses`, the work lists): `getMetrics(withSession(client, await signIn(client, ...)))`.
 * @param client the client
 * @param session a session, or its token
 * @returns a client of the same node, authenticated
 */
export function withSession(client: SaksiClient, session: { token: string } | string): SaksiClient {
  const authorization = `Bearer ${typeof session === 'string' ? session : session.token}`
  return {
    url: client.url,
    request: (r) => client.request({ ...r, headers: { ...r.headers, authorization } }),
    open: (r) => client.open({ ...r, headers: { ...r.headers, authorization } }),
  }
}
