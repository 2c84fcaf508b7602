import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeyPair } from '../../core/keys/key-pair.js'
import { bufferIo } from '../cli-io.js'
import { runCli } from '../run-cli.js'

let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksi-demo-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

/** Runs `saksi demo` in-process until it serves, calls `whileServing` with its URL, then stops it. */
async function demo(dir: string, whileServing: (url: string) => Promise<void>) {
  const io = bufferIo()
  const stop = new AbortController()
  const done = runCli(['demo', '--data', dir, '--port', '0'], io, { stop: stop.signal })
  let url: string | undefined
  for (let i = 0; i < 600 && !url; i++) {
    url = /listening on (http:\/\/\S+)/.exec(io.stdout())?.[1]
    if (!url) await Promise.race([new Promise((r) => setTimeout(r, 50)), done])
  }
  if (!url) throw new Error(`saksi demo did not start: ${io.stdout()} ${io.stderr()}`)
  try {
    await whileServing(url)
  } finally {
    stop.abort()
  }
  return { code: await done, out: io.stdout(), err: io.stderr() }
}

describe('saksi demo', () => {
  it('creates the network, loads the demo through signed transactions once, and serves it', async () => {
    const dir = join(root, 'demo')
    const first = await demo(dir, async (url) => {
      const siti = KeyPair.fromPem(await readFile(join(dir, 'keys', 'warga', 'siti-rahayu.pem'), 'utf8'))
      const res = await fetch(`${url}/v1/contracts/identity/queries/get?did=${siti.did}`)
      expect(await res.json()).toMatchObject({ name: 'Siti Rahayu', status: 'verified' })
    })
    expect(first.code).toBe(0)
    expect(first.out).toContain('Created network kota-contoh')
    expect(first.out).toContain('Loaded the demo through 22 signed transactions')
    expect(first.out).toMatch(/identity\.addMember +admin dukcapil/)
    expect(first.out).toMatch(/identity\.register +Siti Rahayu +failed IDENTITY_EXISTS/)

    const second = await demo(dir, async () => undefined)
    expect(second.code).toBe(0)
    expect(second.out).toContain('already holds 22 entries; not loading the demo again')

    const io = bufferIo()
    expect(await runCli(['verify', '--data', dir, '--workers', '0'], io)).toBe(0)
  })
})
