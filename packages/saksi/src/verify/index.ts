/**
 * `saksi/verify`: everything an integrator, auditor or browser needs to check a Saksi log without
 * trusting the node. Browser-safe: no Node built-ins (Node gets native crypto automatically, a
 * browser gets @noble). Functions are synchronous.
 */
export { verifyInclusion, verifyConsistency, leafHash, type InclusionArgs, type ConsistencyArgs } from './proofs.js'
export { parseCheckpoint, verifyCheckpoint, type CheckpointInfo } from './checkpoints.js'
export { verifyEnvelope, verifyEntry } from './envelopes.js'
export { type HashInput } from './hash-input.js'
export { SaksiError } from '../core/index.js'
export type { Entry } from '../core/index.js'
