import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { KeyPair } from '../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../packages/saksi/src/core/tx/sign-tx.js'
import { bufferIo } from '../src/cli/cli-io.js'
import { startNodeProcess } from './support/start-node.js'
import { runSaksi as runCli } from '../src/saksi.js'

// DESIGN and issue "Embedded node", durability: a client told "committed" never loses its
// transaction. The node runs as a real process under load and is killed with SIGKILL at random
// moments; after each restart every acknowledged transaction must still be committed, and at the
// end `saksi verify --data` must pass over everything that survived.

const children: ChildProcess[] = []
let root = ''

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  if (root) await rm(root, { recursive: true, force: true })
})

const start = (dir: string) => startNodeProcess(dir, children)

/** Sends signed registrations until stopped; returns the txIds the node said were committed. */
async function load(url: string, network: string, until: Promise<void>): Promise<string[]> {
  const acknowledged: string[] = []
  let stop = false
  void until.then(() => (stop = true))
  const client = async () => {
    while (!stop) {
      const { envelope, txId } = signTx({ network, contract: 'identity', method: 'register', args: { name: 'Warga Uji' } }, KeyPair.generate())
      try {
        const res = await fetch(`${url}/v1/tx?wait=true`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(envelope) })
        if (res.status === 200 && ((await res.json()) as { txId: string }).txId === txId) acknowledged.push(txId)
      } catch {
        return // the node was killed mid-request: that transaction was never acknowledged
      }
    }
  }
  await Promise.all(Array.from({ length: 12 }, client))
  return acknowledged
}

describe('the embedded node under SIGKILL', () => {
  it('keeps every acknowledged transaction across five kills and passes saksi verify', async () => {
    root = await mkdtemp(join(tmpdir(), 'saksi-durability-'))
    const dir = join(root, 'kota')
    const io = bufferIo()
    expect(await runCli(['init', '--data', dir], io)).toBe(0)
    const acknowledged: string[] = []
    const restartMs: number[] = []
    for (let round = 0; round < 5; round++) {
      const { child, url, startedMs } = await start(dir)
      restartMs.push(startedMs)
      // Everything acknowledged before this restart must be there.
      for (const txId of acknowledged) {
        const res = await fetch(`${url}/v1/tx/${txId}`)
        expect(res.status, `acknowledged ${txId} lost after kill ${round}`).toBe(200)
        expect(((await res.json()) as { status: string }).status).toBe('ok')
      }
      const killed = new Promise<void>((resolve) =>
        setTimeout(() => {
          child.kill('SIGKILL')
          child.once('exit', () => resolve())
        }, 400 + Math.floor(Math.random() * 800)),
      )
      acknowledged.push(...(await load(url, 'kota-contoh', killed)))
      await killed
    }
    expect(acknowledged.length).toBeGreaterThan(50)

    const verify = bufferIo()
    const code = await runCli(['verify', '--data', dir], verify)
    expect(verify.stdout() + verify.stderr()).toContain('verified kota-contoh')
    expect(code).toBe(0)
  }, 120_000)
})
