import { describe, expect, it } from 'vitest'
import { leafHash } from './hash.js'
import { MemoryHashStore } from './memory-hash-store.js'
import { rootAt } from './root-at.js'

describe('MemoryHashStore', () => {
  describe('when leaves are appended in several batches past its initial capacity', () => {
    it('keeps every node and the same root as one batch', () => {
      const leaves = Array.from({ length: 5000 }, (_, i) => leafHash(Uint8Array.of(i % 256, i >> 8)))
      const one = new MemoryHashStore()
      one.appendLeafHashes(leaves)
      const many = new MemoryHashStore()
      for (let i = 0; i < leaves.length; i += 777) many.appendLeafHashes(leaves.slice(i, i + 777))
      expect(many.size).toBe(5000)
      expect(many.root()).toEqual(one.root())
      expect(many.getNodes([{ level: 0, index: 4999 }])[0]).toEqual(leaves[4999])
      expect(many.getNodes([{ level: 12, index: 0 }])).toEqual(one.getNodes([{ level: 12, index: 0 }]))
      expect(rootAt(many, 5000)).toEqual(one.root())
    })
  })

  describe('when a caller mutates a hash it read', () => {
    it('does not change the stored hash', () => {
      const s = new MemoryHashStore()
      s.appendLeafHashes([leafHash(Uint8Array.of(1)), leafHash(Uint8Array.of(2))])
      const [h] = s.getNodes([{ level: 1, index: 0 }])
      h!.fill(0)
      expect(s.getNodes([{ level: 1, index: 0 }])[0]).toEqual(s.root())
    })
  })
})
