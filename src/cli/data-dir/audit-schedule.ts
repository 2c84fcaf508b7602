import type { Contract, JsonObject } from 'saksi'
import { AuditFollower, StoreAuditSource } from '../../audit/index.js'
import type { LedgerNode } from '../../node/index.js'
import { CliError } from '../cli-error.js'
import type { DataDirPaths } from './data-dir-paths.js'
import { openDataStore } from './open-data-store.js'
import { DATA_DIR_WORDS as W } from './data-dir-words.js'
import { bilingual } from '../words/words.js'

/** Minutes between scheduled audits when `SAKSI_AUDIT_INTERVAL_MINUTES` is not set (6 hours). */
export const DEFAULT_AUDIT_INTERVAL_MINUTES = 360

/**
 * The scheduled full audit of a data directory's node, or undefined when
 * `SAKSI_AUDIT_INTERVAL_MINUTES` is 0 (the tests' default, see vitest.config.ts). Each run reads
 * the directory's ledger through a read-only store of its own and re-executes it from the
 * directory's genesis; a failed audit marks the node's state corrupt (writes and state reads then
 * answer `STATE_CORRUPT`).
 * @throws CliError if `SAKSI_AUDIT_INTERVAL_MINUTES` is not a number of minutes
 */
export function auditSchedule(paths: DataDirPaths, node: LedgerNode, audit: { contracts: readonly Contract[]; genesis: JsonObject }, env: NodeJS.ProcessEnv): AuditFollower | undefined {
  const text = env.SAKSI_AUDIT_INTERVAL_MINUTES?.trim()
  const minutes = text ? Number(text) : DEFAULT_AUDIT_INTERVAL_MINUTES
  if (!Number.isFinite(minutes) || minutes < 0) throw new CliError(bilingual(W, (w) => w.auditInterval(text ?? '')))
  if (minutes === 0) return undefined
  return new AuditFollower({
    contracts: audit.contracts,
    openSource: async () => new StoreAuditSource(await openDataStore(paths.store, { readonly: true }), audit.genesis, paths.dir),
    intervalMs: minutes * 60_000,
    metrics: node.metrics,
    onFailure: (f) => node.stateIntegrity.markCorrupt(`the scheduled audit failed: ${f.message}`),
  })
}
