import Database from 'better-sqlite3'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StateDigest } from '../../../packages/saksi/src/core/state/state-digest.js'
import { hex } from '../testing/conformance-helpers.js'
import { SyntheticChain } from '../testing/synthetic-chain.js'
import { openSqliteLedgerStore } from './open-sqlite-ledger-store.js'

// A ledger written by schema version 1, before the store kept a state digest.
const PRE_DIGEST = fileURLToPath(new URL('../../../test/fixtures/pre-hardening/ledger.sqlite', import.meta.url))

let dir: string
let n = 0
const fresh = (): string => join(dir, `db-${n++}.sqlite`)

async function filled(path: string, blocks: number): Promise<void> {
  const chain = new SyntheticChain({ seed: 9, entriesPerBlock: 20 })
  const store = openSqliteLedgerStore(path)
  const { genesis, block0 } = chain.genesis()
  await store.initialise(genesis, block0)
  for (let i = 0; i < blocks; i++) await store.commitBlock(chain.next())
  await store.close()
}

function digestOfRows(path: string): { checksum: string; rows: number } {
  const raw = new Database(path, { readonly: true })
  const rows = raw.prepare('SELECT contract, key, value FROM state').all() as { contract: string; key: string; value: string }[]
  raw.close()
  return { checksum: hex(StateDigest.of(rows).hash.checksum())!, rows: rows.length }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'saksi-digest-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('SqliteLedgerStore.checkStateDigest', () => {
  describe('when a state row was changed behind the store', () => {
    it('finds the recomputed digest different from the stored one', async () => {
      const path = fresh()
      await filled(path, 3)
      const raw = new Database(path)
      const row = raw.prepare('SELECT contract, key FROM state LIMIT 1').get() as { contract: string; key: string }
      raw.prepare('UPDATE state SET value = ? WHERE contract = ? AND key = ?').run('{"tampered":true}', row.contract, row.key)
      raw.close()
      const store = openSqliteLedgerStore(path)
      const check = await store.checkStateDigest()
      await store.close()
      expect(check.ok).toBe(false)
      expect(hex(check.computed)).toBe(digestOfRows(path).checksum)
      expect(hex(check.computed)).not.toBe(hex(check.stored))
    })

    it('finds a deleted row and an added row too', async () => {
      for (const sql of ["DELETE FROM state WHERE (contract, key) IN (SELECT contract, key FROM state LIMIT 1)", "INSERT INTO state (contract, key, value) VALUES ('c0', 'zz-added', '1')"]) {
        const path = fresh()
        await filled(path, 2)
        const raw = new Database(path)
        raw.exec(sql)
        raw.close()
        const store = openSqliteLedgerStore(path, { writer: 'inline' })
        expect((await store.checkStateDigest()).ok).toBe(false)
        await store.close()
      }
    })
  })

  describe('when the check is split across 1, 2 or 3 threads', () => {
    it('gives the single scan answer, finding a row changed in the last range', async () => {
      const path = fresh()
      await filled(path, 3)
      const raw = new Database(path)
      const row = raw.prepare('SELECT contract, key FROM state ORDER BY contract DESC, key DESC LIMIT 1').get() as { contract: string; key: string }
      raw.prepare('UPDATE state SET value = ? WHERE contract = ? AND key = ?').run('{"tampered":true}', row.contract, row.key)
      raw.close()
      const expected = digestOfRows(path)
      for (const threads of [1, 2, 3]) {
        const store = openSqliteLedgerStore(path, { digestCheckThreads: threads, digestCheckSplitRows: 0 })
        const check = await store.checkStateDigest()
        await store.close()
        expect(check).toMatchObject({ ok: false, entries: expected.rows, height: 3 })
        expect(hex(check.computed)).toBe(expected.checksum)
      }
    })

    it('refuses another thread count or split size with STORE_OPTIONS_INVALID', () => {
      for (const digestCheckThreads of [0, 65, 1.5]) {
        expect(() => openSqliteLedgerStore(fresh(), { digestCheckThreads })).toThrow(expect.objectContaining({ code: 'STORE_OPTIONS_INVALID' }))
      }
      expect(() => openSqliteLedgerStore(fresh(), { digestCheckSplitRows: -1 })).toThrow(expect.objectContaining({ code: 'STORE_OPTIONS_INVALID' }))
    })
  })

  describe('when blocks are committed while the check runs on its thread', () => {
    it('checks the snapshot it started on', async () => {
      const path = fresh()
      const chain = new SyntheticChain({ seed: 4, entriesPerBlock: 50 })
      const store = openSqliteLedgerStore(path)
      const { genesis, block0 } = chain.genesis()
      await store.initialise(genesis, block0)
      const checking = store.checkStateDigest()
      for (let i = 0; i < 5; i++) await store.commitBlock(chain.next())
      const check = await checking
      expect(check.ok).toBe(true)
      expect((await store.checkStateDigest()).height).toBe(5)
      await store.close()
    })
  })
})

describe('openSqliteLedgerStore', () => {
  describe('when the database was written before the state digest (schema version 1)', () => {
    it('computes the head digest once from the state table, then keeps it with each block', async () => {
      const path = fresh()
      copyFileSync(PRE_DIGEST, path)
      const expected = digestOfRows(path)
      const store = openSqliteLedgerStore(path)
      const head = (await store.head())!.block.header.height
      const d = await store.stateDigest()
      expect(d?.height).toBe(head)
      expect(hex(await store.stateDigestAt(head))).toBe(expected.checksum)
      expect(await store.stateDigestAt(head - 1)).toBeUndefined()
      const check = await store.checkStateDigest()
      expect(check).toMatchObject({ ok: true, height: head, entries: expected.rows })
      await store.close()
    })

    it('opens read-only without a digest, as an audit of an old directory does', async () => {
      const path = fresh()
      copyFileSync(PRE_DIGEST, path)
      const store = openSqliteLedgerStore(path, { readonly: true })
      expect((await store.head())?.block.header.height).toBeGreaterThan(0)
      expect(await store.stateDigest()).toBeUndefined()
      await expect(store.checkStateDigest()).rejects.toMatchObject({ code: 'STORE_CORRUPT' })
      await store.close()
      const raw = new Database(path, { readonly: true })
      expect(raw.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get()).toBe('1')
      raw.close()
    })
  })
})
