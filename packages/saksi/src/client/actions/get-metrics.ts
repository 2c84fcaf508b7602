import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import { requestText } from '../utils/request-text.js'

/** What {@link getMetrics} returns: the Prometheus text exposition. */
export type GetMetricsReturnType = string

/** What {@link getMetrics} throws. */
export type GetMetricsErrorType = RequestErrorType

/** `GET /metrics`: the node's Prometheus metrics, for operators: give a client `withSession` of the node key or a `node.operator` (401 `AUTH_REQUIRED` without one, 403 `ACCESS_DENIED` for another key). */
export async function getMetrics(client: SaksiClient): Promise<GetMetricsReturnType> {
  return requestText(client, { path: '/metrics' }, 'text/plain')
}
