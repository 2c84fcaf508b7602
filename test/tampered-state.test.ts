import Database from 'better-sqlite3'
import type { ChildProcess } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { KeyPair } from '../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../packages/saksi/src/core/tx/sign-tx.js'
import { startNodeProcess } from './support/start-node.js'

// Issue 12, finding 8: a state row changed in ledger.sqlite behind the node's back was served as
// truth until an offline audit. The data directory is the pre-hardening fixture (schema version 1,
// no state digest yet): its first open computes the digest from the state table it finds.
const FIXTURE = fileURLToPath(new URL('./fixtures/pre-hardening', import.meta.url))

const children: ChildProcess[] = []
const dirs: string[] = []
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

async function copyFixture(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'saksi-tampered-'))
  dirs.push(dir)
  await cp(FIXTURE, dir, { recursive: true })
  return dir
}

/** The DID and stored text of one registered identity. */
function identityRow(dir: string): { key: string; value: string } {
  const raw = new Database(join(dir, 'ledger.sqlite'), { readonly: true })
  const row = raw.prepare("SELECT key, value FROM state WHERE contract = 'identity' AND value LIKE '%\"name\":%' LIMIT 1").get() as { key: string; value: string }
  raw.close()
  return row
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

async function networkState(url: string): Promise<{ status: string }> {
  for (;;) {
    const info = (await (await fetch(`${url}/v1/network`)).json()) as { state: { status: string } }
    if (info.state.status !== 'checking') return info.state
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('saksi start', () => {
  describe('when a state row was changed in ledger.sqlite while the node was stopped', () => {
    it('says so on stderr and in /v1/network, and answers writes and state queries with 503 STATE_CORRUPT', async () => {
      const dir = await copyFixture()
      // First start: the digest is computed from the untouched state, and matches.
      const first = await startNodeProcess(dir, children)
      expect(await networkState(first.url)).toMatchObject({ status: 'ok' })
      await stop(first.child)

      const row = identityRow(dir)
      const did = row.key.replace(/^[^:]*\//, '')
      const raw = new Database(join(dir, 'ledger.sqlite'))
      raw.prepare("UPDATE state SET value = ? WHERE contract = 'identity' AND key = ?").run(row.value.replace(/"name":"[^"]*"/, '"name":"Pemilik Baru"'), row.key)
      raw.close()

      const again = await startNodeProcess(dir, children)
      expect(await networkState(again.url)).toMatchObject({ status: 'corrupt', code: 'STATE_CORRUPT' })
      const network = ((await (await fetch(`${again.url}/v1/network`)).json()) as { network: string }).network
      const { envelope } = signTx({ network, contract: 'identity', method: 'register', args: { name: 'Warung Baru' } }, KeyPair.generate())
      const tx = await fetch(`${again.url}/v1/tx`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(envelope) })
      expect(tx.status).toBe(503)
      expect(((await tx.json()) as { error: { code: string } }).error.code).toBe('STATE_CORRUPT')
      const query = await fetch(`${again.url}/v1/contracts/identity/queries/get?did=${encodeURIComponent(did)}`)
      expect(query.status).toBe(503)
      expect(await query.text()).not.toContain('Pemilik Baru')
      // The log itself stays served: it is verifiable without trusting the node.
      expect((await fetch(`${again.url}/v1/log/checkpoint`)).status).toBe(200)
      await expect.poll(() => again.output(), { timeout: 10_000 }).toContain('STATE_CORRUPT: the committed state')
      expect(again.output()).toContain('saksi verify --data')
    }, 120_000)
  })
})
