import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import { requestText } from '../utils/request-text.js'

/** What {@link getMetrics} returns: the Prometheus text exposition. */
export type GetMetricsReturnType = string

/** What {@link getMetrics} throws. */
export type GetMetricsErrorType = RequestErrorType

/** `GET /metrics`: the node's Prometheus metrics, for operators. */
export async function getMetrics(client: SaksiClient): Promise<GetMetricsReturnType> {
  return requestText(client, { path: '/metrics' }, 'text/plain')
}
