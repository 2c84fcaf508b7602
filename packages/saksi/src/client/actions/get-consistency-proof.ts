import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import type { ConsistencyProof } from '../types/proofs.js'
import { requestJson } from '../utils/request-json.js'

/** Parameters of {@link getConsistencyProof}. */
export interface GetConsistencyProofParameters {
  /** The older tree size (at least 1). */
  from: number
  /** The newer tree size. */
  to: number
}

/** What {@link getConsistencyProof} returns. */
export type GetConsistencyProofReturnType = ConsistencyProof

/** What {@link getConsistencyProof} throws: 400 for sizes out of order or past the log. */
export type GetConsistencyProofErrorType = RequestErrorType

/** `GET /v1/log/proof/consistency?from=M&to=N` (RFC 6962). */
export async function getConsistencyProof(client: SaksiClient, { from, to }: GetConsistencyProofParameters): Promise<GetConsistencyProofReturnType> {
  return (await requestJson<ConsistencyProof>(client, { path: '/v1/log/proof/consistency', query: { from, to } })).data
}
