import { describe, expect, it } from 'vitest'
import { bitLength, isPowerOfTwo, largestPowerOfTwoBelow, trailingZeros } from './bits.js'
import { seededRandom } from './testing/seeded-random.js'

// BigInt is the reference: exact at any size, and independent of the 32-bit split.
const big = {
  bitLength: (x: number) => BigInt(x).toString(2).replace(/^0$/, '').length,
  trailingZeros: (x: number) => BigInt(x).toString(2).length - 1 - BigInt(x).toString(2).lastIndexOf('1'),
}

const random = seededRandom(53)
const values = [
  1, 2, 3, 4, 5, 7, 8, 255, 256, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 33, 3 * 2 ** 40,
  2 ** 52, 2 ** 52 + 1, Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER,
  ...Array.from({ length: 200 }, () => 1 + random(Number.MAX_SAFE_INTEGER)),
]

describe('bitLength', () => {
  describe('when the value is anywhere up to 2^53-1', () => {
    it('matches BigInt', () => {
      expect(bitLength(0)).toBe(0)
      for (const v of values) expect(bitLength(v), String(v)).toBe(big.bitLength(v))
    })
  })
})

describe('trailingZeros', () => {
  describe('when the value is anywhere up to 2^53-1', () => {
    it('matches BigInt', () => {
      for (const v of values) expect(trailingZeros(v), String(v)).toBe(big.trailingZeros(v))
    })
  })
})

describe('isPowerOfTwo', () => {
  describe('when the value is near 2^53 where Math.log2 rounds', () => {
    it('is exact', () => {
      expect(isPowerOfTwo(0)).toBe(false)
      expect(isPowerOfTwo(2 ** 52)).toBe(true)
      expect(isPowerOfTwo(Number.MAX_SAFE_INTEGER)).toBe(false)
      for (const v of values) expect(isPowerOfTwo(v), String(v)).toBe(BigInt(v).toString(2).indexOf('1', 1) === -1)
    })
  })
})

describe('largestPowerOfTwoBelow', () => {
  describe('when n > 1', () => {
    it('returns k with k < n <= 2k', () => {
      for (const n of values.filter((v) => v > 1)) {
        const k = largestPowerOfTwoBelow(n)
        expect(isPowerOfTwo(k)).toBe(true)
        expect(k < n && n <= 2 * k, String(n)).toBe(true)
      }
    })
  })
})
