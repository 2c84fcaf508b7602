import type { SaksiClient } from '../create-client.js'
import type { RequestErrorType } from '../errors/request-error-type.js'
import type { InclusionProof } from '../types/proofs.js'
import { requestJson } from '../utils/request-json.js'

/** Parameters of {@link getInclusionProof}. */
export interface GetInclusionProofParameters {
  /** The entry's log index. */
  index: number
  /** The tree size the proof is for (a checkpoint's size). */
  size: number
}

/** What {@link getInclusionProof} returns. */
export type GetInclusionProofReturnType = InclusionProof

/** What {@link getInclusionProof} throws: 400 for an index not below the size, or a size past the log. */
export type GetInclusionProofErrorType = RequestErrorType

/** `GET /v1/log/proof/inclusion?index=I&size=N` (RFC 6962). */
export async function getInclusionProof(client: SaksiClient, { index, size }: GetInclusionProofParameters): Promise<GetInclusionProofReturnType> {
  return (await requestJson<InclusionProof>(client, { path: '/v1/log/proof/inclusion', query: { index, size } })).data
}
