import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { MemoryVaultBackend } from './memory-vault-backend.js'
import { SqliteVaultBackend } from './sqlite-vault-backend.js'
import { vaultBackendConformance } from './testing/vault-backend-conformance.js'

const dir = mkdtempSync(join(tmpdir(), 'saksi-vault-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0

vaultBackendConformance('memory', () => new MemoryVaultBackend())
vaultBackendConformance('sqlite file', () => new SqliteVaultBackend(join(dir, `v${n++}.sqlite`)))

describe('SqliteVaultBackend', () => {
  it('keeps rows across reopening', () => {
    const path = join(dir, 'reopen.sqlite')
    const a = new SqliteVaultBackend(path)
    a.deposit({ id: 's', wrappedKey: new Uint8Array([1]), masterKeyId: 'k', createdAt: 't' }, [{ ref: 'r', subject: 's', sealed: new Uint8Array([2]), createdAt: 't' }])
    a.close()
    const b = new SqliteVaultBackend(path)
    expect(b.getRecord('r')?.sealed).toEqual(new Uint8Array([2]))
    b.close()
  })

  it('overwrites erased bytes on disk (secure_delete)', () => {
    const path = join(dir, 'erase.sqlite')
    const marker = new Uint8Array(Buffer.from('RAHASIA-PRIBADI-'.repeat(8)))
    const b = new SqliteVaultBackend(path)
    b.deposit({ id: 's', wrappedKey: marker, masterKeyId: 'k', createdAt: 't' }, [{ ref: 'r', subject: 's', sealed: marker, createdAt: 't' }])
    b.close()
    const before = new SqliteVaultBackend(path)
    before.eraseSubject('s', 'later')
    // While the vault is still open (or after a crash), neither the file nor its write-ahead log
    // may hold the erased bytes.
    const open = Buffer.concat([readFileSync(path), existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : Buffer.alloc(0)])
    expect(open.includes(Buffer.from('RAHASIA-PRIBADI-'))).toBe(false)
    before.close()
    expect(readFileSync(path).includes(Buffer.from('RAHASIA-PRIBADI-'))).toBe(false)
  })

  it('refuses a file that is not a vault', () => {
    const path = join(dir, 'junk.sqlite')
    writeFileSync(path, 'not a database at all, just text '.repeat(200))
    expect(() => new SqliteVaultBackend(path)).toThrow(expect.objectContaining({ code: 'VAULT_CORRUPT' }))
  })
})
