import { assembleProof } from './proof-plan.js'
import { inclusionProofPlan } from './inclusion-proof-plan.js'
import type { AsyncMerkleHashReader, MerkleHashReader } from './hash-store.js'

/**
 * The inclusion proof of leaf `index` in the tree of the first `size` leaves, from stored subtree
 * hashes (O(log size) reads, one `getNodes` call).
 * @param store where complete subtree hashes live
 * @param index leaf index, in [0, size)
 * @param size tree size; the store must hold at least `size` leaves
 * @returns the proof hashes, leaf side first (RFC 9162 section 2.1.3.1)
 * @throws ValidationError `MERKLE_SIZE_INVALID` or `MERKLE_INDEX_OUT_OF_RANGE`; the store's
 *   StorageError for a missing node
 */
export function inclusionProof(store: MerkleHashReader, index: number, size: number): Uint8Array[] {
  const plan = inclusionProofPlan(index, size)
  return assembleProof(plan, plan.nodes.length === 0 ? [] : store.getNodes(plan.nodes))
}

/**
 * `inclusionProof` for an asynchronous store.
 * @param store where complete subtree hashes live
 * @param index leaf index
 * @param size tree size
 * @returns the proof hashes
 * @throws as `inclusionProof`
 */
export async function inclusionProofAsync(store: AsyncMerkleHashReader, index: number, size: number): Promise<Uint8Array[]> {
  const plan = inclusionProofPlan(index, size)
  return assembleProof(plan, plan.nodes.length === 0 ? [] : await store.getNodes(plan.nodes))
}
