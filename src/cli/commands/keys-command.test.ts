import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { formatCosignatureVerifierKey } from '../../../packages/saksi/src/core/note/cosignature-key.js'
import { formatVerifierKey } from '../../../packages/saksi/src/core/note/verifier-key.js'
import { bufferIo } from '../cli-io.js'
import { runSaksi as runCli } from '../../saksi.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saksi-keys-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function saksi(...args: string[]) {
  const io = bufferIo()
  const code = await runCli(args, io)
  return { code, out: io.stdout(), err: io.stderr() }
}

describe('saksi keys new', () => {
  describe('when --out names a new file', () => {
    it('writes a PKCS#8 PEM readable only by its owner and prints the did', async () => {
      const file = join(dir, 'warga.pem')
      const r = await saksi('keys', 'new', '--out', file)
      expect(r.code).toBe(0)
      const key = KeyPair.fromPem(await readFile(file, 'utf8'))
      expect(r.out).toBe(`${key.did}\n`)
      expect((await stat(file)).mode & 0o777).toBe(0o600)
    })
  })

  describe('when the file exists', () => {
    it('refuses to overwrite it (exit 2) and leaves it as it was', async () => {
      const file = join(dir, 'taken.pem')
      await writeFile(file, 'precious')
      const r = await saksi('keys', 'new', '--out', file)
      expect(r.code).toBe(2)
      expect(r.err).toContain('refusing to overwrite')
      expect(await readFile(file, 'utf8')).toBe('precious')
    })
  })

  describe('without --out', () => {
    it('prints the PEM on stdout and the did on stderr', async () => {
      const r = await saksi('keys', 'new')
      expect(r.code).toBe(0)
      const key = KeyPair.fromPem(r.out)
      expect(r.err).toBe(`${key.did}\n`)
    })
  })
})

describe('saksi keys show', () => {
  it('prints the did and public JWK and never the private part', async () => {
    const key = KeyPair.generate()
    const file = join(dir, 'k.pem')
    await writeFile(file, key.toPem(), { mode: 0o600 })
    const r = await saksi('keys', 'show', file)
    expect(r.code).toBe(0)
    expect(r.out).toContain(key.did)
    expect(r.out).toContain(JSON.stringify(key.toPublicJwk()))
    expect(r.out).toContain('--origin')
    expect(r.out).not.toContain(key.toJwk().d)
    expect(r.out).not.toContain('PRIVATE KEY')
  })

  it('prints the checkpoint and cosignature verifier keys under --origin', async () => {
    const key = KeyPair.generate()
    const file = join(dir, 'node.pem')
    await writeFile(file, key.toPem(), { mode: 0o600 })
    const r = await saksi('keys', 'show', file, '--origin', 'saksi.example/kota-contoh')
    expect(r.out).toContain(`checkpoint verifier key: ${formatVerifierKey('saksi.example/kota-contoh', key.publicKey)}\n`)
    expect(r.out).toContain(`cosignature verifier key: ${formatCosignatureVerifierKey('saksi.example/kota-contoh', key.publicKey)}\n`)
  })

  it('warns about a key file others may read', async () => {
    const file = join(dir, 'open.pem')
    await writeFile(file, KeyPair.generate().toPem(), { mode: 0o644 })
    const r = await saksi('keys', 'show', file)
    expect(r.code).toBe(0)
    expect(r.err).toContain('chmod 600')
  })

  it('refuses a file that is not an Ed25519 private key (exit 2)', async () => {
    const file = join(dir, 'bad.pem')
    await writeFile(file, 'not a key')
    const r = await saksi('keys', 'show', file)
    expect(r.code).toBe(2)
    expect(r.err).toContain('PRIVATE KEY')
  })
})

describe('saksi', () => {
  it('answers an unknown command with usage and exit 2', async () => {
    const r = await saksi('frobnicate')
    expect(r.code).toBe(2)
    expect(r.err).toContain('unknown command')
  })

  it('prints help with exit 0', async () => {
    const r = await saksi('--help')
    expect(r.code).toBe(0)
    expect(r.out).toContain('verify')
  })
})
