import type { SignedBlock } from '../../core/index.js'
import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import { requestJson } from '../utils/request-json.js'

/** Parameters of {@link getBlock}. */
export interface GetBlockParameters {
  /** A block height, or `latest` (the default). */
  height?: number | 'latest'
}

/** What {@link getBlock} returns: `{header, sig}` (verify with `saksi/verify`). */
export type GetBlockReturnType = SignedBlock

/** What {@link getBlock} throws: 404 for a height not yet produced. */
export type GetBlockErrorType = RequestErrorType

/** `GET /v1/blocks/{height}` or `GET /v1/blocks/latest`: a signed block header. */
export async function getBlock(client: SaksiClient, { height = 'latest' }: GetBlockParameters = {}): Promise<GetBlockReturnType> {
  return (await requestJson<SignedBlock>(client, { path: `/v1/blocks/${height}` })).data
}
