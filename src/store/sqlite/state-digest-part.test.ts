import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hex } from '../testing/conformance-helpers.js'
import { SyntheticChain } from '../testing/synthetic-chain.js'
import { combineDigestParts } from './combine-digest-parts.js'
import { openSqliteLedgerStore } from './open-sqlite-ledger-store.js'
import { scanStateDigest } from './sqlite-state-digest.js'
import { checkStateDigestOn, digestPartOn } from './state-digest-part.js'

let dir: string
let n = 0

/** A store file with `blocks` blocks of 10 entries after block 0, closed. */
async function filled(blocks: number): Promise<string> {
  const path = join(dir, `db-${n++}.sqlite`)
  const chain = new SyntheticChain({ seed: 3, entriesPerBlock: 10 })
  const store = openSqliteLedgerStore(path, { writer: 'inline' })
  const { genesis, block0 } = chain.genesis()
  await store.initialise(genesis, block0)
  for (let i = 0; i < blocks; i++) await store.commitBlock(chain.next())
  await store.close()
  return path
}

/** The state's keys in the table's order. */
function keys(db: Database.Database): [string, string][] {
  return db.prepare('SELECT contract, key FROM state ORDER BY contract, key').raw().all() as [string, string][]
}

/** The split check in `of` shares, each in its own transaction on `db`. */
function split(db: Database.Database, of: number): ReturnType<typeof combineDigestParts> {
  return combineDigestParts(Array.from({ length: of }, (_, i) => digestPartOn(db, i, of)))
}

/** Leaves `rows` state rows and makes the stored head digest theirs, as if the state had always held them. */
function keepRows(db: Database.Database, rows: number): void {
  db.prepare('DELETE FROM state WHERE (contract, key) NOT IN (SELECT contract, key FROM state ORDER BY contract, key LIMIT ?)').run(rows)
  const sum = scanStateDigest(db).digest.hash
  db.prepare('UPDATE state_lthash SET value = ? WHERE id = 0').run(sum.bytes())
  db.prepare('UPDATE state_digests SET checksum = ? WHERE height = (SELECT height FROM state_lthash)').run(sum.checksum())
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'saksi-digest-part-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('digestPartOn', () => {
  describe('when the state is whole', () => {
    it('gives in 1, 2, 3 and 7 shares the answer of the single scan, every row hashed once', async () => {
      const db = new Database(await filled(4))
      const single = checkStateDigestOn(db)
      expect(single.ok).toBe(true)
      for (const of of [1, 2, 3, 7]) expect(split(db, of)).toEqual(single)
      const parts = [0, 1, 2].map((i) => digestPartOn(db, i, 3))
      expect(parts.map((p) => p.entries).reduce((a, b) => a + b)).toBe(keys(db).length)
      expect(parts[0]!.to).toEqual(keys(db)[Math.floor(keys(db).length / 3)])
      db.close()
    })
  })

  describe('when the first share plans the split from the row count', () => {
    it('hashes a state below the split size whole, as one share, and splits one above it', async () => {
      const db = new Database(await filled(2))
      const rows = keys(db).length
      const planned: number[] = []
      const plan = (split: number) => (total: number): number => (planned.push(total), total >= split ? 3 : 1)
      const whole = digestPartOn(db, 0, 3, plan(rows + 1))
      expect(whole).toMatchObject({ of: 1, entries: rows, total: rows, from: null, to: null })
      expect(combineDigestParts([whole])).toEqual(checkStateDigestOn(db))
      const first = digestPartOn(db, 0, 3, plan(rows))
      expect(first.of).toBe(3)
      expect(combineDigestParts([first, digestPartOn(db, 1, 3), digestPartOn(db, 2, 3)])).toEqual(checkStateDigestOn(db))
      expect(planned).toEqual([rows, rows])
      db.close()
    })
  })

  describe('when one row was changed behind the store', () => {
    it('finds the mismatch in every share count wherever the row is: first, middle, last', async () => {
      const path = await filled(4)
      for (const at of ['first', 'middle', 'last'] as const) {
        const db = new Database(path)
        const all = keys(db)
        const [contract, key] = all[at === 'first' ? 0 : at === 'middle' ? Math.floor(all.length / 2) : all.length - 1]!
        const before = db.prepare('SELECT value FROM state WHERE contract = ? AND key = ?').pluck().get(contract, key)
        db.prepare('UPDATE state SET value = ? WHERE contract = ? AND key = ?').run('{"tampered":true}', contract, key)
        const single = checkStateDigestOn(db)
        expect(single.ok).toBe(false)
        for (const of of [1, 2, 3]) expect(hex(split(db, of)!.computed)).toBe(hex(single.computed))
        db.prepare('UPDATE state SET value = ? WHERE contract = ? AND key = ?').run(before, contract, key)
        expect(split(db, 3)!.ok).toBe(true)
        db.close()
      }
    })
  })

  describe('when the state holds fewer rows than shares, or none', () => {
    it('gives the single scan answer, ok, with the empty ranges hashing nothing', async () => {
      const path = await filled(1)
      for (const rows of [3, 2, 1, 0]) {
        const db = new Database(path)
        keepRows(db, rows)
        const single = checkStateDigestOn(db)
        expect(single).toMatchObject({ ok: true, entries: rows })
        for (const of of [1, 2, 3, 5]) expect(split(db, of)).toEqual(single)
        db.close()
      }
    })
  })
})

describe('combineDigestParts', () => {
  describe('when the shares did not read the same snapshot', () => {
    it('gives no answer rather than a mismatch', async () => {
      const db = new Database(await filled(2))
      const parts = [0, 1, 2].map((i) => digestPartOn(db, i, 3))
      expect(combineDigestParts(parts)?.ok).toBe(true)
      const changed = [{ height: parts[1]!.height + 1 }, { total: parts[1]!.total + 1 }, { stored: new Uint8Array(32) }, { from: null }, { entries: parts[1]!.entries + 1 }, { index: 2 }]
      for (const change of changed) expect(combineDigestParts([parts[0]!, { ...parts[1]!, ...change }, parts[2]!])).toBeUndefined()
      expect(combineDigestParts(parts.slice(0, 2))).toBeUndefined()
      expect(combineDigestParts([])).toBeUndefined()
      db.close()
    })
  })
})
