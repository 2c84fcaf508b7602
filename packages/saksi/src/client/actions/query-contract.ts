import type { JsonValue } from '../../core/index.js'
import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import { pathSegment } from '../utils/path-segment.js'
import { requestJson } from '../utils/request-json.js'

/** Parameters of {@link queryContract}. */
export interface QueryContractParameters {
  /** e.g. `identity`. */
  contract: string
  /** e.g. `get`; `GET /v1/network` lists each contract's queries. */
  query: string
  /** The query's arguments, each a string (the contract's schema decides what it accepts). */
  args?: Record<string, string>
}

/** What {@link queryContract} returns: the query's answer. */
export type QueryContractReturnType = JsonValue

/**
 * What {@link queryContract} throws: 404 `NOT_FOUND` when the contract or query is unknown or the
 * query finds nothing, 400 `ARGS_INVALID` for arguments the query refuses.
 */
export type QueryContractErrorType = RequestErrorType

/** `GET /v1/contracts/{contract}/queries/{query}?...`: a read-only query of committed state. */
export async function queryContract(client: SaksiClient, { contract, query, args = {} }: QueryContractParameters): Promise<QueryContractReturnType> {
  return (await requestJson<JsonValue>(client, { path: `/v1/contracts/${pathSegment(contract)}/queries/${pathSegment(query)}`, query: args })).data
}
