import { Registry } from 'prom-client'
import { describe, expect, it } from 'vitest'
import { identity } from '../services/identity/contract/identity.js'
import { AuditSourceUnavailable, type AuditFailure } from './audit-failure.js'
import { AuditFollower } from './audit-follower.js'
import { buildFixtureLedger } from './testing/fixture-ledger.js'

async function metric(registry: Registry, name: string): Promise<{ labels: Record<string, string | number>; value: number }[]> {
  const all = await registry.getMetricsAsJSON()
  return (all.find((m) => m.name === name)?.values ?? []) as { labels: Record<string, string | number>; value: number }[]
}

async function lastResult(registry: Registry): Promise<Record<string, number>> {
  return Object.fromEntries((await metric(registry, 'saksi_audit_last_result')).map((v) => [String(v.labels.result), v.value]))
}

describe('AuditFollower', () => {
  describe('when the ledger verifies', () => {
    it('reports the run as passed with the entries audited and its time, and moves its position', async () => {
      const ledger = buildFixtureLedger(2, 3)
      const registry = new Registry()
      const follower = new AuditFollower({ contracts: [identity], openSource: async () => ledger.source('data'), intervalMs: 60_000, metrics: registry, signatureWorkers: 0, now: () => 1_700_000_000_000 })
      const summary = await follower.runOnce()
      expect(summary?.entries).toBe(ledger.entries.length)
      expect(follower.nextIndex).toBe(ledger.entries.length)
      expect(await lastResult(registry)).toEqual({ passed: 1, failed: 0, no_verdict: 0 })
      expect((await metric(registry, 'saksi_audit_entries'))[0]?.value).toBe(ledger.entries.length)
      expect((await metric(registry, 'saksi_audit_last_run_timestamp_seconds'))[0]?.value).toBe(1_700_000_000)
      expect((await metric(registry, 'saksi_audit_runs_total')).find((v) => v.labels.result === 'passed')?.value).toBe(1)
    })
  })

  describe('when the stored state was changed', () => {
    it('reports the run as failed and tells the node which key', async () => {
      const ledger = buildFixtureLedger(2, 3)
      const [first] = ledger.state.dump()
      ledger.state.apply([{ contract: first!.contract, key: first!.key, value: { tampered: true } }])
      const registry = new Registry()
      const failures: AuditFailure[] = []
      const follower = new AuditFollower({ contracts: [identity], openSource: async () => ledger.source('data'), intervalMs: 60_000, metrics: registry, signatureWorkers: 0, onFailure: (f) => failures.push(f) })
      expect(await follower.runOnce()).toBeUndefined()
      expect(failures.map((f) => f.where)).toEqual([`state ${first!.contract}/${first!.key}`])
      expect(follower.nextIndex).toBe(0)
      expect(await lastResult(registry)).toEqual({ passed: 0, failed: 1, no_verdict: 0 })
    })
  })

  describe('when the source cannot be read', () => {
    it('reports no verdict and tells it as an error, not a failure', async () => {
      const registry = new Registry()
      const errors: unknown[] = []
      const failures: unknown[] = []
      const follower = new AuditFollower({
        contracts: [identity],
        openSource: async () => Promise.reject(new AuditSourceUnavailable('gone')),
        intervalMs: 60_000,
        metrics: registry,
        onError: (e) => errors.push(e),
        onFailure: (f) => failures.push(f),
      })
      await follower.runOnce()
      expect(errors).toHaveLength(1)
      expect(failures).toEqual([])
      expect(await lastResult(registry)).toEqual({ passed: 0, failed: 0, no_verdict: 1 })
    })
  })

  describe('when started', () => {
    it('runs on its schedule until stopped, and does not hold up shutdown', async () => {
      const ledger = buildFixtureLedger(1, 2)
      const registry = new Registry()
      let opened = 0
      const follower = new AuditFollower({
        contracts: [identity],
        openSource: async () => {
          opened++
          return ledger.source('data')
        },
        intervalMs: 5,
        metrics: registry,
        signatureWorkers: 0,
      })
      expect(follower.drains).toBe(false)
      follower.start()
      await expect.poll(() => opened, { timeout: 20_000 }).toBeGreaterThanOrEqual(2)
      await follower.stop()
      const after = opened
      await new Promise((resolve) => setTimeout(resolve, 30))
      expect(opened).toBe(after)
    })
  })
})
