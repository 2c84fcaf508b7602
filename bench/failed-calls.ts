import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FailedCallCap } from '../src/node/limits/failed-call-cap.js'
import { SqliteRequestGuardStore } from '../src/store/guard/sqlite-request-guard-store.js'
import type { BenchResult } from './types.js'

const BLOCKS = 200
const DAY = Date.parse('2026-11-23T00:00:00.000Z')

/** Median ms to count `BLOCKS` blocks of `failures` failed calls by as many signers, each block on `cap`. */
function msPerBlock(cap: FailedCallCap, failures: number): number {
  const times: number[] = []
  for (let b = 0; b < BLOCKS; b++) {
    const signers = Array.from({ length: failures }, (_, i) => `did:key:z6Mk${(b * 7919 + i) % 5000}`)
    const started = performance.now()
    cap.committed(signers, DAY + b * 1000)
    times.push(performance.now() - started)
  }
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!
}

/**
 * The cost of keeping the daily failed-call counts durable (issue 12): per committed block with
 * failures, one transaction in `requests.sqlite` (WAL, `synchronous=FULL`: one fsync) against the
 * count in memory alone. Blocks of 1, 100 and 2,000 (a full block) failed calls; a block without a
 * failed call costs nothing either way. Wall time on this machine's disk, median of 200 blocks.
 */
export async function benchFailedCalls(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'saksi-bench-failed-'))
  const store = new SqliteRequestGuardStore(join(dir, 'requests.sqlite'))
  try {
    const results: BenchResult[] = []
    for (const failures of [1, 100, 2000]) {
      const memory = msPerBlock(new FailedCallCap(1000, 100_000), failures)
      const durable = msPerBlock(new FailedCallCap(1000, 100_000, store), failures)
      results.push({ name: `count a block of ${failures.toLocaleString('en-US')} failed calls, in memory`, value: memory, unit: 'ms' })
      results.push({ name: `count a block of ${failures.toLocaleString('en-US')} failed calls, durable`, value: durable, unit: 'ms', note: `median of ${BLOCKS} blocks; one transaction each` })
    }
    return results
  } finally {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
