import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { inclusionProofPlan } from '../packages/saksi/src/core/merkle/inclusion-proof-plan.js'
import { toKeyRange } from '../packages/saksi/src/core/state/key-range.js'
import type { BlockCommit, LedgerStore } from '../src/store/ledger-store.js'
import { openSqliteLedgerStore } from '../src/store/sqlite/open-sqlite-ledger-store.js'
import { SyntheticChain } from '../src/store/testing/synthetic-chain.js'
import { opsPerSecond, type BenchResult } from './types.js'

const BLOCKS = 100
const ENTRIES_PER_BLOCK = 500

interface Load {
  genesis: ReturnType<SyntheticChain['genesis']>
  blocks: BlockCommit[]
  rows: number
  entries: number
}

// Shaped like identity.register: ~700-byte entries, 2 state writes each (1 in 7 a delete), about 2
// Merkle nodes per entry, nearly every put a new key. Built before timing: only the store is measured.
function buildLoad(): Load {
  const chain = new SyntheticChain({ seed: 7, entriesPerBlock: ENTRIES_PER_BLOCK })
  const genesis = chain.genesis()
  const blocks = Array.from({ length: BLOCKS }, () => chain.next())
  const entries = blocks.reduce((n, b) => n + b.entries.length, 0)
  // Rows the database really writes: a block row, entry rows (with their leaf hash), Merkle rows of
  // level 1 and up, and one state row per key written (the last write to a key wins).
  const rows = blocks.reduce(
    (n, b) => n + 1 + b.entries.length + b.nodes.filter((x) => x.level > 0).length + new Set(b.writes.map((w) => `${w.contract}\n${w.key}`)).size,
    0,
  )
  return { genesis, blocks, rows, entries }
}

interface Timing {
  /** Wall time of all commits. */
  ms: number
  /** Time the calling thread was busy (not waiting) during them. */
  busyMs: number
}

async function timeCommits(store: LedgerStore, load: Load): Promise<Timing> {
  await store.initialise(load.genesis.genesis, load.genesis.block0)
  const elu = performance.eventLoopUtilization()
  const start = performance.now()
  for (const b of load.blocks) await store.commitBlock(b)
  const ms = performance.now() - start
  return { ms, busyMs: performance.eventLoopUtilization(elu).active }
}

function commitResult(name: string, t: Timing, load: Load, baseline?: { value: number; name: string }): BenchResult {
  const value = (load.entries * 1000) / t.ms
  const rowsPerSecond = Math.round((load.rows * 1000) / t.ms).toLocaleString('en-US')
  return {
    name,
    value,
    unit: 'entries/s',
    ...(baseline ? { ratio: { value: value / baseline.value, baseline: baseline.name } } : {}),
    note: `${rowsPerSecond} rows/s; per ${ENTRIES_PER_BLOCK}-entry block ${(t.ms / BLOCKS).toFixed(1)} ms, calling thread busy ${(t.busyMs / BLOCKS).toFixed(1)} ms`,
  }
}

async function time(fn: () => Promise<unknown>, count: number): Promise<number> {
  const start = performance.now()
  for (let i = 0; i < count; i++) await fn()
  return (count * 1000) / (performance.now() - start)
}

/**
 * The SQLite ledger store: block commits to a file (synchronous FULL and NORMAL, on the writer
 * thread and inline, against the same driver on `:memory:` as baseline, so the ratio is what the
 * disk costs; the note says how long the calling thread was busy per block) with ~1 entry row, ~1
 * Merkle row (leaf hashes ride in the entry row) and ~2 state rows per entry, then reads on the
 * filled file (50,000 entries): state.get, a small state.range, the Merkle nodes of an inclusion
 * proof, and the duplicate check of a 500-transaction batch.
 */
export async function benchStore(): Promise<BenchResult[]> {
  const load = buildLoad()
  const dir = mkdtempSync(join(tmpdir(), 'saksi-bench-store-'))
  const results: BenchResult[] = []
  try {
    const memory = openSqliteLedgerStore(':memory:')
    const memoryTiming = await timeCommits(memory, load)
    const baseline = { value: (load.entries * 1000) / memoryTiming.ms, name: 'sqlite :memory:' }
    results.push(commitResult('sqlite commitBlock, :memory: (no disk: the CPU cost)', memoryTiming, load))
    await memory.close()

    // The default first: each file run leaves ~100 MB for the kernel to write back, which slows
    // the runs after it a little.
    const store = openSqliteLedgerStore(join(dir, 'full.sqlite'))
    results.push(commitResult('sqlite commitBlock, FULL, writer thread (default)', await timeCommits(store, load), load, baseline))

    const inline = openSqliteLedgerStore(join(dir, 'inline.sqlite'), { writer: 'inline' })
    results.push(commitResult('sqlite commitBlock, FULL, inline writer', await timeCommits(inline, load), load, baseline))
    await inline.close()

    const normal = openSqliteLedgerStore(join(dir, 'normal.sqlite'), { synchronous: 'NORMAL' })
    results.push(commitResult('sqlite commitBlock, NORMAL, writer thread', await timeCommits(normal, load), load, baseline))
    await normal.close()

    const keys = load.blocks.flatMap((b) => b.writes.filter((w) => w.value !== undefined).map((w) => [w.contract, w.key] as const))
    let k = 0
    const getRate = opsPerSecond(() => {
      const [contract, key] = keys[k++ % keys.length]!
      store.syncState.get(contract, key)
    }, 1000)
    results.push({ name: 'sqlite state.get (existing key, JSON.parse)', value: 1e6 / getRate, unit: 'µs', note: `${Math.round(getRate).toLocaleString('en-US')} gets/s` })
    const missRate = opsPerSecond(() => {
      store.syncState.get('c1', `absent/${k++}`)
    }, 1000)
    results.push({ name: 'sqlite state.get (absent key)', value: 1e6 / missRate, unit: 'µs' })
    const range = toKeyRange({ prefix: 'k/', limit: 10 })
    const rangeRate = opsPerSecond(() => {
      store.syncState.range('c2', range)
    }, 1000)
    results.push({ name: 'sqlite state.range (10 entries)', value: 1e6 / rangeRate, unit: 'µs' })

    const size = load.entries
    const plans = Array.from({ length: 256 }, (_, i) => inclusionProofPlan((i * 7919) % size, size))
    const proofRate = await time(() => store.merkle.getNodes(plans[k++ % plans.length]!.nodes), 5000)
    results.push({ name: `sqlite merkle.getNodes (inclusion proof, ${size} leaves)`, value: 1e6 / proofRate, unit: 'µs' })
    const batch = load.blocks[3]!.entries.map((e) => e.txId)
    const dupRate = await time(() => store.committedTxIds(batch), 200)
    results.push({ name: 'sqlite committedTxIds (500 ids, all committed)', value: 1e3 / dupRate, unit: 'ms' })
    await store.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return results
}
