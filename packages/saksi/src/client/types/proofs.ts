/** `GET /v1/log/proof/inclusion`: the RFC 6962 audit path of entry `index` in the tree of `size`. */
export interface InclusionProof {
  index: number
  size: number
  /** base64 hashes, leaf to root. */
  proof: string[]
}

/** `GET /v1/log/proof/consistency`: the RFC 6962 proof that the tree of `from` is a prefix of `to`'s. */
export interface ConsistencyProof {
  from: number
  to: number
  /** base64 hashes. */
  proof: string[]
}
