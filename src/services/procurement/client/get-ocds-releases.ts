import type { JsonObject } from 'saksi'
import { nextPageOf, requestJson, type NextPage, type RequestErrorType, type SaksiClient } from 'saksi/client'

/** Parameters of {@link getOcdsReleases}: one process, or every process a page at a time. */
export interface GetOcdsReleasesParameters {
  /** One process's releases. */
  process?: string
  /** Every process's: after this process id. */
  after?: string
  /** Processes per page, 1-200 (default 50). */
  limit?: number
}

/** What {@link getOcdsReleases} returns: an OCDS 1.1 release package, and the next page when there is more. */
export interface GetOcdsReleasesReturnType {
  package: JsonObject
  next?: NextPage
}

/** What {@link getOcdsReleases} throws: 404 for an unknown process, 400 for parameters of the wrong form. */
export type GetOcdsReleasesErrorType = RequestErrorType

/** `GET /v1/procurement/ocds/releases`: the OCDS 1.1 release package of one process or of a page of them. */
export async function getOcdsReleases(client: SaksiClient, { process, after, limit }: GetOcdsReleasesParameters = {}): Promise<GetOcdsReleasesReturnType> {
  const { data, response } = await requestJson<JsonObject>(client, { path: '/v1/procurement/ocds/releases', query: { process, after, limit } })
  const next = nextPageOf(response.headers)
  return next ? { package: data, next } : { package: data }
}
