/**
 * The RFC 6962 / RFC 9162 Merkle log: hashing, proofs planned from stored subtree hashes,
 * an appender, an in-memory store and browser-safe verifiers. See README.md in this folder.
 */
export { EMPTY_ROOT, HASH_SIZE, leafHash, nodeHash } from './hash.js'
export { MERKLE_ERROR_CODES, type MerkleErrorCode } from './merkle-errors.js'
export { nodeCoverage, nodeKey, type NodeId } from './node-id.js'
export { rangeNodes } from './range-nodes.js'
export { assembleRoot, rootPlan } from './root-plan.js'
export { assembleProof, proofLength, type ProofPlan } from './proof-plan.js'
export { inclusionProofPlan } from './inclusion-proof-plan.js'
export { consistencyProofPlan } from './consistency-proof-plan.js'
export type { AsyncMerkleHashReader, MerkleHashReader } from './hash-store.js'
export { rootAt, rootAtAsync } from './root-at.js'
export { inclusionProof, inclusionProofAsync } from './inclusion-proof.js'
export { consistencyProof, consistencyProofAsync } from './consistency-proof.js'
export { MerkleAppender, type MerkleNode, type MerkleNodeSink } from './merkle-appender.js'
export { MemoryHashStore } from './memory-hash-store.js'
export { assertInclusion, rootFromInclusionProof, verifyInclusion } from './verify-inclusion.js'
export { assertConsistency, verifyConsistency } from './verify-consistency.js'
export { TILE_HEIGHT, TILE_WIDTH, tileForNode, type TileCoordinates } from './tile-for-node.js'
