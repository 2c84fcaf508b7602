import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bufferIo } from './cli-io.js'
import { runSaksi as runCli } from '../saksi.js'

// The CLI end to end: `saksi start` runs as a real child process (port 0, stopped with SIGTERM);
// the other commands run in-process against it.

const repo = fileURLToPath(new URL('../..', import.meta.url))
let root: string
let dir: string
let server: ChildProcess
let url: string
let serverOutput = ''

async function saksi(...args: string[]) {
  const io = bufferIo()
  const code = await runCli(args, io)
  return { code, out: io.stdout(), err: io.stderr() }
}

function startServer(dataDir: string): Promise<string> {
  server = spawn(process.execPath, ['--conditions=saksi-source', '--import', 'tsx', 'src/main.ts', 'start', '--data', dataDir, '--port', '0'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      serverOutput += chunk.toString()
      const m = /listening on (http:\/\/\S+)/.exec(serverOutput)
      if (m) resolve(m[1]!)
    }
    server.stdout!.on('data', onData)
    server.stderr!.on('data', onData)
    server.once('exit', (code) => reject(new Error(`saksi start exited with ${code}: ${serverOutput}`)))
  })
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksi-e2e-'))
  dir = join(root, 'kota')
  expect((await saksi('init', '--data', dir)).code).toBe(0)
  url = await startServer(dir)
}, 60_000)

afterAll(async () => {
  if (server.exitCode === null) server.kill('SIGKILL')
  await rm(root, { recursive: true, force: true })
})

describe('saksi (end to end)', () => {
  it('signs and submits transactions with saksi tx, and audits the node with saksi verify', async () => {
    const key = join(root, 'siti.pem')
    expect((await saksi('keys', 'new', '--out', key)).code).toBe(0)

    const ok = await saksi('tx', '--key', key, '--contract', 'identity', '--method', 'register', '--args', '{}', '--node', url, '--wait')
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.out)).toMatchObject({ status: 'ok', index: 0, events: [{ type: 'identity.Registered' }] })

    // saksi tx simulates first: a call that would fail is not sent unless --force.
    const refused = await saksi('tx', '--key', key, '--contract', 'identity', '--method', 'register', '--args', '{}', '--node', url, '--wait')
    expect(refused.code).toBe(1)
    expect(JSON.parse(refused.out)).toMatchObject({ status: 'failed', code: 'IDENTITY_EXISTS', simulated: true })
    const again = await saksi('tx', '--key', key, '--contract', 'identity', '--method', 'register', '--args', '{}', '--node', url, '--wait', '--force')
    expect(again.code).toBe(3)
    expect(JSON.parse(again.out)).toMatchObject({ status: 'failed', code: 'IDENTITY_EXISTS', index: 1 })
    // The receipt has the code; the words come from the entry's result.
    expect(again.err).toMatch(/^saksi: committed as failed: IDENTITY_EXISTS: .+/m)

    const admin = join(dir, 'keys', 'dukcapil-admin.pem')
    const verifierKey = join(root, 'verifier.pem')
    const verifierDid = (await saksi('keys', 'new', '--out', verifierKey)).out.trim()
    const appoint = await saksi('tx', '--key', admin, '--contract', 'identity', '--method', 'addMember', '--args', JSON.stringify({ org: 'dukcapil', did: verifierDid, roles: ['identity.verifier'] }), '--node', url, '--wait')
    expect(appoint.code).toBe(0)

    // A NIK in clear is refused at the door (422 ARGS_PERSONAL_DATA, the contract's code as the reason): exit 1 with the error body.
    const nik = await saksi('tx', '--key', key, '--contract', 'identity', '--method', 'register', '--args', '{"name":"3201234567890123"}', '--node', url)
    expect(nik.code).toBe(1)
    expect(JSON.parse(nik.out)).toMatchObject({ error: { code: 'ARGS_PERSONAL_DATA', details: { reason: 'IDENTITY_NIK_IN_CLEAR' } } })

    const byNode = await saksi('verify', '--node', url, '--genesis', join(dir, 'genesis.json'), '--workers', '0')
    expect(byNode.out).toContain('verified kota-contoh')
    expect(byNode.out).toMatch(/entries +3:/)
    expect(byNode.out).toMatch(/proofs +\d+ inclusion and \d+ consistency/)
    expect(byNode.code).toBe(0)

    // Without --genesis the auditor fetches GET /v1/genesis and checks it against the genesisHash.
    const served = await saksi('verify', '--node', url, '--workers', '0')
    expect(served.out).toContain('verified kota-contoh')
    expect(served.code).toBe(0)
  })

  it('exits 2 when nothing answers at --node', async () => {
    const r = await saksi('tx', '--key', join(dir, 'node-key.pem'), '--contract', 'identity', '--method', 'register', '--node', 'http://127.0.0.1:9')
    expect(r.code).toBe(2)
    expect(r.err).toContain('cannot reach')
  })

  it('stops cleanly on SIGTERM, after which saksi verify --data passes with the stored state', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve))
    server.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(serverOutput).toContain('stopped')

    const byData = await saksi('verify', '--data', dir, '--workers', '0')
    expect(byData.out).toMatch(/state +\d+ keys equal to the re-executed state/)
    expect(byData.code).toBe(0)
  })
})
