import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuditProgress } from '../audit-progress.js'
import { auditLedger } from '../../audit/audit-ledger.js'
import { buildFixtureLedger } from '../../audit/testing/fixture-ledger.js'
import { bufferIo } from '../cli-io.js'
import { runSaksi as runCli } from '../../saksi.js'
import { serviceContracts } from '../../services/registry.js'

let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksi-verify-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

async function saksi(...args: string[]) {
  const io = bufferIo()
  const code = await runCli(args, io)
  return { code, out: io.stdout(), err: io.stderr() }
}

describe('saksi verify', () => {
  describe('when it cannot audit', () => {
    it('needs exactly one of --node and --data (exit 2)', async () => {
      expect(await saksi('verify')).toMatchObject({ code: 2, err: expect.stringContaining('exactly one of --node URL and --data DIR') })
      expect((await saksi('verify', '--node', 'http://127.0.0.1:9', '--data', root)).code).toBe(2)
    })

    it('refuses a directory that is not a data directory (exit 2)', async () => {
      const r = await saksi('verify', '--data', join(root, 'nothing'))
      expect(r.code).toBe(2)
      expect(r.err).toContain('not a Saksi data directory')
    })

    it('refuses a bad --workers (exit 2)', async () => {
      expect((await saksi('verify', '--data', root, '--workers', 'many')).code).toBe(2)
    })
  })
})

describe('createAuditProgress', () => {
  describe('when stdout is not a terminal', () => {
    it('writes plain progress lines to stderr', async () => {
      const io = bufferIo()
      const ledger = buildFixtureLedger(2, 2)
      await auditLedger(ledger.source('data'), { contracts: serviceContracts(), signatureWorkers: 0, progress: createAuditProgress(io, 0) })
      expect(io.stderr()).toMatch(/^verified \d+\/\d+ entries, \d+\/3 blocks \(\d+ entries\/s\)$/m)
      expect(io.stdout()).toBe('')
    })
  })
})
