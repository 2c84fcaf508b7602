/**
 * The execution budget and the watchdog (issue "Hardening", finding 4): blocks of calls executed
 * with and without genesis `limits.execution`, alternating in the same run, and the cost of one
 * watchdog guard (`node:vm` with a timeout) against a plain call.
 */
import { DEFAULT_EXECUTION_LIMITS, KeyPair, MemoryStateStore, createRuntime, executeBlock, executeGenesis, formatTime, signTx, type ExecutionLimits, type ParsedEnvelope } from 'saksi'
import { createGenesis } from '../src/node/index.js'
import { serviceContracts } from '../src/services/registry.js'
import { ExecutionWatchdog } from '../src/node/execution-watchdog.js'
import { opsPerSecond, type BenchResult } from './types.js'

const T0 = Date.parse('2026-11-23T08:00:00.000Z')
const BLOCK = 500
const ROUNDS = 6

function setup(limits: ExecutionLimits | undefined) {
  const nodeKey = KeyPair.generate()
  const genesis = createGenesis({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did, time: T0 })
  const runtime = createRuntime({ contracts: serviceContracts(), limits })
  const state = new MemoryStateStore()
  const g = executeGenesis({ runtime, genesis, time: formatTime(T0) })
  state.apply(g.writes)
  return { runtime, state, prev: g.stateDigest }
}

function blockOf(n: number): ParsedEnvelope[] {
  const expiresAt = formatTime(T0 + 3_000_000)
  return Array.from({ length: n }, (_, i) => signTx({ network: 'kota-contoh', contract: 'identity', method: 'register', args: { name: `Toko ${i}` }, nonce: `n${i}`, expiresAt }, KeyPair.generate()))
}

/** Transactions per second of one block executed again and again on the same state. */
function rate(env: ReturnType<typeof setup>, txs: ParsedEnvelope[]): number {
  const run = () => executeBlock({ runtime: env.runtime, state: env.state, height: 1, time: formatTime(T0 + 1000), firstIndex: 0, txs, prevStateDigest: env.prev })
  return opsPerSecond(run, 800) * txs.length
}

/** The execution section of `npm run bench`. */
export async function benchExecution(): Promise<BenchResult[]> {
  const txs = blockOf(BLOCK)
  const plain = setup(undefined)
  const budget = setup(DEFAULT_EXECUTION_LIMITS)
  const base: number[] = []
  const metered: number[] = []
  // Alternating, so that other load on the machine falls on both alike.
  for (let i = 0; i < ROUNDS; i++) {
    base.push(rate(plain, txs))
    metered.push(rate(budget, txs))
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
  const b = median(base)
  const m = median(metered)
  const dog = new ExecutionWatchdog(2000)
  const noop = (): number => 1
  const guarded = opsPerSecond(() => dog.run('bench', noop), 800)
  const bare = opsPerSecond(() => noop(), 300)
  const guardUs = 1e6 / guarded
  return [
    { name: `identity.register, blocks of ${BLOCK}, no budget`, value: b, unit: 'tx/s', note: `median of ${ROUNDS}` },
    { name: `identity.register, blocks of ${BLOCK}, default budget`, value: m, unit: 'tx/s', ratio: { value: m / b, baseline: 'no budget' } },
    { name: 'watchdog guard (vm timeout), one run', value: guardUs, unit: 'µs', ratio: { value: bare / guarded, baseline: 'plain call' } },
    { name: `watchdog guard per transaction, blocks of ${BLOCK}`, value: guardUs / BLOCK, unit: 'µs/tx', note: 'the node guards each block, not each call' },
  ]
}
