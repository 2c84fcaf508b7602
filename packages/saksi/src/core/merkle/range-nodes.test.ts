import { describe, expect, it } from 'vitest'
import { nodeCoverage } from './node-id.js'
import { rangeNodes } from './range-nodes.js'
import { seededRandom } from './testing/seeded-random.js'

describe('rangeNodes', () => {
  describe('when the range starts at 0', () => {
    it('has one node per set bit of the size, largest first', () => {
      expect(rangeNodes(0, 0)).toEqual([])
      expect(rangeNodes(0, 13)).toEqual([
        { level: 3, index: 0 },
        { level: 2, index: 2 },
        { level: 0, index: 12 },
      ])
      expect(rangeNodes(0, Number.MAX_SAFE_INTEGER)).toHaveLength(53)
    })
  })

  describe('when the range is arbitrary, up to 2^53-1', () => {
    it('covers it exactly with aligned complete subtrees, left to right, at most 2 log2(width) of them', () => {
      const random = seededRandom(7)
      for (let t = 0; t < 300; t++) {
        const end = 1 + random(t < 150 ? 10_000 : Number.MAX_SAFE_INTEGER)
        const begin = random(end)
        const ids = rangeNodes(begin, end)
        let at = begin
        for (const id of ids) {
          expect(Number.isSafeInteger(id.index)).toBe(true)
          const c = nodeCoverage(id)
          expect(c.begin, `${begin}..${end}`).toBe(at)
          at = c.end
        }
        expect(at).toBe(end)
        expect(ids.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(end - begin + 1)))
      }
    })
  })
})
