import Database from 'better-sqlite3'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toKeyRange } from '../../../packages/saksi/src/core/state/key-range.js'
import { expectCode, expectThrowsCode } from '../testing/conformance-helpers.js'
import { SyntheticChain } from '../testing/synthetic-chain.js'
import { openSqliteLedgerStore } from './open-sqlite-ledger-store.js'
import { SCHEMA_VERSION } from './schema.js'

let dir: string
let n = 0
const fresh = (): string => join(dir, `db-${n++}.sqlite`)

async function filled(path: string): Promise<SyntheticChain> {
  const chain = new SyntheticChain({ seed: 3, entriesPerBlock: 5 })
  const store = openSqliteLedgerStore(path)
  const { genesis, block0 } = chain.genesis()
  await store.initialise(genesis, block0)
  await store.commitBlock(chain.next())
  await store.close()
  return chain
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'saksi-open-sqlite-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('openSqliteLedgerStore', () => {
  describe('when the file is new', () => {
    it('creates the schema in WAL mode and records its version', async () => {
      const path = fresh()
      await (openSqliteLedgerStore(path)).close()
      const raw = new Database(path)
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(raw.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get()).toBe(String(SCHEMA_VERSION))
      const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()
      expect(tables).toEqual(['blocks', 'entries', 'merkle', 'meta', 'state', 'state_digests', 'state_lthash'])
      raw.close()
    })
  })

  describe('when the database was written by a newer schema', () => {
    it('refuses it with STORE_SCHEMA_UNSUPPORTED', async () => {
      const path = fresh()
      await (openSqliteLedgerStore(path)).close()
      const raw = new Database(path)
      raw.prepare("UPDATE meta SET value = '99' WHERE key = 'schema_version'").run()
      raw.close()
      expectThrowsCode(() => openSqliteLedgerStore(path), 'STORE_SCHEMA_UNSUPPORTED')
    })
  })

  describe('when the file is not a database, or options are out of range', () => {
    it('refuses with STORE_CORRUPT, STORE_IO or STORE_OPTIONS_INVALID, never a raw SqliteError', () => {
      const path = fresh()
      writeFileSync(path, 'this is not a SQLite database, only some text that is long enough to look like a header'.repeat(20))
      expectThrowsCode(() => openSqliteLedgerStore(path), 'STORE_CORRUPT')
      expectThrowsCode(() => openSqliteLedgerStore(join(dir, 'missing', 'x.sqlite')), 'STORE_IO')
      expectThrowsCode(() => openSqliteLedgerStore(fresh(), { synchronous: 'OFF' as 'FULL' }), 'STORE_OPTIONS_INVALID')
      expectThrowsCode(() => openSqliteLedgerStore(fresh(), { cacheSizeMiB: -1 }), 'STORE_OPTIONS_INVALID')
    })
  })

  describe('when opened read-only', () => {
    it('reads everything and refuses writes with STORE_IO', async () => {
      const path = fresh()
      const chain = await filled(path)
      const store = openSqliteLedgerStore(path, { readonly: true, synchronous: 'NORMAL' })
      expect((await store.head())?.block.header.height).toBe(1)
      await expectCode(store.commitBlock(chain.next()), 'STORE_IO')
      expect((await store.head())?.block.header.height).toBe(1)
      await store.close()
      expectThrowsCode(() => openSqliteLedgerStore(fresh(), { readonly: true }), 'STORE_IO')
    })
  })
})

describe('SqliteLedgerStore', () => {
  describe('when blocks are still being committed on the writer thread at close', () => {
    it('finishes them before closing, in order', async () => {
      const path = fresh()
      const chain = new SyntheticChain({ seed: 5, entriesPerBlock: 50 })
      const store = openSqliteLedgerStore(path, { writer: 'worker' })
      const { genesis, block0 } = chain.genesis()
      const commits = [store.initialise(genesis, block0), ...Array.from({ length: 10 }, () => store.commitBlock(chain.next()))]
      await store.close()
      await Promise.all(commits)
      await expectCode(store.commitBlock(chain.next()), 'STORE_CLOSED')
      const again = openSqliteLedgerStore(path, { readonly: true })
      expect((await again.head())?.block.header.height).toBe(10)
      await again.close()
    })
  })

  describe('when stored rows were damaged behind its back', () => {
    it('reports STORE_CORRUPT for undecodable values and STORE_IO for a broken schema', async () => {
      const path = fresh()
      await filled(path)
      const raw = new Database(path)
      raw.prepare("UPDATE state SET value = '{not json' WHERE key = 'genesis'").run()
      raw.prepare("UPDATE blocks SET header = '[]' WHERE height = 1").run()
      raw.prepare('UPDATE entries SET tx_id = x\'00\' WHERE idx = 0').run()
      raw.close()
      const store = openSqliteLedgerStore(path)
      expectThrowsCode(() => store.syncState.get('c0', 'genesis'), 'STORE_CORRUPT')
      expectThrowsCode(() => store.syncState.range('c0', toKeyRange()), 'STORE_CORRUPT')
      await expectCode(store.state.getMany([{ contract: 'c0', key: 'genesis' }]), 'STORE_CORRUPT')
      await expectCode(store.state.rangeMany([{ contract: 'c0', range: toKeyRange() }]), 'STORE_CORRUPT')
      await expectCode(store.getBlock(1), 'STORE_CORRUPT')
      await expectCode(store.head(), 'STORE_CORRUPT')
      await expectCode(store.getEntries(0, 2), 'STORE_CORRUPT')
      const breaker = new Database(path)
      breaker.exec('DROP TABLE merkle')
      breaker.close()
      await expectCode(store.merkle.getNodes([{ level: 1, index: 0 }]), 'STORE_IO')
      await store.close()
    })
  })
})
