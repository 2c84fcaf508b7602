import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commitTestBlocks } from '../testing/commit-blocks.js'
import { initNetwork } from './init-network.js'
import { openDataNode } from './open-data-node.js'
import { auditSchedule } from './audit-schedule.js'
import { openDataServices } from './open-data-services.js'
import { serviceContracts } from '../../services/registry.js'

const root = mkdtempSync(join(tmpdir(), 'saksi-services-'))
const dir = join(root, 'kota')
afterAll(() => rmSync(root, { recursive: true, force: true }))
beforeAll(async () => {
  await initNetwork({ dir, contracts: serviceContracts() })
  await commitTestBlocks(dir)
}, 60_000)

const open = () => openDataNode(dir, serviceContracts(), { node: { signatureWorkers: 0, maxBlockDelayMs: 1 } })

describe('openDataServices', () => {
  describe('when the node of a data directory closes', () => {
    it('shuts the payment outbox down through the followers and leaves its cursor at the head in outbox.json', async () => {
      const { node, services, close } = await open()
      const size = node.size()
      expect(services.followers.positions().map((p) => p.name)).toEqual(['payment-outbox'])
      expect(await close()).toEqual([])
      expect(readFileSync(join(dir, 'outbox.json'), 'utf8')).toBe(`{"next":${size}}\n`)
    })
  })

  describe('when opened twice on the same directory', () => {
    it('keeps the used signed requests in requests.sqlite', async () => {
      const first = await open()
      expect(first.services.guards.claim('req-1', Date.now() + 60_000, Date.now())).toBe(true)
      await first.close()
      const again = await open()
      expect(again.services.guards.claim('req-1', Date.now() + 60_000, Date.now())).toBe(false)
      await again.close()
    })
  })

  describe('when outbox.json is corrupt', () => {
    it('refuses to open, naming the file', async () => {
      const file = join(dir, 'outbox.json')
      const good = readFileSync(file, 'utf8')
      writeFileSync(file, '{"next":')
      try {
        await expect(open()).rejects.toThrow(`FOLLOWER_CURSOR_INVALID: ${file} is not JSON`)
      } finally {
        writeFileSync(file, good)
      }
    })
  })

  describe('when SAKSI_FOLLOWER_DRAIN_MS is not a number of milliseconds', () => {
    it('refuses it', async () => {
      const { node, paths, services, close } = await open()
      try {
        await expect(openDataServices(paths, node, services.guards, { SAKSI_FOLLOWER_DRAIN_MS: 'soon' })).rejects.toThrow('SAKSI_FOLLOWER_DRAIN_MS=soon is not a whole number of milliseconds')
      } finally {
        await close()
      }
    })
  })
})

describe('auditSchedule', () => {
  describe('when SAKSI_AUDIT_INTERVAL_MINUTES is set', () => {
    it('adds the audit follower beside the outbox, and refuses a value that is not minutes', async () => {
      const { node, paths, genesis, services, close } = await open()
      try {
        const set = await openDataServices(paths, node, services.guards, { SAKSI_AUDIT_INTERVAL_MINUTES: '1' }, { contracts: serviceContracts(), genesis })
        expect(set.followers.positions().map((p) => p.name)).toEqual(['payment-outbox', 'audit'])
        await set.close()
        await expect(openDataServices(paths, node, services.guards, { SAKSI_AUDIT_INTERVAL_MINUTES: 'often' }, { contracts: serviceContracts(), genesis })).rejects.toThrow('SAKSI_AUDIT_INTERVAL_MINUTES=often')
      } finally {
        await close()
      }
    })

    it('audits the data directory from genesis and reports it in the metrics', async () => {
      const { node, paths, genesis, close } = await open()
      try {
        const follower = auditSchedule(paths, node, { contracts: serviceContracts(), genesis }, { SAKSI_AUDIT_INTERVAL_MINUTES: '60' })!
        const summary = await follower.runOnce()
        expect(summary?.entries).toBe(node.size())
        expect(await node.metrics.metrics()).toMatch(/saksi_audit_last_result\{result="passed"\} 1/)
        expect(node.stateIntegrity.corrupt).toBe(false)
      } finally {
        await close()
      }
    })
  })

  describe('when SAKSI_AUDIT_INTERVAL_MINUTES is 0', () => {
    it('schedules no audit', async () => {
      const { node, paths, genesis, close } = await open()
      try {
        expect(auditSchedule(paths, node, { contracts: serviceContracts(), genesis }, { SAKSI_AUDIT_INTERVAL_MINUTES: '0' })).toBeUndefined()
      } finally {
        await close()
      }
    })
  })
})
