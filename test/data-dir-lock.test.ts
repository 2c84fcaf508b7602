import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { KeyPair } from '../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../packages/saksi/src/core/tx/sign-tx.js'
import { bufferIo } from '../src/cli/cli-io.js'
import { runSaksi } from '../src/saksi.js'
import { startNodeProcess } from './support/start-node.js'

// Issue 12, finding 10: with a node running, `saksi start` on the same data directory started too,
// admitted a transaction with 202 and lost it. Now the second opener is refused, naming the first.

const children: ChildProcess[] = []
let root = ''

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  if (root) await rm(root, { recursive: true, force: true })
})

describe('saksi start on a data directory another node holds', () => {
  it('is refused with STORE_LOCKED and the holder pid; verify still reads; SIGKILL frees the lock', async () => {
    root = await mkdtemp(join(tmpdir(), 'saksi-lock-'))
    const dir = join(root, 'kota')
    expect(await runSaksi(['init', '--data', dir], bufferIo())).toBe(0)
    const first = await startNodeProcess(dir, children)

    const second = await startNodeProcess(dir, children).then(
      () => 'started',
      (e: Error) => e.message,
    )
    expect(second).toContain('STORE_LOCKED')
    expect(second).toContain(`pid ${first.child.pid}`)
    expect(second).toMatch(/exited \(2\)/)

    // The first node still commits; a read-only audit runs beside it.
    const { envelope, txId } = signTx({ network: 'kota-contoh', contract: 'identity', method: 'register', args: { name: 'Warga Uji' } }, KeyPair.generate())
    const res = await fetch(`${first.url}/v1/tx?wait=true`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(envelope) })
    expect(res.status).toBe(200)
    const verify = bufferIo()
    expect(await runSaksi(['verify', '--data', dir], verify)).toBe(0)

    // The operating system drops the lock with the process, however it ends.
    const exited = new Promise((resolve) => first.child.once('exit', resolve))
    first.child.kill('SIGKILL')
    await exited
    const third = await startNodeProcess(dir, children)
    const receipt = (await (await fetch(`${third.url}/v1/tx/${txId}`)).json()) as { status: string }
    expect(receipt.status).toBe('ok')
  }, 60_000)
})
