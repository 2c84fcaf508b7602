import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ValidationError } from '../../packages/saksi/src/core/errors.js'
import { runSaksi } from '../saksi.js'
import { identityService } from '../services/identity/index.js'
import { papanService } from '../services/testing/papan/index.js'
import { bufferIo } from './cli-io.js'
import { runCli } from './run-cli.js'
import { saksiErrorText } from './words/saksi-error-text.js'

// The command line speaks the operator's language: `--lang`, else the locale, else English.
const ID = { LANG: 'id_ID.UTF-8' }
const EN = {}

let root: string
let dir: string
let key: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksi-lang-'))
  dir = join(root, 'kota')
  key = join(root, 'petugas.pem')
  expect((await saksi(EN, 'init', '--data', dir)).code).toBe(0)
  expect((await saksi(EN, 'keys', 'new', '--out', key)).code).toBe(0)
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

async function saksi(env: Record<string, string>, ...args: string[]) {
  const io = bufferIo()
  const code = await runSaksi(args, io, { env })
  return { code, out: io.stdout(), err: io.stderr() }
}

describe('runCli', () => {
  describe('when asked for help', () => {
    it('answers in Bahasa Indonesia under an Indonesian locale, for saksi and its commands', async () => {
      const top = await saksi(ID, '--help')
      expect(top.code).toBe(0)
      expect(top.out).toMatch(/^Penggunaan: saksi \[opsi\] \[perintah\]/)
      expect(top.out).toContain('buku besar (ledger) yang dapat diverifikasi')
      expect(top.out).toContain('Perintah:')
      expect(top.out).toContain('membuat jaringan di direktori data baru')
      expect(top.out).toContain('tampilkan bantuan perintah')
      const start = await saksi(ID, 'start', '--help')
      // Commander wraps help at 80 columns.
      expect(start.out.replace(/\s+/g, ' ')).toContain('port TCP (0: port bebas mana saja) (bawaan: 8080, variabel lingkungan: PORT)')
      expect(start.out.replace(/\s+/g, ' ')).toContain('(pilihan: "id", "en")')
      expect(start.out).toContain('Opsi global:')
      for (const command of [['demo'], ['keys', 'new'], ['verify'], ['welfare', 'import'], ['procurement', 'bid']]) {
        const r = await saksi({}, '--lang', 'id', ...command, '--help')
        expect(r.out, command.join(' ')).toMatch(/^Penggunaan: saksi /)
        expect(r.out, command.join(' ')).not.toMatch(/\bthe (data directory|node|key|supplier)\b/)
      }
    })
    it('answers in English by default and with --lang en', async () => {
      const top = await saksi(EN, '--help')
      expect(top.out).toMatch(/^Usage: saksi \[options\] \[command\]/)
      expect(top.out).toContain('Saksi: a verifiable ledger for public services')
      expect(top.out).toContain('--lang <id|en>')
      expect((await saksi(ID, 'init', '--help', '--lang', 'en')).out).toContain('create a network in a new data directory')
    })
  })

  describe('when --lang is not id or en', () => {
    it('refuses it with exit 2, naming the choices', async () => {
      expect(await saksi(EN, '--lang', 'jv', 'init')).toMatchObject({ code: 2, err: 'saksi: --lang "jv": choose id (Bahasa Indonesia) or en (English)\n' })
      expect((await saksi(ID, 'init', '--lang=xx')).err).toContain('pilih id (Bahasa Indonesia) atau en (English)')
    })
  })

  describe('when a command fails', () => {
    it("prints a CliError in the operator's language", async () => {
      expect(await saksi(ID, 'verify')).toMatchObject({ code: 2, err: 'saksi: berikan tepat salah satu dari --node URL dan --data DIR\n' })
      expect(await saksi(EN, 'verify')).toMatchObject({ code: 2, err: 'saksi: give exactly one of --node URL and --data DIR\n' })
      expect((await saksi(ID, 'init', '--data', dir)).err).toContain('sudah berisi jaringan Saksi')
    })
    it("translates commander's own errors", async () => {
      expect((await saksi(ID, 'init')).err).toBe("galat: opsi wajib '--data <dir>' belum diberikan\n(jalankan saksi --help untuk melihat cara pakai)\n")
      expect((await saksi(EN, 'init')).err).toBe("error: required option '--data <dir>' not specified\n(run saksi --help for usage)\n")
      expect((await saksi(ID, 'start', '--data', dir, '--port', '99999')).err).toContain("galat: nilai '99999' untuk opsi '--port <n>' tidak sah: harus berupa bilangan bulat dari 0 sampai 65535")
    })
    it("prints a SaksiError's code with the catalogue's Indonesian sentence and the English detail", async () => {
      const notKey = join(root, 'not-a-key.pem')
      await writeFile(notKey, 'not a key', { mode: 0o600 })
      const id = await saksi(ID, 'keys', 'show', notKey)
      expect(id.code).toBe(2)
      expect(id.err).toMatch(/^saksi: .*not-a-key\.pem: \S.*\n {2}\(.+\)\n$/)
      const en = await saksi(EN, 'keys', 'show', notKey)
      expect(en.err).not.toContain('\n  (')
      const e = new ValidationError('DID_INVALID', 'did:key:z6Mk is not a did:key')
      expect(saksiErrorText(e).en).toBe('DID_INVALID: did:key:z6Mk is not a did:key')
      expect(saksiErrorText(e).id).toBe('DID_INVALID: Identitas bukan did:key Ed25519 yang sah.\n  (did:key:z6Mk is not a did:key)')
    })
  })

  describe('when a command succeeds', () => {
    it('init and verify report in Bahasa Indonesia under an Indonesian locale', async () => {
      const other = join(root, 'lain')
      const init = await saksi(ID, 'init', '--data', other)
      expect(init.out).toMatch(/^Jaringan kota-contoh dibuat di /)
      expect(init.out).toContain('kunci admin')
      expect(init.out).toContain(`Jalankan dengan: saksi start --data ${other}`)
      const verify = await saksi(ID, 'verify', '--data', dir, '--workers', '0')
      expect(verify.code).toBe(0)
      expect(verify.out).toMatch(/^kota-contoh \(saksi\.example\/kota-contoh\) terverifikasi di /)
      expect(verify.out).toContain('  blok         1: setiap tanda tangan')
    })
    it('init and verify stay in English by default', async () => {
      expect((await saksi(EN, 'init', '--data', join(root, 'en'))).out).toMatch(/^Created network kota-contoh in /)
      expect((await saksi(EN, 'verify', '--data', dir, '--workers', '0')).out).toMatch(/^verified kota-contoh /)
    })
    it('keys speaks both', async () => {
      expect((await saksi(ID, 'keys', 'new', '--out', join(root, 'a.pem'))).err).toMatch(/a\.pem sudah ditulis \(mode 0600\)\n$/)
      expect((await saksi(EN, 'keys', 'new', '--out', join(root, 'b.pem'))).err).toMatch(/wrote .*b\.pem \(mode 0600\)\n$/)
      expect((await saksi(ID, 'keys', 'show', key)).out).toContain('kunci publik: ')
      expect((await saksi(EN, 'keys', 'show', key)).out).toContain('public key:  ')
    })
    it('welfare and procurement refuse a bad file in both languages before calling any node', async () => {
      const csv = join(root, 'keluarga.csv')
      await writeFile(csv, 'nama\nSiti\n')
      expect((await saksi(ID, 'welfare', 'import', csv, '--key', key, '--programme', 'dinsos.pkh')).err).toContain('baris judul tidak memuat kolom')
      expect((await saksi(EN, 'welfare', 'import', csv, '--key', key, '--programme', 'dinsos.pkh')).err).toContain('the header lacks')
      const bid = join(root, 'bid.json')
      await writeFile(bid, '{')
      const args = ['procurement', 'bid', bid, '--key', key, '--process', 'p', '--supplier', 's']
      expect((await saksi(ID, ...args)).err).toContain('bid.json bukan JSON')
      expect((await saksi(EN, ...args)).err).toContain('bid.json is not JSON')
    })
  })

  describe('when the demo runs under an Indonesian locale', () => {
    it("prints the network, each service's summary and the serving line in Bahasa Indonesia", async () => {
      const io = bufferIo()
      const stop = new AbortController()
      const done = runCli(['demo', '--data', join(root, 'demo'), '--port', '0'], io, { services: [identityService, papanService], stop: stop.signal, env: ID })
      let url: string | undefined
      for (let i = 0; i < 600 && !url; i++) {
        url = /mendengarkan di (http:\/\/\S+)/.exec(io.stdout())?.[1]
        if (!url) await Promise.race([new Promise((r) => setTimeout(r, 50)), done])
      }
      stop.abort()
      expect(await done).toBe(0)
      expect(io.stdout()).toMatch(/^Jaringan kota-contoh dibuat di /)
      expect(io.stdout()).not.toContain('Jalankan dengan:')
      expect(io.stdout()).toMatch(/Data demo dimuat melalui \d+ transaksi bertanda tangan:/)
      expect(io.stdout()).toMatch(/identity\.addMember +admin dukcapil/)
      expect(io.stdout()).toMatch(/verifikator dukcapil → Siti Rahayu/)
      expect(io.stdout()).toMatch(/identity\.register +Siti Rahayu +gagal IDENTITY_EXISTS/)
      expect(io.stdout()).toContain('Memuat papan pengumuman…\nPapan: 1 pengumuman dipasang (ok)\n')
      expect(io.stdout()).toMatch(/Node Saksi mendengarkan di http:\/\/\S+ {2}\(dokumentasi API: /)
      expect(io.stderr()).toContain('node dimatikan')
    }, 120_000)
  })
})
