import Database from 'better-sqlite3'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { KeyPair } from '../packages/saksi/src/core/keys/key-pair.js'
import { StateDigest } from '../packages/saksi/src/core/state/state-digest.js'
import { createGenesis } from '../src/node/genesis.js'
import { openNode } from '../src/node/open-node.js'
import { serviceContracts } from '../src/services/registry.js'
import { defaultDigestThreads } from '../src/store/sqlite/digest-checker.js'
import { openSqliteLedgerStore } from '../src/store/sqlite/open-sqlite-ledger-store.js'
import { profileStateDigest } from './state-digest-profile.js'
import { opsPerSecond, type BenchResult } from './types.js'

const key = KeyPair.fromSeed(new Uint8Array(32).fill(9))
const genesis = createGenesis({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: key.did, time: Date.parse('2026-11-23T00:00:00.000Z') })

/** Fills the state table with `n` identity-shaped rows behind the store, then records their digest as the head's. */
function fill(path: string, n: number): { recomputeMs: number; profile: BenchResult[] } {
  const db = new Database(path)
  const put = db.prepare('INSERT INTO state (contract, key, value) VALUES (?, ?, ?)')
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const did = `did:key:z6Mk${i.toString(36).padStart(44, '0')}`
      put.run('identity', `citizen/${did}`, `{"did":"${did}","name":"Warga ${i}","registeredAt":"2026-11-23T08:00:00.000Z","verified":false}`)
    }
  })()
  const started = performance.now()
  const rows = db.prepare('SELECT contract, key, value FROM state').all() as { contract: string; key: string; value: string }[]
  const digest = StateDigest.of(rows)
  const ms = performance.now() - started
  db.prepare('UPDATE state_lthash SET value = ? WHERE id = 0').run(digest.hash.bytes())
  db.prepare('UPDATE state_digests SET checksum = ? WHERE height = (SELECT height FROM state_lthash)').run(digest.hash.checksum())
  const profile = profileStateDigest(db, n)
  db.close()
  return { recomputeMs: ms, profile }
}

/** A node opened on `path` with `threads` check threads: ms until it serves reads, until it accepts writes, and what the check found. */
async function coldOpen(path: string, threads: number): Promise<{ servingMs: number; writableMs: number; status: string | undefined }> {
  const began = performance.now()
  const node = await openNode({ contracts: serviceContracts(), store: openSqliteLedgerStore(path, { digestCheckThreads: threads }), key, genesis, signatureWorkers: 0 })
  const servingMs = performance.now() - began
  await node.stateIntegrity.ready
  const writableMs = performance.now() - began
  const status = node.info().state?.status
  await node.close()
  return { servingMs, writableMs, status }
}

const DIST_STORE = fileURLToPath(new URL('../dist/store/sqlite/open-sqlite-ledger-store.js', import.meta.url))

/**
 * The opening check alone as `saksi start` runs it, from the built `dist` (no tsx: a check thread
 * from source spends about a second loading TypeScript), in a plain Node child; undefined without a build.
 */
function checkFromDist(path: string, threads: number): number | undefined {
  if (!existsSync(DIST_STORE)) return undefined
  const code = `const { openSqliteLedgerStore } = await import(${JSON.stringify(DIST_STORE)})
const began = performance.now()
const store = openSqliteLedgerStore(${JSON.stringify(path)}, { digestCheckThreads: ${threads} })
const check = await store.checkStateDigest()
const ms = performance.now() - began
await store.close()
if (!check.ok) throw new Error('digest mismatch')
process.stdout.write(String(ms))`
  // A script file, not --input-type (the check threads would inherit the flag), run without the
  // bench's NODE_OPTIONS (tsx's loader) and conditions: plain Node on the built files.
  const script = join(dirname(path), 'check-from-dist.mjs')
  writeFileSync(script, code)
  return Number(execFileSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } }))
}

/**
 * The state digest (`SAKSI_BENCH_DIGEST` state entries, default 1,000,000): the cost of one key's
 * change (two SHAKE128 expansions and lane sums), a full recompute on the main thread and its stages
 * alone, and a cold open of a node on that state: until it serves reads, and until its background
 * digest check lets writes through, on one thread and split across the default number of threads.
 */
export async function benchStateDigest(): Promise<BenchResult[]> {
  const n = Number(process.env.SAKSI_BENCH_DIGEST ?? 1_000_000)
  const dir = mkdtempSync(join(tmpdir(), 'saksi-digest-'))
  const path = join(dir, 'ledger.sqlite')
  try {
    const d = new StateDigest()
    let i = 0
    const changes = opsPerSecond(() => {
      d.change('identity', `citizen/${i}`, `{"n":${i}}`, `{"n":${i + 1}}`)
      i++
    })
    const first = await openNode({ contracts: serviceContracts(), store: openSqliteLedgerStore(path), key, genesis, signatureWorkers: 0 })
    await first.close()
    const { recomputeMs, profile } = fill(path, n)
    const threads = defaultDigestThreads()
    const one = await coldOpen(path, 1)
    const split = await coldOpen(path, threads)
    const distOne = checkFromDist(path, 1)
    const distSplit = checkFromDist(path, threads)
    const load = loadavg().map((l) => l.toFixed(2)).join(', ')
    const size = n.toLocaleString('en-US')
    return [
      { name: 'state digest: one key changed', value: changes, unit: 'ops/s', note: 'remove old + add new: two SHAKE128 expansions to 2048 bytes' },
      { name: `state digest: recompute ${size} entries (main thread)`, value: recomputeMs, unit: 'ms', note: 'read every state row, expand, sum' },
      ...profile,
      { name: `cold open on ${size} entries to serving reads`, value: split.servingMs, unit: 'ms' },
      { name: `cold open on ${size} entries to accepting writes, 1 thread`, value: one.writableMs, unit: 'ms', note: `digest checked on one thread: ${one.status}` },
      {
        name: `cold open on ${size} entries to accepting writes, ${threads} threads`,
        value: split.writableMs,
        unit: 'ms',
        ratio: { value: split.writableMs / one.writableMs, baseline: '1 thread' },
        note: `the default (available parallelism, at most 8): ${split.status}; load average ${load}`,
      },
      ...(distOne === undefined || distSplit === undefined
        ? []
        : [
            { name: `open and check ${size} entries from dist, 1 thread`, value: distOne, unit: 'ms', note: 'store open to check answered, as saksi start runs it' },
            { name: `open and check ${size} entries from dist, ${threads} threads`, value: distSplit, unit: 'ms', ratio: { value: distSplit / distOne, baseline: '1 thread' } },
          ]),
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
