import type { JsonObject } from 'saksi'
import { nextPageOf, requestJson, type Page, type SaksiClient } from 'saksi/client'
import { procurementPath } from './procurement-answer.js'

/** Parameters of a procurement list: a page at a time, by id. */
export interface ListParameters {
  /** The last id of the previous page. */
  after?: string
  /** Rows per page, 1-1000 (default 100). */
  limit?: number
}

/** One page of `/v1/procurement/{list}`, with where the next one starts. */
export async function procurementPage(client: SaksiClient, list: string, { after, limit }: ListParameters): Promise<Page<JsonObject>> {
  const { data, response } = await requestJson<JsonObject[]>(client, { path: procurementPath(list), query: { after, limit } })
  const next = nextPageOf(response.headers)
  return next ? { items: data, next } : { items: data }
}
