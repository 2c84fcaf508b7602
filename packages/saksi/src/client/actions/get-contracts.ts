import type { SaksiClient } from '../create-client.js'
import type { ContractInfo } from '../../core/index.js'
import { getNetwork, type GetNetworkErrorType } from './get-network.js'

/** What {@link getContracts} returns. */
export type GetContractsReturnType = ContractInfo[]

/** What {@link getContracts} throws. */
export type GetContractsErrorType = GetNetworkErrorType

/** The installed contracts with their methods and queries (from `GET /v1/network`: the API has no route of its own for them). */
export async function getContracts(client: SaksiClient): Promise<GetContractsReturnType> {
  return (await getNetwork(client)).contracts
}
