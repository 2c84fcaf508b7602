import { describe, expect, it } from 'vitest'
import { tileForNode } from './tile-for-node.js'

describe('tileForNode', () => {
  describe('when the node is a leaf', () => {
    it('is one hash of a level-0 tile', () => {
      expect(tileForNode({ level: 0, index: 0 })).toEqual({ level: 0, index: 0, start: 0, count: 1 })
      expect(tileForNode({ level: 0, index: 1000 })).toEqual({ level: 0, index: 3, start: 232, count: 1 })
    })
  })
  describe('when the node sits between stored levels', () => {
    it('spans 2^(level mod 8) hashes of the tile below', () => {
      expect(tileForNode({ level: 3, index: 5 })).toEqual({ level: 0, index: 0, start: 40, count: 8 })
      expect(tileForNode({ level: 7, index: 3 })).toEqual({ level: 0, index: 1, start: 128, count: 128 })
    })
  })
  describe('when the node is at a multiple of 8', () => {
    it('is one hash of the higher tile', () => {
      expect(tileForNode({ level: 8, index: 0 })).toEqual({ level: 1, index: 0, start: 0, count: 1 })
      expect(tileForNode({ level: 16, index: 257 })).toEqual({ level: 2, index: 1, start: 1, count: 1 })
    })
  })
  describe('when the tree is larger than 2^32 leaves', () => {
    it('stays exact', () => {
      expect(tileForNode({ level: 1, index: 2 ** 40 + 3 })).toEqual({ level: 0, index: 2 ** 33, start: 6, count: 2 })
    })
  })
})
