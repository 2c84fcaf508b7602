import { assembleProof } from './proof-plan.js'
import { consistencyProofPlan } from './consistency-proof-plan.js'
import type { AsyncMerkleHashReader, MerkleHashReader } from './hash-store.js'

/**
 * The consistency proof between the trees of the first `size1` and `size2` leaves, from stored
 * subtree hashes (O(log size2) reads, one `getNodes` call).
 * @param store where complete subtree hashes live
 * @param size1 older size, in [0, size2]
 * @param size2 newer size; the store must hold at least `size2` leaves
 * @returns the proof hashes (RFC 9162 section 2.1.4.1); empty when size1 is 0 or size2
 * @throws ValidationError `MERKLE_SIZE_INVALID`; the store's StorageError for a missing node
 */
export function consistencyProof(store: MerkleHashReader, size1: number, size2: number): Uint8Array[] {
  const plan = consistencyProofPlan(size1, size2)
  return assembleProof(plan, plan.nodes.length === 0 ? [] : store.getNodes(plan.nodes))
}

/**
 * `consistencyProof` for an asynchronous store.
 * @param store where complete subtree hashes live
 * @param size1 older size
 * @param size2 newer size
 * @returns the proof hashes
 * @throws as `consistencyProof`
 */
export async function consistencyProofAsync(store: AsyncMerkleHashReader, size1: number, size2: number): Promise<Uint8Array[]> {
  const plan = consistencyProofPlan(size1, size2)
  return assembleProof(plan, plan.nodes.length === 0 ? [] : await store.getNodes(plan.nodes))
}
