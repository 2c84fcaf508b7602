import { assembleRoot, rootPlan } from './root-plan.js'
import type { AsyncMerkleHashReader, MerkleHashReader } from './hash-store.js'

/**
 * The root of the first `size` leaves, from stored subtree hashes (at most 53 reads).
 * @param store where complete subtree hashes live
 * @param size tree size; the store must hold at least `size` leaves
 * @returns the 32-byte root (`EMPTY_ROOT` for size 0)
 * @throws ValidationError `MERKLE_SIZE_INVALID`; the store's StorageError for a missing node
 */
export function rootAt(store: MerkleHashReader, size: number): Uint8Array {
  const plan = rootPlan(size)
  return assembleRoot(plan, plan.length === 0 ? [] : store.getNodes(plan))
}

/**
 * `rootAt` for an asynchronous store.
 * @param store where complete subtree hashes live
 * @param size tree size
 * @returns the 32-byte root
 * @throws as `rootAt`
 */
export async function rootAtAsync(store: AsyncMerkleHashReader, size: number): Promise<Uint8Array> {
  const plan = rootPlan(size)
  return assembleRoot(plan, plan.length === 0 ? [] : await store.getNodes(plan))
}
