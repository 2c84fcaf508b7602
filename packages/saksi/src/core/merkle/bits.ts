/**
 * Bit arithmetic on tree sizes and indexes, correct for every integer up to 2^53-1. JavaScript's
 * bitwise operators truncate to 32 bits, so these split a value into 32-bit halves with exact
 * division instead of shifting.
 */

const TWO_32 = 2 ** 32

/**
 * Number of bits needed to write `x` in binary (0 for 0): floor(log2 x) + 1.
 * @param x a non-negative safe integer
 * @returns the bit length, 0..53
 */
export function bitLength(x: number): number {
  if (x >= TWO_32) return 64 - Math.clz32(Math.floor(x / TWO_32))
  return 32 - Math.clz32(x)
}

/**
 * Number of trailing zero bits of `x`, i.e. the largest `l` such that 2^l divides `x`.
 * @param x a positive safe integer
 * @returns 0..52
 */
export function trailingZeros(x: number): number {
  const low = x % TWO_32
  if (low === 0) return 32 + trailingZeros32(x / TWO_32)
  return trailingZeros32(low)
}

function trailingZeros32(x: number): number {
  let n = 0
  while (x % 2 === 0) {
    x /= 2
    n++
  }
  return n
}

/**
 * Whether `x` is a power of two (1, 2, 4, ...).
 * @param x a non-negative safe integer
 * @returns true for 2^k, false for 0 and every other value
 */
export function isPowerOfTwo(x: number): boolean {
  return x > 0 && 2 ** (bitLength(x) - 1) === x
}

/**
 * Largest power of two strictly less than `n` (the split point `k` of RFC 6962 section 2.1).
 * @param n a safe integer greater than 1
 * @returns k with k < n <= 2k
 */
export function largestPowerOfTwoBelow(n: number): number {
  return 2 ** (bitLength(n - 1) - 1)
}
