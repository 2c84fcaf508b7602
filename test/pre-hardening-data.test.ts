import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { bufferIo } from '../src/cli/cli-io.js'
import { runSaksi } from '../src/saksi.js'

/**
 * A data directory written by the demo before issue 12 "Hardening" (commit ab9f5b8), with calls that
 * the hardened node refuses at admission and never logs: a call to an unknown contract with a NIK in
 * its args, an unknown method, `identity.register` without a name and with a name too long, and a
 * phone number as a name. Whatever the node now refuses or executes differently, such a log was
 * committed under the old rules and must still verify, entry for entry.
 */
const FIXTURE = fileURLToPath(new URL('./fixtures/pre-hardening', import.meta.url))

let dir: string | undefined
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
  dir = undefined
})

describe('saksi verify', () => {
  describe('when given a data directory written before the hardening', () => {
    it('re-executes every entry from genesis and finds the same log and state', async () => {
      dir = await mkdtemp(join(tmpdir(), 'saksi-pre-hardening-'))
      await cp(FIXTURE, dir, { recursive: true })
      const io = bufferIo()
      const code = await runSaksi(['verify', '--data', dir], io)
      const out = io.stdout() + io.stderr()
      expect(out).toContain('verified kota-contoh')
      expect(out).toMatch(/entries\s+781: strictly parsed, signatures checked, re-executed from genesis byte for byte/)
      expect(out).toMatch(/state\s+3,943 keys equal to the re-executed state/)
      expect(code).toBe(0)
    }, 120_000)
  })
})
