import { describe, expect, it } from 'vitest'
import type { RecordRow, SubjectRow, VaultBackend } from '../vault-backend.js'

const subject = (id: string): SubjectRow => ({ id, wrappedKey: new Uint8Array([1, 2, 3, id.length]), masterKeyId: 'abcd0123', createdAt: '2026-01-01T00:00:00.000Z' })
const record = (ref: string, subj: string, at = '2026-01-01T00:00:00.000Z'): RecordRow => ({ ref, subject: subj, sealed: new Uint8Array([9, 8, 7, ref.length]), createdAt: at })

/**
 * The conformance suite every personal-data vault driver passes.
 * @param name the driver's name in test titles
 * @param open opens a fresh, empty backend
 */
export function vaultBackendConformance(name: string, open: () => VaultBackend): void {
  describe(`VaultBackend conformance: ${name}`, () => {
    it('stores a new subject with its records and reads them back', () => {
      const b = open()
      b.deposit(subject('s1'), [record('r1', 's1'), record('r2', 's1', '2026-01-02T00:00:00.000Z')])
      expect(b.getSubject('s1')).toEqual(subject('s1'))
      expect(b.getRecord('r2')).toEqual(record('r2', 's1', '2026-01-02T00:00:00.000Z'))
      expect(b.listRecords('s1')).toEqual(['r1', 'r2'])
      expect(b.getSubject('nobody')).toBeUndefined()
      expect(b.getRecord('nothing')).toBeUndefined()
      b.close()
    })

    it('adds records to an existing subject', () => {
      const b = open()
      b.deposit(subject('s1'), [record('r1', 's1')])
      b.deposit(undefined, [record('r2', 's1', '2026-01-03T00:00:00.000Z')])
      expect(b.listRecords('s1')).toEqual(['r1', 'r2'])
      b.close()
    })

    it('refuses a deposit for an unknown subject, a reused reference or a reused subject id, and stores none of it', () => {
      const b = open()
      b.deposit(subject('s1'), [record('r1', 's1')])
      expect(() => b.deposit(undefined, [record('r9', 'ghost')])).toThrow()
      expect(() => b.deposit(subject('s2'), [record('r2', 's2'), record('r1', 's2')])).toThrow()
      expect(b.getSubject('s2')).toBeUndefined()
      expect(b.getRecord('r2')).toBeUndefined()
      expect(() => b.deposit(subject('s1'), [])).toThrow()
      expect(b.getRecord('r9')).toBeUndefined()
      b.close()
    })

    it('erases a subject: key and records gone, a tombstone with the time, no more deposits', () => {
      const b = open()
      b.deposit(subject('s1'), [record('r1', 's1')])
      b.deposit(subject('s2'), [record('r2', 's2')])
      expect(b.eraseSubject('s1', '2026-02-01T00:00:00.000Z')).toBe(true)
      expect(b.getSubject('s1')).toEqual({ erased: '2026-02-01T00:00:00.000Z' })
      expect(b.getRecord('r1')).toBeUndefined()
      expect(b.listRecords('s1')).toEqual([])
      expect(b.eraseSubject('s1', '2026-03-01T00:00:00.000Z')).toBe(false)
      expect(b.eraseSubject('ghost', '2026-03-01T00:00:00.000Z')).toBe(false)
      expect(() => b.deposit(undefined, [record('r3', 's1')])).toThrow()
      expect(b.getRecord('r2')).toEqual(record('r2', 's2'))
      b.close()
    })

    it('hands out copies: changing a returned row changes nothing stored', () => {
      const b = open()
      b.deposit(subject('s1'), [record('r1', 's1')])
      const row = b.getRecord('r1')!
      row.sealed[0] = 0
      const s = b.getSubject('s1') as SubjectRow
      s.wrappedKey[0] = 0
      expect(b.getRecord('r1')!.sealed[0]).toBe(9)
      expect((b.getSubject('s1') as SubjectRow).wrappedKey[0]).toBe(1)
      b.close()
    })
  })
}
