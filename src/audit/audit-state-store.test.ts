import { describe, expect, it } from 'vitest'
import { MemoryStateStore } from '../../packages/saksi/src/core/state/memory-state-store.js'
import type { KeyRange } from '../../packages/saksi/src/core/state/key-range.js'
import type { StateWrite } from '../../packages/saksi/src/core/state/state-store.js'
import { seededRandom } from '../../packages/saksi/src/core/merkle/testing/seeded-random.js'
import { AuditStateStore } from './audit-state-store.js'

describe('AuditStateStore', () => {
  describe('when given the same random writes as MemoryStateStore', () => {
    it('answers every get and range the same, across chunk splits and emptied chunks', () => {
      const int = seededRandom(42)
      const key = () => `k/${String(int(5000)).padStart(4, '0')}`
      const reference = new MemoryStateStore()
      const audit = new AuditStateStore()
      for (let round = 0; round < 30; round++) {
        const writes: StateWrite[] = []
        for (let i = 0; i < 400; i++) {
          const contract = int(4) === 0 ? 'other' : 'identity'
          writes.push(int(3) === 0 ? { contract, key: key() } : { contract, key: key(), value: { n: int(100) } })
        }
        reference.apply(structuredClone(writes))
        audit.apply(structuredClone(writes))
        for (let q = 0; q < 10; q++) {
          const a = key()
          const b = key()
          const range: KeyRange = { lo: int(5) === 0 ? '' : a < b ? a : b, reverse: int(2) === 0 }
          if (int(3) > 0) range.hi = a < b ? b : a
          if (int(2) === 0) range.limit = int(700)
          for (const c of ['identity', 'other', 'none']) {
            const got = audit.range(c, range)
            const want = reference.range(c, range)
            expect(got.map((e) => e.key)).toEqual(want.map((e) => e.key))
            expect(got.every((e, i) => e.value === want[i]!.value || JSON.stringify(e.value) === JSON.stringify(want[i]!.value))).toBe(true)
          }
        }
        const probe = key()
        expect(audit.get('identity', probe)).toEqual(reference.get('identity', probe))
      }
      expect(audit.size).toBe(reference.dump().length)
    })
  })

  it('freezes the values it takes', () => {
    const s = new AuditStateStore()
    s.apply([{ contract: 'c', key: 'a', value: { list: [1] } }])
    expect(Object.isFrozen(s.get('c', 'a'))).toBe(true)
  })
})
