import type { JsonValue } from '../../../core/index.js'
import { pathSegment, requestJson, type SaksiClient } from '../../index.js'

/**
 * The answer of a readable procurement path. The API documents these as any JSON: the procurement
 * views (`ProcessView`, ...) will type them.
 */
export type ProcurementAnswer = JsonValue

/**
 * The path `/v1/procurement/{segments...}`, each segment encoded.
 * @param segments e.g. `processes`, the process id
 */
export function procurementPath(...segments: string[]): string {
  return ['/v1/procurement', ...segments.map(pathSegment)].join('/')
}

/** `GET /v1/procurement/{segments...}` as JSON. */
export async function procurementAnswer(client: SaksiClient, ...segments: string[]): Promise<ProcurementAnswer> {
  return (await requestJson<ProcurementAnswer>(client, { path: procurementPath(...segments) })).data
}
