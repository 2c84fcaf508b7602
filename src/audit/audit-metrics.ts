import { Counter, Gauge, type Registry } from 'prom-client'

/** How a scheduled audit ended: a verdict either way, or none (the source could not be read). */
export type AuditResult = 'passed' | 'failed' | 'no_verdict'

const RESULTS: readonly AuditResult[] = ['passed', 'failed', 'no_verdict']

/** The scheduled audit's series in the node's `/metrics`. */
export interface AuditMetrics {
  /** Records one finished run. */
  record(result: AuditResult, entries: number, seconds: number, at: number): void
}

/**
 * Registers the audit's series: `saksi_audit_last_run_timestamp_seconds`,
 * `saksi_audit_last_result{result}` (1 for the last run's result, 0 for the others),
 * `saksi_audit_entries` (entries the last run re-checked), `saksi_audit_duration_seconds` and
 * `saksi_audit_runs_total{result}`.
 * @param registry the node's registry
 */
export function createAuditMetrics(registry: Registry): AuditMetrics {
  const registers = [registry]
  const last = new Gauge({ name: 'saksi_audit_last_run_timestamp_seconds', help: 'When the last scheduled audit of the whole log ended (Unix seconds)', registers })
  const result = new Gauge({ name: 'saksi_audit_last_result', help: 'The last scheduled audit: 1 for its result (passed, failed or no_verdict), 0 for the others', labelNames: ['result'], registers })
  const entries = new Gauge({ name: 'saksi_audit_entries', help: 'Entries the last scheduled audit re-checked from genesis', registers })
  const duration = new Gauge({ name: 'saksi_audit_duration_seconds', help: 'How long the last scheduled audit took', registers })
  const runs = new Counter({ name: 'saksi_audit_runs_total', help: 'Scheduled audits run, by result', labelNames: ['result'], registers })
  for (const r of RESULTS) {
    result.set({ result: r }, 0)
    runs.inc({ result: r }, 0)
  }
  return {
    record(r, n, seconds, at) {
      last.set(at / 1000)
      for (const other of RESULTS) result.set({ result: other }, other === r ? 1 : 0)
      entries.set(n)
      duration.set(seconds)
      runs.inc({ result: r })
    },
  }
}
