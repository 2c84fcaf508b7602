import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { MemoryRequestGuardStore } from './memory-request-guard-store.js'
import type { RequestGuardStore } from './request-guard-store.js'
import { SqliteRequestGuardStore } from './sqlite-request-guard-store.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'saksi-guard-'))
  dirs.push(dir)
  return join(dir, 'requests.sqlite')
}

const drivers: [string, () => RequestGuardStore][] = [
  ['MemoryRequestGuardStore', () => new MemoryRequestGuardStore()],
  ['SqliteRequestGuardStore', () => new SqliteRequestGuardStore(tempFile())],
]

describe.each(drivers)('%s', (_name, open) => {
  describe('claim', () => {
    it('claims an id once until it expires, then again', () => {
      const s = open()
      expect(s.claim('a', 2_000, 1_000)).toBe(true)
      expect(s.claim('a', 2_000, 1_500)).toBe(false)
      expect(s.claim('b', 2_000, 1_500)).toBe(true)
      expect(s.claim('a', 9_000, 2_000)).toBe(true)
      expect(s.claim('a', 9_000, 8_999)).toBe(false)
      s.close()
    })
  })

  describe('take', () => {
    it('counts per key and day up to the limit, takes nothing when refused, and starts afresh the next day', () => {
      const s = open()
      expect(s.take('k', '2026-11-23', 3, 5)).toBe(true)
      expect(s.take('k', '2026-11-23', 3, 5)).toBe(false)
      expect(s.take('k', '2026-11-23', 2, 5)).toBe(true)
      expect(s.take('j', '2026-11-23', 5, 5)).toBe(true)
      expect(s.take('k', '2026-11-23', 1, 5)).toBe(false)
      expect(s.take('k', '2026-11-24', 5, 5)).toBe(true)
      s.close()
    })
  })
})

describe('SqliteRequestGuardStore', () => {
  describe('when reopened on the same file', () => {
    it('still knows the claimed ids and the day’s counts', () => {
      const path = tempFile()
      const a = new SqliteRequestGuardStore(path, 1_000)
      expect(a.claim('req', 5_000, 1_000)).toBe(true)
      expect(a.take('did:key:z6Mk', '2026-11-23', 30, 30)).toBe(true)
      a.close()
      const b = new SqliteRequestGuardStore(path, 2_000)
      expect(b.claim('req', 5_000, 2_000)).toBe(false)
      expect(b.take('did:key:z6Mk', '2026-11-23', 1, 30)).toBe(false)
      b.close()
    })

    it('sweeps expired ids when it opens and earlier days’ counts with a new day’s first count', () => {
      const path = tempFile()
      const a = new SqliteRequestGuardStore(path, 0)
      a.claim('old', 1_000, 0)
      a.claim('live', 9_000, 0)
      a.take('k', '2026-11-23', 1, 5)
      a.close()
      const b = new SqliteRequestGuardStore(path, 5_000)
      expect(b.size()).toEqual({ requests: 1, counts: 1, failed: 0 })
      b.take('k', '2026-11-24', 1, 5)
      expect(b.size()).toEqual({ requests: 1, counts: 1, failed: 0 })
      b.close()
    })
  })

  describe('failed calls', () => {
    it('adds a block\'s counts per signer and day, answers a day\'s highest first, and forgets earlier days with a new day', () => {
      const s = new SqliteRequestGuardStore(tempFile())
      s.addFailedCalls('2026-11-23', new Map([['a', 2], ['b', 1]]))
      s.addFailedCalls('2026-11-23', new Map([['b', 3]]))
      expect([...s.failedCalls('2026-11-23', 10)]).toEqual([['b', 4], ['a', 2]])
      expect([...s.failedCalls('2026-11-23', 1)]).toEqual([['b', 4]])
      s.addFailedCalls('2026-11-24', new Map([['a', 1]]))
      expect(s.size().failed).toBe(1)
      expect([...s.failedCalls('2026-11-24', 10)]).toEqual([['a', 1]])
      s.close()
    })

    it('still holds them when reopened', () => {
      const path = tempFile()
      const a = new SqliteRequestGuardStore(path)
      a.addFailedCalls('2026-11-23', new Map([['a', 7]]))
      a.close()
      const b = new SqliteRequestGuardStore(path)
      expect(b.failedCalls('2026-11-23', 10).get('a')).toBe(7)
      b.close()
    })

    it('adds its table to a file made before it', () => {
      const path = tempFile()
      new SqliteRequestGuardStore(path, 1_000).claim('req', 9_000, 1_000)
      const db = new Database(path)
      db.exec('DROP TABLE failed_call')
      db.close()
      const s = new SqliteRequestGuardStore(path, 2_000)
      expect(s.claim('req', 9_000, 2_000)).toBe(false)
      s.addFailedCalls('2026-11-23', new Map([['a', 1]]))
      expect(s.failedCalls('2026-11-23', 10).get('a')).toBe(1)
      s.close()
    })
  })

  it('is readable by its owner only (mode 0600)', () => {
    const path = tempFile()
    new SqliteRequestGuardStore(path).close()
    expect(statSync(path).mode & 0o777).toBe(0o600)
  })

  it('refuses a file that is not such a database', () => {
    const path = tempFile()
    const other = new SqliteRequestGuardStore(path)
    other.close()
    // A database of a newer schema version.
    const db = new Database(path)
    db.prepare("UPDATE guard_meta SET value = '9' WHERE name = 'version'").run()
    db.close()
    expect(() => new SqliteRequestGuardStore(path)).toThrow(expect.objectContaining({ code: 'STORE_SCHEMA_UNSUPPORTED' }))
  })
})
