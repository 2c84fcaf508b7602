/** One figure a benchmark measured. */
export interface BenchResult {
  /** What was measured, e.g. "envelope verify". */
  name: string
  /** The figure. */
  value: number
  /** Its unit, e.g. "ops/s" or "ms". */
  unit: string
  /** Ratio against a baseline measured in the same run, with the baseline's name. */
  ratio?: { value: number; baseline: string }
  /** Anything a reader needs to interpret the figure. */
  note?: string
}

/** A section of `npm run bench`: its name (`npm run bench -- <name>`) and what it measures. */
export interface BenchSection {
  name: string
  run: () => Promise<BenchResult[]>
}

/** Runs `fn` repeatedly for about `ms` milliseconds (after a short warm-up) and returns calls per second. */
export function opsPerSecond(fn: () => void, ms = 1500): number {
  const warm = performance.now() + Math.min(200, ms / 5)
  while (performance.now() < warm) fn()
  let n = 0
  const start = performance.now()
  let now = start
  const end = start + ms
  while (now < end) {
    for (let i = 0; i < 64; i++) fn()
    n += 64
    now = performance.now()
  }
  return (n * 1000) / (now - start)
}
