/** Test support: a small seeded generator (mulberry32), so random cases repeat run to run. */

/**
 * @param seed any 32-bit integer
 * @returns a function giving an integer in [0, bound) for any safe integer bound > 0
 */
export function seededRandom(seed: number): (bound: number) => number {
  let state = seed >>> 0
  const next32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }
  return (bound) => {
    // 53 random bits, then scaled: uniform enough for choosing test cases.
    const r = (next32() % 2 ** 21) * 2 ** 32 + next32()
    return Math.floor((r / 2 ** 53) * bound)
  }
}
