import type { JsonValue } from '../../../core/index.js'
import { pathSegment, requestJson, type SaksiClient } from '../../index.js'

/**
 * The answer of a readable welfare path, `/v1/welfare/programmes/...`. The API documents these as
 * any JSON: the welfare views will type them.
 */
export type WelfareAnswer = JsonValue

/**
 * `GET /v1/welfare/programmes/{segments...}`.
 * @param segments path segments after `programmes`, each encoded
 */
export async function welfareAnswer(client: SaksiClient, ...segments: string[]): Promise<WelfareAnswer> {
  const path = ['/v1/welfare/programmes', ...segments.map(pathSegment)].join('/')
  return (await requestJson<WelfareAnswer>(client, { path })).data
}
