import { generateKeyPairSync } from 'node:crypto'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { didKeyFromPublicKey } from '../../../packages/saksi/src/core/keys/did-key.js'
import { serviceContracts } from '../../services/registry.js'
import { parseCityConfig, readCityConfig } from './city-config.js'
import { KOTA_CONTOH_CONFIG } from './kota-contoh.js'

const contracts = serviceContracts()
const uji = {
  network: 'kota-uji',
  origin: 'saksi.kota-uji.go.id/ledger',
  city: 'Kota Uji',
  organisations: [
    { id: 'dinsos', name: 'Dinas Sosial Kota Uji', kind: 'dinas', grants: ['welfare.admin', 'welfare.verifier'] },
    { id: 'bpkad', name: 'Badan Pengelolaan Keuangan dan Aset Daerah Kota Uji', grants: ['payments.gateway'] },
  ],
}

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksi-city-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const fails = (value: unknown) => () => parseCityConfig(value, contracts, 'city.json')

describe('parseCityConfig', () => {
  describe('when the configuration is well formed', () => {
    it('gives the network, the city and the organisations', () => {
      expect(parseCityConfig(uji, contracts)).toEqual(uji)
    })

    it('takes admins as did:key or as an Ed25519 public key in PEM', () => {
      const { publicKey } = generateKeyPairSync('ed25519')
      const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString()
      const did = didKeyFromPublicKey(new Uint8Array(Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url')))
      const c = parseCityConfig({ ...uji, organisations: [{ ...uji.organisations[0], admins: [pem] }] }, contracts)
      expect(c.organisations[0]!.admins).toEqual([did])
    })

    it('reads the demo city, Kota Contoh, as one such file', async () => {
      const c = await readCityConfig(KOTA_CONTOH_CONFIG, contracts)
      expect(c).toMatchObject({ network: 'kota-contoh', city: 'Kota Contoh' })
      expect(c.organisations.map((o) => o.id)).toContain('dinsos')
    })
  })

  describe('when the configuration is wrong', () => {
    it('names the path of the first problem', () => {
      expect(fails({ ...uji, organisations: [...uji.organisations, { id: 'dinsos', name: 'Dua kali' }] })).toThrow('city.json: config.organisations[2].id: dinsos is already config.organisations[0]')
      expect(fails({ ...uji, organisations: [{ id: 'dinsos', name: 'Dinas Sosial', grants: ['welfare.admn'] }] })).toThrow(/city\.json: config\.organisations\[0\]\.grants\[0\]: unknown role welfare\.admn \(known: .*welfare\.admin/)
      expect(fails({ ...uji, organisations: [{ id: 'dinsos', name: 'Dinas Sosial', admins: ['did:key:zNOPE'] }] })).toThrow('city.json: config.organisations[0].admins[0]')
      expect(fails({ ...uji, organisations: [{ id: 'dinsos', name: 'Dinas Sosial', admins: ['-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----'] }] })).toThrow('not an Ed25519 did:key or PEM public key')
      expect(fails({ ...uji, network: 'kota uji' })).toThrow('city.json: config.network')
      expect(fails({ ...uji, organisations: [] })).toThrow('config.organisations')
      expect(fails({ ...uji, mayor: 'x' })).toThrow('city.json: config')
    })

    it('refuses the same admin key twice in one organisation', () => {
      const did = didKeyFromPublicKey(new Uint8Array(32).fill(7))
      expect(fails({ ...uji, organisations: [{ id: 'dinsos', name: 'Dinas Sosial', admins: [did, did] }] })).toThrow('config.organisations[0].admins[1]: the same key is listed twice')
    })
  })
})

describe('readCityConfig', () => {
  describe('when the file is YAML', () => {
    it('reads it like JSON', async () => {
      const file = join(root, 'city.yaml')
      await writeFile(file, 'network: kota-uji\ncity: Kota Uji\norganisations:\n  - id: dinsos\n    name: Dinas Sosial Kota Uji\n    grants: [welfare.admin]\n')
      expect(await readCityConfig(file, contracts)).toEqual({ network: 'kota-uji', city: 'Kota Uji', organisations: [{ id: 'dinsos', name: 'Dinas Sosial Kota Uji', grants: ['welfare.admin'] }] })
    })
  })

  describe('when the file does not parse', () => {
    it('says so, naming the file', async () => {
      const file = join(root, 'city.json')
      await writeFile(file, '{"network": ')
      await expect(readCityConfig(file, contracts)).rejects.toThrow(`${file}: not valid JSON`)
      await expect(readCityConfig(join(root, 'none.json'), contracts)).rejects.toThrow('ENOENT')
      expect(await readdir(root)).toEqual(['city.json'])
    })
  })
})
