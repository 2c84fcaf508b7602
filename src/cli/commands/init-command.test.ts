import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { parseGenesis } from '../../node/genesis.js'
import { openSqliteLedgerStore } from '../../store/sqlite/open-sqlite-ledger-store.js'
import { bufferIo } from '../cli-io.js'
import { KOTA_CONTOH_CONFIG } from '../data-dir/kota-contoh.js'
import { runSaksi as runCli } from '../../saksi.js'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksi-init-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

async function saksi(...args: string[]) {
  const io = bufferIo()
  const code = await runCli(args, io)
  return { code, out: io.stdout(), err: io.stderr() }
}

const mode = async (path: string) => (await stat(path)).mode & 0o777

describe('saksi init', () => {
  describe('when the directory is new', () => {
    it('creates the keys (0600), the genesis and block 0 in a 0700 directory, and prints them', async () => {
      const dir = join(root, 'kota')
      const r = await saksi('init', '--data', dir)
      expect(r.code).toBe(0)
      expect(await mode(dir)).toBe(0o700)
      expect(await mode(join(dir, 'keys'))).toBe(0o700)
      expect(await mode(join(dir, 'node-key.pem'))).toBe(0o600)
      const adminFiles = (await readdir(join(dir, 'keys'))).sort()
      const kotaContoh = JSON.parse(await readFile(KOTA_CONTOH_CONFIG, 'utf8')) as { organisations: { id: string }[] }
      expect(adminFiles).toEqual([...kotaContoh.organisations.map((o) => `${o.id}-admin.pem`), 'bpkad-payments.pem'].sort())
      for (const f of adminFiles) expect(await mode(join(dir, 'keys', f))).toBe(0o600)
      // The vault's master key and the NIK secret: 32 random bytes each, readable by the owner only.
      for (const f of ['vault.key', 'nik.key']) {
        expect(await mode(join(dir, f))).toBe(0o600)
        expect(Buffer.from((await readFile(join(dir, f), 'utf8')).trim(), 'base64')).toHaveLength(32)
      }
      expect(await readFile(join(dir, 'vault.key'), 'utf8')).not.toBe(await readFile(join(dir, 'nik.key'), 'utf8'))

      const genesis = parseGenesis(JSON.parse(await readFile(join(dir, 'genesis.json'), 'utf8')))
      const nodeKey = KeyPair.fromPem(await readFile(join(dir, 'node-key.pem'), 'utf8'))
      const dinsos = KeyPair.fromPem(await readFile(join(dir, 'keys', 'dinsos-admin.pem'), 'utf8'))
      expect(genesis).toMatchObject({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did })
      expect(genesis.organisations).toContainEqual(expect.objectContaining({ id: 'dinsos', admins: [dinsos.did] }))
      const gateway = KeyPair.fromPem(await readFile(join(dir, 'keys', 'bpkad-payments.pem'), 'utf8'))
      expect(genesis.organisations).toContainEqual(expect.objectContaining({ id: 'bpkad', members: [{ did: gateway.did, roles: ['payments.gateway'] }] }))
      expect(r.out).toContain(nodeKey.did)
      expect(r.out).toContain('saksi.example/kota-contoh+')
      expect(r.out).toContain(join(dir, 'keys', 'dinsos-admin.pem'))

      const store = openSqliteLedgerStore(join(dir, 'ledger.sqlite'), { readonly: true })
      try {
        expect((await store.head())?.block.header).toMatchObject({ height: 0, size: 0 })
      } finally {
        await store.close()
      }
    })

    it('takes the network id and origin', async () => {
      const dir = join(root, 'lain')
      const r = await saksi('init', '--data', dir, '--network', 'kota-lain', '--origin', 'ledger.kota-lain.go.id/saksi')
      expect(r.code).toBe(0)
      expect(JSON.parse(await readFile(join(dir, 'genesis.json'), 'utf8'))).toMatchObject({ network: 'kota-lain', origin: 'ledger.kota-lain.go.id/saksi' })
    })

    it('accepts an existing empty directory', async () => {
      const dir = join(root, 'empty')
      await mkdir(dir, { mode: 0o755 })
      expect((await saksi('init', '--data', dir)).code).toBe(0)
      expect(await mode(dir)).toBe(0o700)
    })
  })

  describe('when the directory is in use', () => {
    it('refuses an initialised directory with exit 2 and changes nothing', async () => {
      const dir = join(root, 'kota')
      await saksi('init', '--data', dir)
      const before = await readFile(join(dir, 'genesis.json'), 'utf8')
      const r = await saksi('init', '--data', dir)
      expect(r.code).toBe(2)
      expect(r.err).toContain('already holds a Saksi network')
      expect(await readFile(join(dir, 'genesis.json'), 'utf8')).toBe(before)
    })

    it('refuses a non-empty directory with exit 2', async () => {
      const dir = join(root, 'busy')
      await mkdir(dir)
      await writeFile(join(dir, 'notes.txt'), 'x')
      const r = await saksi('init', '--data', dir)
      expect(r.code).toBe(2)
      expect(r.err).toContain('not empty')
      expect(await readdir(dir)).toEqual(['notes.txt'])
    })
  })

  describe('when the network id is invalid', () => {
    it('refuses it with exit 2 before creating anything', async () => {
      const dir = join(root, 'bad')
      const r = await saksi('init', '--data', dir, '--network', 'kota contoh')
      expect(r.code).toBe(2)
      expect(r.err).toContain('network')
      await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' })
    })
  })

  describe('when a city gives its own configuration (--config)', () => {
    const city = (admins?: string[]) => ({
      network: 'kota-uji',
      origin: 'saksi.kota-uji.go.id/ledger',
      city: 'Kota Uji',
      organisations: [
        { id: 'dinsos', name: 'Dinas Sosial Kota Uji', kind: 'dinas', grants: ['welfare.admin', 'welfare.verifier'] },
        { id: 'setda', name: 'Sekretariat Daerah Kota Uji', kind: 'sekretariat', ...(admins ? { admins } : {}) },
      ],
    })

    it("creates the city's network, generating admin keys only where none are given", async () => {
      const dir = join(root, 'uji')
      const file = join(root, 'city.json')
      const setdaAdmin = KeyPair.generate()
      await writeFile(file, JSON.stringify(city([setdaAdmin.did])))
      const r = await saksi('init', '--data', dir, '--config', file)
      expect(r.err).toBe('')
      expect(r.code).toBe(0)
      expect((await readdir(join(dir, 'keys'))).sort()).toEqual(['dinsos-admin.pem'])
      const genesis = JSON.parse(await readFile(join(dir, 'genesis.json'), 'utf8')) as Record<string, unknown>
      const dinsos = KeyPair.fromPem(await readFile(join(dir, 'keys', 'dinsos-admin.pem'), 'utf8'))
      expect(genesis).toMatchObject({ network: 'kota-uji', origin: 'saksi.kota-uji.go.id/ledger', city: 'Kota Uji' })
      expect(genesis.organisations).toEqual([
        { id: 'dinsos', name: 'Dinas Sosial Kota Uji', kind: 'dinas', admins: [dinsos.did], grants: ['welfare.admin', 'welfare.verifier'] },
        { id: 'setda', name: 'Sekretariat Daerah Kota Uji', kind: 'sekretariat', admins: [setdaAdmin.did] },
      ])
      expect(r.out).toContain('Created network kota-uji')
      expect(r.out).toContain(setdaAdmin.did)
      expect(r.out).not.toContain('Kota Contoh')
    })

    it('refuses a configuration the identity contract would refuse, and writes nothing', async () => {
      const dir = join(root, 'uji')
      const file = join(root, 'city.json')
      await writeFile(file, JSON.stringify({ ...city(), organisations: [{ id: 'dinsos', name: 'Dinas Sosial Kota Uji', kind: 'kementerian' }] }))
      const r = await saksi('init', '--data', dir, '--config', file)
      expect(r.code).toBe(2)
      expect(r.err).toContain(`${file}: `)
      expect(r.err).toContain('kind')
      await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' })
    })

    it('refuses --network beside --config', async () => {
      const file = join(root, 'city.json')
      await writeFile(file, JSON.stringify(city()))
      const r = await saksi('init', '--data', join(root, 'uji'), '--config', file, '--network', 'lain')
      expect(r.code).toBe(2)
      expect(r.err).toContain('--network and --origin come from the configuration file')
    })
  })
})
