import type Database from 'better-sqlite3'
import { LtHash16, ltHashExpand } from '../packages/saksi/src/core/state/lthash16.js'
import { StateElementEncoder, stateElement } from '../packages/saksi/src/core/state/state-element.js'
import type { BenchResult } from './types.js'

const SAMPLE = 100_000

/** Milliseconds that `fn` takes once over the sample, scaled to `n` entries. */
function scaled(n: number, sample: number, fn: () => void): number {
  const started = performance.now()
  fn()
  return ((performance.now() - started) * n) / sample
}

/**
 * Where the time of recomputing the digest of `n` state entries goes, each stage alone on one core:
 * reading every row from SQLite (measured over all of them), and, measured over a sample of up to
 * 100,000 rows and scaled to `n`, encoding each element (fresh encodings, as before, and into one
 * reused buffer), expanding it with SHAKE128 to 2048 bytes, and adding it to the sum (lane by lane,
 * as before, and two lanes to a 32-bit word).
 */
export function profileStateDigest(db: Database.Database, n: number): BenchResult[] {
  const select = db.prepare('SELECT contract, key, value FROM state').raw()
  const started = performance.now()
  for (const row of select.iterate()) void row
  const iterateMs = performance.now() - started
  const rows = db.prepare('SELECT contract, key, value FROM state LIMIT ?').raw().all(SAMPLE) as [string, string, string][]
  const m = rows.length
  const encoder = new StateElementEncoder()
  const fresh = scaled(n, m, () => {
    for (const [c, k, v] of rows) stateElement(c, k, v)
  })
  const reused = scaled(n, m, () => {
    for (const [c, k, v] of rows) encoder.encode(c, k, v)
  })
  const elements = rows.map(([c, k, v]) => stateElement(c, k, v))
  const expand = scaled(n, m, () => {
    for (const e of elements) ltHashExpand(e)
  })
  const expanded = ltHashExpand(elements[0]!)
  const lanes = new Uint16Array(expanded.buffer, expanded.byteOffset, 1024)
  const sum16 = new Uint16Array(1024)
  const laneByLane = scaled(n, m, () => {
    for (let j = 0; j < m; j++) for (let i = 0; i < 1024; i++) sum16[i] = sum16[i]! + lanes[i]!
  })
  const sum = LtHash16.empty()
  const words = scaled(n, m, () => {
    for (let j = 0; j < m; j++) sum.addExpanded(expanded)
  })
  const per = (ms: number): string => `${((ms * 1000) / n).toFixed(2)} µs an entry`
  const stage = (name: string, ms: number, note: string): BenchResult => ({ name: `digest stage: ${name}`, value: ms, unit: 'ms', note: `${per(ms)}; ${note}` })
  return [
    stage('SQLite read of every row', iterateMs, 'all rows, 3 strings each'),
    stage('encode, fresh TextEncoder.encode (before)', fresh, `sample of ${m}, scaled`),
    stage('encode into one reused buffer', reused, `sample of ${m}, scaled`),
    stage('SHAKE128 to 2048 bytes (node:crypto)', expand, `sample of ${m}, scaled`),
    stage('lane sum, 1024 × 16 bits (before)', laneByLane, `sample of ${m}, scaled`),
    stage('lane sum, 512 × two lanes a word', words, `sample of ${m}, scaled`),
  ]
}
