import type { JsonValue } from '../encoding/json.js'
import type { StateOverlay } from '../state/state-overlay.js'
import type { Contract } from './define-contract.js'
import type { ExecutionLimits } from './execution-limits.js'
import type { ExecutionMeter } from './execution-meter.js'

/** What sessions need from the runtime (internal). */
export interface RuntimeCore {
  readonly contracts: ReadonlyMap<string, Contract>
  /** The contract whose `directory` answers policies, if any. */
  readonly directoryContract: Contract | undefined
  /** The budget of each call, or undefined for none (a genesis without `limits.execution`). */
  readonly limits: ExecutionLimits | undefined
  /** Runs a query on `store` at nesting `depth` (inside a call, on the call's `meter`); throws a coded error. */
  runQuery(store: StateOverlay, contract: string, query: string, args: unknown, depth: number, meter?: ExecutionMeter): JsonValue | undefined
}

/** Deepest nesting of queries through views; recursion beyond it fails deterministically instead of overflowing the stack. */
export const MAX_QUERY_DEPTH = 8
