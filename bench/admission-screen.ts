import { KeyPair } from '../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../packages/saksi/src/core/tx/sign-tx.js'
import type { JsonObject } from '../packages/saksi/src/core/encoding/json.js'
import { parseEnvelope } from '../packages/saksi/src/core/tx/parse-envelope.js'
import { verifyParsedEnvelope } from '../packages/saksi/src/core/tx/verify-envelope.js'
import { createRuntime } from '../packages/saksi/src/core/runtime/create-runtime.js'
import { CURRENT_RULES } from '../packages/saksi/src/core/runtime/rules.js'
import { compileFieldPaths } from '../packages/saksi/src/core/runtime/field-paths.js'
import { findPersonalData } from '../packages/saksi/src/core/runtime/personal-data.js'
import { parkBenchPlan } from '../src/services/procurement/contract/park-bench-example.js'
import { serviceContracts } from '../src/services/registry.js'
import { opsPerSecond, type BenchResult } from './types.js'

/**
 * What admission's argument checks (contract and method lookup, the contracts' screens, the
 * personal-data screen, the schema) cost beside envelope parse + signature verification, on one
 * core: throughput with and without them in the same run, for a short `identity.register` and a
 * 1 KB `procurement.createPlan`. The issue's bound: the checks cost less than 5 % of admission throughput.
 */
export async function benchAdmissionScreen(): Promise<BenchResult[]> {
  const runtime = createRuntime({ contracts: serviceContracts() })
  const cases: [string, string, string, JsonObject][] = [
    ['identity.register', 'identity', 'register', { name: 'Toko Maju Jaya' }],
    ['procurement.createPlan (1 KB of args)', 'procurement', 'createPlan', parkBenchPlan('pertamanan.bangku-2026')],
  ]
  const out: BenchResult[] = []
  for (const [label, contract, method, args] of cases) {
    const texts = Array.from({ length: 64 }, (_, i) =>
      JSON.stringify(signTx({ network: 'kota-contoh', contract, method, args, nonce: `n${i}`, ttlSeconds: 3600 }, KeyPair.generate()).envelope),
    )
    const parsed = texts.map((t) => parseEnvelope(t))
    for (const p of parsed) if (!runtime.checkArguments(p.envelope.tx, CURRENT_RULES).ok) throw new Error(`${label}: the bench's call is refused`)
    let i = 0
    // Interleaved rounds, so that a slower moment of a busy machine hits both sides alike.
    let without = 0
    let withChecks = 0
    for (let round = 0; round < 3; round++) {
      without += opsPerSecond(() => {
        verifyParsedEnvelope(parseEnvelope(texts[i++ & 63]!))
      }, 500)
      withChecks += opsPerSecond(() => {
        const p = parseEnvelope(texts[i++ & 63]!)
        verifyParsedEnvelope(p)
        runtime.checkArguments(p.envelope.tx, CURRENT_RULES)
      }, 500)
    }
    const checksOnly = opsPerSecond(() => {
      runtime.checkArguments(parsed[i++ & 63]!.envelope.tx, CURRENT_RULES)
    })
    const longNumbers = compileFieldPaths(runtime.contracts.get(contract)!.methods.get(method)!.longNumbers)
    const screenOnly = opsPerSecond(() => {
      findPersonalData(parsed[i++ & 63]!.envelope.tx.args, longNumbers)
    })
    without /= 3
    withChecks /= 3
    out.push(
      { name: `admission, ${label}: parse + verify`, value: without, unit: 'ops/s' },
      { name: `admission, ${label}: + argument checks`, value: withChecks, unit: 'ops/s', ratio: { value: withChecks / without, baseline: 'parse + verify' } },
      {
        name: `argument checks alone, ${label}`,
        value: checksOnly,
        unit: 'ops/s',
        ratio: { value: without / checksOnly, baseline: 'parse + verify (share of its time)' },
        note: 'lookups, contract screen, personal-data screen, schema',
      },
      {
        name: `personal-data screen alone, ${label}`,
        value: screenOnly,
        unit: 'ops/s',
        ratio: { value: without / screenOnly, baseline: 'parse + verify (share of its time)' },
        note: 'issue 12: the share must stay below 0.05',
      },
    )
  }
  return out
}
