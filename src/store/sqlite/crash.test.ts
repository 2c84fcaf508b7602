import Database from 'better-sqlite3'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { fromBase64 } from '../../../packages/saksi/src/core/encoding/base64.js'
import { leafHash } from '../../../packages/saksi/src/core/merkle/hash.js'
import { MemoryHashStore } from '../../../packages/saksi/src/core/merkle/memory-hash-store.js'
import { assembleRoot, rootPlan } from '../../../packages/saksi/src/core/merkle/root-plan.js'
import { seededRandom } from '../../../packages/saksi/src/core/merkle/testing/seeded-random.js'
import { MemoryStateStore } from '../../../packages/saksi/src/core/state/memory-state-store.js'
import { merkleNodeCount } from '../check-block-commit.js'
import type { BlockCommit } from '../ledger-store.js'
import { allNodeIds, hex } from '../testing/conformance-helpers.js'
import { SyntheticChain } from '../testing/synthetic-chain.js'
import { openSqliteLedgerStore } from './open-sqlite-ledger-store.js'

const SEED = 20261123
const ENTRIES_PER_BLOCK = 40
const KILLS = 5
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const CHILD = fileURLToPath(new URL('../testing/crash-child.ts', import.meta.url))

/** What the killed child must have committed: the same synthetic chain, replayed here. */
class Reference {
  readonly chain = new SyntheticChain({ seed: SEED, entriesPerBlock: ENTRIES_PER_BLOCK, varySize: true, keySpace: 500 })
  readonly commits: BlockCommit[] = []
  readonly state = new MemoryStateStore()
  readonly hashes = new MemoryHashStore()
  readonly bytes: Uint8Array[] = []

  extendTo(height: number): void {
    while (this.commits.length <= height) {
      const c = this.commits.length === 0 ? this.chain.genesis().block0 : this.chain.next()
      this.commits.push(c)
      this.state.apply(c.writes)
      this.hashes.appendLeafHashes(c.entries.map((e) => leafHash(e.bytes)))
      for (const e of c.entries) this.bytes.push(e.bytes)
    }
  }
}

async function startChild(path: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--conditions=saksi-source', '--import', 'tsx', CHILD, path, String(SEED), String(ENTRIES_PER_BLOCK)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().startsWith('ready')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`the child exited (${code}) before it was ready: ${stderr}`)))
  })
  return child
}

// Invariants after a kill: the head is the last whole block, nothing of a later one is stored, and
// everything equals the replayed chain up to the head.
async function checkStore(path: string, ref: Reference): Promise<number> {
  const store = openSqliteLedgerStore(path)
  const raw = new Database(path)
  try {
    const head = (await store.head())!
    const { height, size, logRoot } = head.block.header
    ref.extendTo(height)
    const expected = ref.commits[height]!
    expect(head).toEqual({ block: expected.block, checkpoint: expected.checkpoint })
    const count = (sql: string): unknown => raw.prepare(sql).pluck().get()
    expect(count('SELECT COUNT(*) FROM blocks')).toBe(height + 1)
    expect(count('SELECT MAX(height) FROM blocks')).toBe(height)
    expect(count('SELECT COUNT(*) FROM entries')).toBe(size)
    expect(count('SELECT COALESCE(MAX(idx), -1) FROM entries')).toBe(size - 1)
    expect((count('SELECT COUNT(*) FROM merkle') as number) + size).toBe(merkleNodeCount(size))
    const bytes = raw.prepare<Buffer>('SELECT bytes FROM entries ORDER BY idx').pluck().all()
    expect(bytes.every((b, i) => b.equals(ref.bytes[i]!))).toBe(true)
    const plan = rootPlan(size)
    expect(hex(assembleRoot(plan, await store.merkle.getNodes(plan)))).toBe(hex(fromBase64(logRoot, 32, 'logRoot')))
    const ids = allNodeIds(size)
    expect((await store.merkle.getNodes(ids)).map(hex)).toEqual(ref.hashes.getNodes(ids).map(hex))
    const rows = raw.prepare<unknown[]>('SELECT contract, key, value FROM state ORDER BY contract, key').raw().all()
    expect(rows.map(([contract, key, value]) => ({ contract, key, value: JSON.parse(value as string) as unknown }))).toEqual(ref.state.dump())
    return height
  } finally {
    raw.close()
    await store.close()
  }
}

describe('SqliteLedgerStore', () => {
  describe('when the committing process is killed (SIGKILL) at random moments', () => {
    it('keeps every committed block whole, nothing of the one in flight, and carries on after each kill', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'saksi-crash-'))
      const path = join(dir, 'ledger.sqlite')
      const random = seededRandom(SEED)
      const ref = new Reference()
      const heights: number[] = []
      try {
        for (let kill = 0; kill < KILLS; kill++) {
          const child = await startChild(path)
          const exited = once(child, 'exit')
          await sleep(50 + random(351))
          child.kill('SIGKILL')
          const [, signal] = (await exited) as [number | null, string | null]
          expect(signal).toBe('SIGKILL')
          heights.push(await checkStore(path, ref))
        }
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
      expect(heights).toEqual([...heights].sort((a, b) => a - b))
      expect(heights[heights.length - 1]).toBeGreaterThan(heights.length)
    }, 60_000)
  })
})
