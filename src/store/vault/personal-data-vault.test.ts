import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { recordCommitment } from '../../../packages/saksi/src/core/commitment/record-commitment.js'
import { createSecretFile, loadSecret, type Secret } from './master-key.js'
import { MemoryVaultBackend } from './memory-vault-backend.js'
import { PersonalDataVault } from './personal-data-vault.js'
import { SqliteVaultBackend } from './sqlite-vault-backend.js'

const dir = mkdtempSync(join(tmpdir(), 'saksi-pdv-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const master = (fill: number): Secret => ({ bytes: new Uint8Array(32).fill(fill), id: `k${fill}`.padEnd(8, '0') })
const siti = { name: 'Siti Aminah', nik: '3201234567890001', birthDate: '1990-04-12' }

describe('PersonalDataVault', () => {
  describe('when depositing and reading', () => {
    it('returns the record, its salt and a commitment that anyone can recompute', () => {
      const vault = new PersonalDataVault(new MemoryVaultBackend(), master(1))
      const [d] = vault.deposit([siti])
      const opened = vault.read(d!.ref)
      expect(opened.record).toEqual(siti)
      expect(opened.subject).toBe(d!.subject)
      expect(opened.commitment).toBe(d!.commitment)
      expect(recordCommitment(Buffer.from(d!.salt, 'base64'), siti)).toBe(d!.commitment)
    })

    it('gives each record its own salt and reference, and a new subject its own key', () => {
      const backend = new MemoryVaultBackend()
      const vault = new PersonalDataVault(backend, master(1))
      const [a, b] = vault.deposit([siti, siti])
      expect(a!.commitment).not.toBe(b!.commitment)
      expect(a!.ref).not.toBe(b!.ref)
      const [c] = vault.deposit([siti])
      expect(c!.subject).not.toBe(a!.subject)
      expect(backend.getSubject(a!.subject)).not.toEqual(backend.getSubject(c!.subject))
      const [more] = vault.deposit([{ note: 'kartu keluarga' }], a!.subject)
      expect(vault.list(a!.subject)).toEqual([a!.ref, b!.ref, more!.ref])
    })

    it('stores no clear text in the driver', () => {
      const backend = new MemoryVaultBackend()
      const vault = new PersonalDataVault(backend, master(1))
      const [d] = vault.deposit([siti])
      const row = backend.getRecord(d!.ref)!
      expect(Buffer.from(row.sealed).includes(Buffer.from('Siti'))).toBe(false)
      expect(Buffer.from(row.sealed).includes(Buffer.from('3201234567890001'))).toBe(false)
    })

    it('refuses records that are not JSON objects or are too large', () => {
      const vault = new PersonalDataVault(new MemoryVaultBackend(), master(1))
      expect(() => vault.deposit([])).toThrow(expect.objectContaining({ code: 'VAULT_RECORD_INVALID' }))
      expect(() => vault.deposit([[1] as never])).toThrow(expect.objectContaining({ code: 'VAULT_RECORD_INVALID' }))
      expect(() => vault.deposit([{ x: Number.POSITIVE_INFINITY } as never])).toThrow(expect.objectContaining({ code: 'VAULT_RECORD_INVALID' }))
      expect(() => vault.deposit([{ big: 'x'.repeat(17_000) }])).toThrow(expect.objectContaining({ code: 'VAULT_RECORD_INVALID' }))
      expect(() => vault.deposit([siti], 'subj_nobody')).toThrow(expect.objectContaining({ code: 'VAULT_SUBJECT_NOT_FOUND' }))
      expect(() => vault.read('pd_nothing')).toThrow(expect.objectContaining({ code: 'VAULT_RECORD_NOT_FOUND' }))
    })
  })

  describe('when rows are tampered with or the key is wrong', () => {
    it('detects a flipped ciphertext bit, a record moved to another subject and another master key', () => {
      const backend = new MemoryVaultBackend()
      const vault = new PersonalDataVault(backend, master(1))
      const [a] = vault.deposit([siti])
      const [b] = vault.deposit([{ name: 'Budi' }])
      const row = backend.getRecord(a!.ref)!
      const flipped = row.sealed.slice()
      flipped[20]! ^= 1
      const tampered = new MemoryVaultBackend()
      tampered.deposit(backend.getSubject(a!.subject) as never, [{ ...row, sealed: flipped }])
      expect(() => new PersonalDataVault(tampered, master(1)).read(a!.ref)).toThrow(expect.objectContaining({ code: 'VAULT_CORRUPT' }))

      // Budi's record under Siti's subject id (a swapped row): the AAD binds record to subject.
      const swapped = new MemoryVaultBackend()
      swapped.deposit(backend.getSubject(a!.subject) as never, [{ ...backend.getRecord(b!.ref)!, subject: a!.subject }])
      expect(() => new PersonalDataVault(swapped, master(1)).read(b!.ref)).toThrow(expect.objectContaining({ code: 'VAULT_CORRUPT' }))

      expect(() => new PersonalDataVault(backend, master(2)).read(a!.ref)).toThrow(expect.objectContaining({ code: 'VAULT_CORRUPT' }))
      expect(() => new PersonalDataVault(backend, { bytes: new Uint8Array(32).fill(2), id: 'k1000000' }).read(a!.ref)).toThrow(expect.objectContaining({ code: 'VAULT_CORRUPT' }))
    })
  })

  describe('when a person is erased', () => {
    it('makes their records unreadable and says when, while other people stay readable', () => {
      const vault = new PersonalDataVault(new SqliteVaultBackend(join(dir, 'erase.sqlite')), master(3), { now: () => new Date('2026-05-01T00:00:00Z') })
      const [a] = vault.deposit([siti])
      const [b] = vault.deposit([{ name: 'Budi' }])
      expect(vault.subjectOf(a!.ref)).toBe(a!.subject)
      expect(vault.erase(a!.subject)).toBe('2026-05-01T00:00:00.000Z')
      expect(() => vault.subjectOf(a!.ref)).toThrow(expect.objectContaining({ code: 'VAULT_RECORD_NOT_FOUND' }))
      expect(vault.erase(a!.subject)).toBeUndefined()
      expect(() => vault.read(a!.ref)).toThrow(expect.objectContaining({ code: 'VAULT_RECORD_NOT_FOUND' }))
      expect(() => vault.deposit([siti], a!.subject)).toThrow(expect.objectContaining({ code: 'VAULT_SUBJECT_ERASED' }))
      expect(() => vault.erase('subj_nobody')).toThrow(expect.objectContaining({ code: 'VAULT_SUBJECT_NOT_FOUND' }))
      expect(vault.read(b!.ref).record).toEqual({ name: 'Budi' })
      vault.close()
    })
  })
})

describe('loadSecret and createSecretFile', () => {
  it('creates a 0600 key file, refuses to overwrite it, and loads it; the environment wins', () => {
    const file = join(dir, 'vault.key')
    const id = createSecretFile(file)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(() => createSecretFile(file)).toThrow()
    expect(loadSecret(file, 'X_KEY', {}).id).toBe(id)
    const env = Buffer.alloc(32, 5).toString('base64')
    expect(loadSecret(file, 'X_KEY', { X_KEY: env }).bytes).toEqual(new Uint8Array(32).fill(5))
  })

  it('refuses a missing file, a short key and text that is not base64', () => {
    expect(() => loadSecret(join(dir, 'none.key'), 'X_KEY', {})).toThrow(expect.objectContaining({ code: 'VAULT_KEY_INVALID' }))
    expect(() => loadSecret('', 'X_KEY', { X_KEY: Buffer.alloc(16).toString('base64') })).toThrow(expect.objectContaining({ code: 'VAULT_KEY_INVALID' }))
    expect(() => loadSecret('', 'X_KEY', { X_KEY: '!!!not base64!!!' })).toThrow(expect.objectContaining({ code: 'VAULT_KEY_INVALID' }))
  })
})
