import type { JsonValue } from '../../core/index.js'
import { pathSegment } from './path-segment.js'
import { requestJson } from './request-json.js'
import type { SaksiClient } from '../create-client.js'

/**
 * A path under a service's base, each segment encoded: `servicePath('/v1/procurement', 'processes', id)`.
 * @param base the service's path, e.g. `/v1/welfare/programmes`
 * @param segments the segments after it
 */
export function servicePath(base: string, ...segments: string[]): string {
  return [base, ...segments.map(pathSegment)].join('/')
}

/**
 * `GET` a service's readable path as JSON (the answers the services' views type).
 * @param client the node
 * @param base the service's path, e.g. `/v1/procurement`
 * @param segments the segments after it
 * @throws SaksiApiError 404 `NOT_FOUND` when there is nothing, 400 for an id of the wrong form
 */
export async function serviceAnswer(client: SaksiClient, base: string, ...segments: string[]): Promise<JsonValue> {
  return (await requestJson<JsonValue>(client, { path: servicePath(base, ...segments) })).data
}
