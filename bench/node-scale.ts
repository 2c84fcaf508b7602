import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { benchNetwork, runChild, signEnvelopes } from './child.js'
import type { BenchResult } from './types.js'

interface Progress { done: number; seconds: number; rssMiB: number }
interface Final { size: number; restartMs: number; inclusionMs: number; consistencyMs: number; rssAfterRestartMiB: number }

/**
 * The node at size: `SAKSI_BENCH_SCALE` (default 100,000) individually signed registrations are
 * signed beforehand by two child processes into NDJSON files, then a node in its own child process
 * commits them in process (no HTTP, so the figure is the node's own rate) and reports its RSS every
 * tenth of the way — the client's memory is not in it. At the end: the time from a cold restart to
 * serving HTTP, and inclusion and consistency proof latency at that size.
 */
export async function benchNodeScale(): Promise<BenchResult[]> {
  const total = Number(process.env.SAKSI_BENCH_SCALE ?? 100_000)
  const dir = mkdtempSync(join(tmpdir(), 'saksi-scale-'))
  const { genesisFile, keyFile } = await benchNetwork(dir)
  try {
    const { files, perSecond: signRate } = await signEnvelopes(dir, total, 'bench')
    const progress: Progress[] = []
    const lines = await runChild('./scale-node.ts', [dir, genesisFile, keyFile, String(total), ...files], ['--expose-gc', '--max-old-space-size=4096'], (l) => {
      const p = JSON.parse(l) as Partial<Progress>
      if (p.done !== undefined) {
        progress.push(p as Progress)
        if (process.stdout.isTTY) process.stdout.write(`  … ${p.done.toLocaleString('en-US')} committed, RSS ${Math.round(p.rssMiB!)} MiB\n`)
      }
    })
    const final = JSON.parse(lines.at(-1)!) as Final
    const last = progress.at(-1)!
    const first = progress[0]!
    const n = total.toLocaleString('en-US')
    return [
      { name: `sign ${n} envelopes (two processes)`, value: signRate, unit: 'tx/s', note: 'a fresh key per envelope; outside the node' },
      { name: `commit ${n} registrations in process`, value: total / last.seconds, unit: 'tx/s', note: 'admission, workers, execution, SQLite FULL; node in its own process' },
      { name: `node RSS after ${first.done.toLocaleString('en-US')} committed`, value: first.rssMiB, unit: 'MiB' },
      { name: `node RSS after ${n} committed`, value: last.rssMiB, unit: 'MiB', note: `curve: ${progress.map((p) => Math.round(p.rssMiB)).join(', ')}` },
      { name: 'cold restart to serving HTTP', value: final.restartMs, unit: 'ms', note: `log size ${final.size.toLocaleString('en-US')}` },
      { name: 'inclusion proof at that size', value: final.inclusionMs, unit: 'ms', note: 'node.inclusionProof, SQLite reads' },
      { name: 'consistency proof at that size', value: final.consistencyMs, unit: 'ms' },
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
