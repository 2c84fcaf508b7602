import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { privateSqliteFile } from './private-file.js'

const mode = (path: string) => statSync(path).mode & 0o777

describe('privateSqliteFile', () => {
  let dir = ''
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'saksi-private-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  describe('when the database does not exist', () => {
    it('creates it empty with mode 0600', () => {
      const db = join(dir, 'a.sqlite')
      privateSqliteFile(db)
      expect(mode(db)).toBe(0o600)
      expect(statSync(db).size).toBe(0)
    })
  })

  describe('when an older version left 0644 files', () => {
    it('sets 0600 on the database and its write-ahead log, index and journal', () => {
      const db = join(dir, 'b.sqlite')
      for (const f of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) {
        writeFileSync(f, '')
        chmodSync(f, 0o644)
      }
      privateSqliteFile(db)
      for (const f of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) expect(mode(f)).toBe(0o600)
    })
  })

  describe('when the database is in memory', () => {
    it('does nothing', () => {
      expect(() => privateSqliteFile(':memory:')).not.toThrow()
    })
  })
})
