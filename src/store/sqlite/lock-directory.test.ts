import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LOCK_FILE, LOCK_PID_FILE, lockDirectory, type DirectoryLock } from './lock-directory.js'

// Two processes on one directory are tested with real processes in test/data-dir-lock.test.ts.
describe('lockDirectory', () => {
  let dir = ''
  const held: DirectoryLock[] = []
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'saksi-lock-'))
  })
  afterEach(() => {
    for (const l of held.splice(0)) l.release()
    rmSync(dir, { recursive: true, force: true })
  })

  describe('when the directory is free', () => {
    it('takes the lock, records the pid and keeps both files private', () => {
      held.push(lockDirectory(dir, 4242))
      expect(readFileSync(join(dir, LOCK_PID_FILE), 'utf8')).toBe('4242\n')
      expect(statSync(join(dir, LOCK_FILE)).mode & 0o777).toBe(0o600)
      expect(statSync(join(dir, LOCK_PID_FILE)).mode & 0o777).toBe(0o600)
    })
  })

  describe('when another opener holds it', () => {
    it('refuses with STORE_LOCKED naming the holder pid', () => {
      held.push(lockDirectory(dir, 4242))
      let error: unknown
      try {
        lockDirectory(dir, 5353)
      } catch (e) {
        error = e
      }
      expect(error).toMatchObject({ code: 'STORE_LOCKED', kind: 'storage', details: { dir, pid: 4242 } })
      expect((error as Error).message).toContain('pid 4242')
      // The refused opener left the holder's pid alone.
      expect(readFileSync(join(dir, LOCK_PID_FILE), 'utf8')).toBe('4242\n')
    })
  })

  describe('when the holder released it', () => {
    it('lets the next opener take it and removes the pid file on release', () => {
      const first = lockDirectory(dir, 4242)
      first.release()
      first.release()
      const second = lockDirectory(dir, 5353)
      held.push(second)
      expect(readFileSync(join(dir, LOCK_PID_FILE), 'utf8')).toBe('5353\n')
      second.release()
      expect(() => statSync(join(dir, LOCK_PID_FILE))).toThrow()
    })
  })

  describe('when a stale pid file is left and nobody holds the lock', () => {
    it('takes the lock: the pid file only names a holder, it decides nothing', () => {
      // As after SIGKILL: the pid file stays, the operating system dropped the lock.
      writeFileSync(join(dir, LOCK_PID_FILE), `${process.pid}\n`)
      held.push(lockDirectory(dir, 5353))
      expect(readFileSync(join(dir, LOCK_PID_FILE), 'utf8')).toBe('5353\n')
    })
  })
})
