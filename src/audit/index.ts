/**
 * The replay auditor: checks a ledger from genesis (signatures, chain links, checkpoints, every
 * entry, Merkle roots, full re-execution, stored state, served proofs), trusting only the genesis
 * document. `saksi verify` uses it now; node catch-up and witnesses next.
 */
export { auditLedger, type AuditContracts, type AuditOptions, type AuditSummary, type AuditTuning } from './audit-ledger.js'
export { AuditFailure, AuditSourceUnavailable, isNoVerdict } from './audit-failure.js'
export { NO_PROGRESS, type AuditProgress } from './audit-progress.js'
export type { AuditHead, AuditProofs, AuditSource, AuditStateEntry } from './audit-source.js'
export { HttpAuditSource, type HttpAuditSourceOptions } from './http-source.js'
export { StoreAuditSource } from './store-source.js'
export { AuditFollower, type AuditFollowerOptions } from './audit-follower.js'
export { createAuditMetrics, type AuditMetrics, type AuditResult } from './audit-metrics.js'
