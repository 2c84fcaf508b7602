import { z } from 'zod'
import type { JsonObject } from '../encoding/json.js'
import { ValidationError } from '../errors.js'

/**
 * The execution budget of one call (PROTOCOL-NOTES, "Execution limits"): what the runtime counts
 * while a call runs, its nested queries and the directory reads of its policy included. Every
 * count is a property of the call and the state, never of the machine, so every node of a network
 * fails the same call at the same point with `EXECUTION_LIMIT`.
 */
export interface ExecutionLimits {
  /** `get`s, plus one per entry a `range` returns (a range that returns nothing counts one). */
  readonly stateReads: number
  /** UTF-8 bytes of the keys and the JSON of the values read. */
  readonly bytesRead: number
  /** `put`s and `delete`s. */
  readonly stateWrites: number
  /** UTF-8 bytes of the keys and the JSON of the values written. */
  readonly bytesWritten: number
  /** JSON Logic steps the contract charges (`ctx.budget.logicSteps`). */
  readonly logicSteps: number
  /** Events emitted. */
  readonly events: number
  /** UTF-8 bytes of the events' types and the JSON of their data. */
  readonly eventBytes: number
}

/** The names of the counted resources, in the order messages list them. */
export type ExecutionResource = keyof ExecutionLimits

/**
 * The limits `createGenesis` (and so `saksi init`) writes under `limits.execution`. Sized on the
 * largest call the registered services make: a welfare disbursement of a full batch (500
 * households of the PKH example) uses about 3,100 reads (2.5 MB), 1,500 writes (375 KB), 510
 * events (184 KB) and 124,000 JSON Logic steps; the defaults leave four times that or more, and
 * still stop a call long before it could hold a block for seconds.
 */
export const DEFAULT_EXECUTION_LIMITS: ExecutionLimits = Object.freeze({
  stateReads: 20_000,
  bytesRead: 16 * 1024 * 1024,
  stateWrites: 10_000,
  bytesWritten: 4 * 1024 * 1024,
  logicSteps: 500_000,
  events: 2_000,
  eventBytes: 1024 * 1024,
})

const count = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)

/** The schema of `limits.execution` in a genesis document: every resource, a positive integer. */
export const ExecutionLimitsSchema = z.strictObject({
  stateReads: count,
  bytesRead: count,
  stateWrites: count,
  bytesWritten: count,
  logicSteps: count,
  events: count,
  eventBytes: count,
})

/**
 * The execution limits a genesis document fixes, from `limits.execution`. A genesis without them
 * (written before limits existed) gives none: calls run without a budget, as they did then, so
 * such a log re-executes unchanged.
 * @param genesis the genesis document
 * @returns the limits, or undefined for no budget
 * @throws ValidationError `GENESIS_INVALID` when `limits` or `limits.execution` is malformed
 */
export function executionLimitsOf(genesis: JsonObject): ExecutionLimits | undefined {
  const limits = genesis.limits
  if (limits === undefined) return undefined
  if (typeof limits !== 'object' || limits === null || Array.isArray(limits)) throw new ValidationError('GENESIS_INVALID', 'genesis.limits must be an object')
  const execution = limits.execution
  if (execution === undefined) return undefined
  const r = ExecutionLimitsSchema.safeParse(execution)
  if (!r.success) {
    const issue = r.error.issues[0]!
    throw new ValidationError('GENESIS_INVALID', `genesis.limits.execution${issue.path.map((p) => `.${String(p)}`).join('')}: ${issue.code === 'unrecognized_keys' ? 'unknown resource' : 'a positive integer is required'}`)
  }
  return Object.freeze(r.data)
}
