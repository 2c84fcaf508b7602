import type { JsonObject, JsonValue } from '../../../../../packages/saksi/src/core/encoding/json.js'
import { formatTime } from '../../../../../packages/saksi/src/core/encoding/time.js'
import type { EntryResult } from '../../../../../packages/saksi/src/core/log/entry.js'
import { KeyPair } from '../../../../../packages/saksi/src/core/keys/key-pair.js'
import { createRuntime, executeBlock, executeGenesis, executionLimitsOf, rulesVersion, type BlockExecution, type Contract, type Runtime } from '../../../../../packages/saksi/src/core/runtime/index.js'
import { MemoryStateStore } from '../../../../../packages/saksi/src/core/state/index.js'
import { signTx } from '../../../../../packages/saksi/src/core/tx/sign-tx.js'
import { identity } from '../identity.js'

/** One call of a test block: who signs, which method, which arguments. */
export interface TestCall {
  signer: KeyPair
  method: string
  args?: JsonObject
  contract?: string
}

/** A small ledger for contract tests: genesis, then one block per `run`. Test-only (not in dist). */
export interface Harness {
  runtime: Runtime
  store: MemoryStateStore
  /** The genesis document used. */
  genesis: JsonObject
  /** Executes the calls as one block and applies its writes. */
  run(calls: TestCall[]): BlockExecution
  /** Executes one call as its own block and returns its result. */
  call(signer: KeyPair, method: string, args?: JsonObject, contract?: string): EntryResult
  /** Runs a query on committed state. */
  query(name: string, args?: JsonObject, contract?: string): JsonValue | undefined
  /** The block time of the last block. */
  readonly time: string
  /** Makes the next block's time `iso` (forward only); later blocks follow it a second apart. */
  jumpTo(iso: string): void
}

/** A deterministic test key; `n` from 1 to 255. */
export function testKey(n: number): KeyPair {
  return KeyPair.fromSeed(new Uint8Array(32).fill(n))
}

const START = Date.parse('2026-11-23T08:00:00.000Z')

/**
 * A harness with the identity contract (and `extra` contracts) over a fresh in-memory store.
 * @param genesis the genesis document (its `limits.execution` bound each call)
 * @param extra more contracts to install
 */
export function createHarness(genesis: JsonObject, extra: Contract[] = []): Harness {
  // Under the genesis's execution limits, as a node runs it.
  const runtime = createRuntime({ contracts: [identity, ...extra], limits: executionLimitsOf(genesis) })
  const store = new MemoryStateStore()
  // The genesis's rules version, as a node runs it (absent: the original rules).
  const rules = rulesVersion(genesis.rules as number | undefined)
  const g = executeGenesis({ runtime, genesis, time: formatTime(START) })
  store.apply(g.writes)
  let prev = g.stateDigest
  let height = 0
  let size = 0
  let nonce = 0
  let time = formatTime(START)
  let offset = 0
  const run = (calls: TestCall[]): BlockExecution => {
    height++
    time = formatTime(START + offset + height * 1000)
    const txs = calls.map((c) =>
      signTx(
        { network: 'kota-contoh', contract: c.contract ?? 'identity', method: c.method, args: c.args ?? {}, nonce: `n${nonce++}`, expiresAt: formatTime(Date.parse(time) + 3_600_000) },
        c.signer,
      ),
    )
    const out = executeBlock({ runtime, state: store, height, time, firstIndex: size, txs, prevStateDigest: prev, rules })
    store.apply(out.writes)
    prev = out.stateDigest
    size += txs.length
    return out
  }
  return {
    runtime,
    store,
    genesis,
    run,
    call: (signer, method, args = {}, contract = 'identity') => run([{ signer, method, args, contract }]).entries[0]!.result,
    query: (name, args = {}, contract = 'identity') => runtime.query(store, contract, name, args),
    get time() {
      return time
    },
    jumpTo(iso: string) {
      const next = Date.parse(iso) - START - (height + 1) * 1000
      if (next < offset) throw new Error(`${iso} is before the next block's time`)
      offset = next
    },
  }
}
