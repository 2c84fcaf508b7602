import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import type { NetworkInfo } from '../../core/index.js'
import { requestJson } from '../utils/request-json.js'

/** What {@link getNetwork} returns. */
export type GetNetworkReturnType = NetworkInfo

/** What {@link getNetwork} throws. */
export type GetNetworkErrorType = RequestErrorType

/**
 * `GET /v1/network`: the network id, log origin, checkpoint verifier key, genesis hash, validity
 * window and contracts.
 */
export async function getNetwork(client: SaksiClient): Promise<GetNetworkReturnType> {
  return (await requestJson<NetworkInfo>(client, { path: '/v1/network' })).data
}
