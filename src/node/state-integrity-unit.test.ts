import { describe, expect, it } from 'vitest'
import type { StateDigestCheck } from '../store/ledger-store.js'
import { StateIntegrity } from './state-integrity.js'

const check = (ok: boolean): StateDigestCheck => ({ height: 4, entries: 10, stored: new Uint8Array(32), computed: new Uint8Array(32).fill(ok ? 0 : 1), ok })

describe('StateIntegrity', () => {
  describe('while the opening check runs', () => {
    it('answers reads, holds writes until it ends, and reports checking', async () => {
      let finish: (c: StateDigestCheck) => void = () => undefined
      const integrity = new StateIntegrity(new Promise((resolve) => (finish = resolve)), () => 0)
      expect(integrity.info().status).toBe('checking')
      expect(() => integrity.assertReadable()).not.toThrow()
      let written = false
      const write = integrity.whenWritable().then(() => (written = true))
      await Promise.resolve()
      expect(written).toBe(false)
      finish(check(true))
      await write
      expect(integrity.info()).toMatchObject({ status: 'ok', height: 4, entries: 10 })
    })
  })

  describe('when the check finds another digest', () => {
    it('refuses reads and writes with STATE_CORRUPT and tells each listener once', async () => {
      const integrity = new StateIntegrity(Promise.resolve(check(false)))
      const told: string[] = []
      integrity.onCorrupt((i) => told.push(i.status))
      await integrity.ready
      integrity.markCorrupt('again')
      expect(told).toEqual(['corrupt'])
      expect(() => integrity.assertReadable()).toThrow(expect.objectContaining({ code: 'STATE_CORRUPT', kind: 'internal' }))
      await expect(integrity.whenWritable()).rejects.toMatchObject({ code: 'STATE_CORRUPT' })
      expect(integrity.info()).toMatchObject({ status: 'corrupt', code: 'STATE_CORRUPT', height: 4 })
    })
  })

  describe('when the check cannot run', () => {
    it('counts the state as corrupt, naming why', async () => {
      const integrity = new StateIntegrity(Promise.reject(new Error('the store holds no state digest')))
      await integrity.ready
      expect(integrity.info()).toMatchObject({ status: 'corrupt', reason: expect.stringContaining('no state digest') })
    })
  })

  describe('without a check', () => {
    it('trusts the state', async () => {
      const integrity = new StateIntegrity(undefined)
      await integrity.whenWritable()
      expect(integrity.info().status).toBe('ok')
      let told = 0
      integrity.onCorrupt(() => told++)
      integrity.markCorrupt('audit failed')
      expect(told).toBe(1)
    })
  })
})
