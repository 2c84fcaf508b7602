import type { JsonObject } from '../../core/index.js'
import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import { requestJson } from '../utils/request-json.js'

/** What {@link getGenesis} returns: the genesis document, whose JCS SHA-256 is `genesisHash`. */
export type GetGenesisReturnType = JsonObject

/** What {@link getGenesis} throws. */
export type GetGenesisErrorType = RequestErrorType

/** `GET /v1/genesis`: the genesis document an auditor re-executes the log from. */
export async function getGenesis(client: SaksiClient): Promise<GetGenesisReturnType> {
  return (await requestJson<JsonObject>(client, { path: '/v1/genesis' })).data
}
