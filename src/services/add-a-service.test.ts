import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bufferIo, runCli } from '../cli/index.js'
import { identityService } from './identity/index.js'
import { SERVICES } from './registry.js'
import { papanService } from './testing/papan/index.js'

// docs/ARCHITECTURE.md "Adding a service", checked: a service folder (src/services/testing/papan)
// and one more entry in the list are all it takes for the node, the API, the CLI, the demo and
// the audit to run it.
const withPapan = [identityService, papanService]

let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksi-papan-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('adding a service', () => {
  describe('when the example service is in the list', () => {
    it('adds its commands to the CLI', async () => {
      const io = bufferIo()
      expect(await runCli(['papan', 'hello'], io, { services: [...SERVICES, papanService] })).toBe(0)
      expect(io.stdout()).toBe('papan: halo (hello)\n')
    })

    it('runs its demo step, serves its routes with its own options and passes the audit', async () => {
      const dir = join(root, 'demo')
      const io = bufferIo()
      const stop = new AbortController()
      const done = runCli(['demo', '--data', dir, '--port', '0'], io, { services: withPapan, stop: stop.signal })
      let url: string | undefined
      for (let i = 0; i < 600 && !url; i++) {
        url = /listening on (http:\/\/\S+)/.exec(io.stdout())?.[1]
        if (!url) await Promise.race([new Promise((r) => setTimeout(r, 50)), done])
      }
      expect(url, io.stderr()).toBeDefined()
      try {
        expect(io.stdout()).toContain('Loading the notice board…\nPapan: 1 notice posted (ok)\n')
        const board = (await (await fetch(`${url}/v1/papan`)).json()) as { title: string; notices: { text: string }[] }
        expect(board).toMatchObject({ title: 'Papan Pengumuman Kota Contoh', notices: [{ text: 'Posyandu Sabtu pukul 08.00' }] })
        const openapi = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, unknown> }
        expect(Object.keys(openapi.paths)).toContain('/v1/papan')
        expect(Object.keys(openapi.paths).some((p) => p.startsWith('/v1/welfare'))).toBe(false)
      } finally {
        stop.abort()
      }
      expect(await done).toBe(0)

      const verified = bufferIo()
      expect(await runCli(['verify', '--data', dir, '--workers', '0'], verified, { services: withPapan })).toBe(0)
      expect(verified.stdout()).toMatch(/^verified kota-contoh/)
    })
  })

  // Uses the ledger the demo above wrote (tests in a file run in order).
  describe('when the list leaves a service out', () => {
    it('has no command of it', async () => {
      expect(await runCli(['papan', 'hello'], bufferIo(), { services: SERVICES })).toBe(2)
    })

    it('fails the audit of a ledger that ran it (every node and auditor needs the same list)', async () => {
      const io = bufferIo()
      expect(await runCli(['verify', '--data', join(root, 'demo'), '--workers', '0'], io, { services: [identityService] })).toBe(1)
      expect(io.stdout()).toMatch(/verify FAILED at /)
    })
  })
})
