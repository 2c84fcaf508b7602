import type { JsonObject } from '../encoding/json.js'
import { SaksiError } from '../errors.js'
import { toKeyRange, type RangeOptions } from '../state/key-range.js'
import { snapshotJson } from '../state/json-snapshot.js'
import { isStateKey } from '../state/state-key.js'
import type { StateOverlay } from '../state/state-overlay.js'
import type { StateEntry } from '../state/state-store.js'
import type { ContractEvent } from '../log/entry.js'
import { ContractFailure } from './contract-failure.js'
import type { ContractView, ExecutionBudget, StateAccess, StateReader } from './context.js'
import { EMPTY_DIRECTORY, type Directory } from './directory.js'
import type { ExecutionMeter } from './execution-meter.js'
import type { RuntimeCore } from './runtime-core.js'

const EVENT_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/

/**
 * The life of one call, query or genesis hook (internal). It builds the objects handed to contract
 * code, checks every value crossing into state or events, and records the first failure so that a
 * body cannot swallow it with try/catch. Once closed, every object it built refuses to work, so a
 * context kept past its call cannot read or write a later state.
 */
export class Session {
  #failure: ContractFailure | undefined
  readonly #core: RuntimeCore
  readonly #store: StateOverlay
  readonly #depth: number
  #closed = false
  #directory: Directory | undefined
  readonly #views = new Map<string, ContractView>()
  readonly #meter: ExecutionMeter | undefined
  #budget: ExecutionBudget | undefined

  /**
   * @param core the runtime
   * @param store the overlay this session reads (and, for calls and genesis, writes)
   * @param depth query nesting depth (0 for a call or a top-level query)
   * @param meter the call's execution budget (shared by its nested queries); none without limits
   */
  constructor(core: RuntimeCore, store: StateOverlay, depth: number, meter?: ExecutionMeter) {
    this.#core = core
    this.#store = store
    this.#depth = depth
    this.#meter = meter
  }

  /** The first failure recorded (by `ctx.fail` or a refused value), if any. */
  get failure(): ContractFailure | undefined {
    return this.#failure
  }

  /** Ends the session: every object it built stops working. */
  close(): void {
    this.#closed = true
  }

  /** @throws ContractFailure `CONTEXT_CLOSED` once the session ended */
  open(): void {
    if (this.#closed) throw new ContractFailure('CONTEXT_CLOSED', 'this context belongs to a call or query that has ended', 'internal')
  }

  /** Records `code` as the session's failure (the first one wins) and throws it. */
  fail(code: string, message?: string): never {
    const failure = new ContractFailure(code, message)
    this.#failure ??= failure
    throw failure
  }

  /** Fails the call with `EXECUTION_LIMIT` when the meter reported a limit crossed. */
  #charge(over: string | undefined): void {
    if (over !== undefined) this.fail('EXECUTION_LIMIT', over)
  }

  /** The budget handed to contract code, for work the runtime cannot count itself. */
  get budget(): ExecutionBudget {
    this.#budget ??= Object.freeze({
      logicSteps: (steps: number) => {
        this.open()
        if (!Number.isSafeInteger(steps) || steps < 0) this.fail('CONTRACT_ERROR', 'budget.logicSteps takes a non-negative integer')
        if (this.#meter) this.#charge(this.#meter.logicSteps(steps))
      },
    })
    return this.#budget
  }

  #key(key: unknown): string {
    if (!isStateKey(key)) this.fail('STATE_KEY_INVALID', `state key ${typeof key === 'string' ? JSON.stringify(key.slice(0, 64)) : typeof key} must be 1-512 printable ASCII characters without spaces`)
    return key
  }

  /** Read access to `contract`'s namespace. */
  reader(contract: string): StateReader {
    return Object.freeze({
      get: (key: string) => {
        this.open()
        const k = this.#key(key)
        const value = this.#store.get(contract, k)
        if (this.#meter) this.#charge(this.#meter.get(k, value))
        return value
      },
      range: (options?: RangeOptions): StateEntry[] => {
        this.open()
        let range
        try {
          range = toKeyRange(options)
        } catch (e) {
          this.fail('STATE_RANGE_INVALID', (e as Error).message)
        }
        const meter = this.#meter
        if (!meter) return this.#store.range(contract, range)
        // One entry more than the reads left is enough to know the call is over budget: a scan
        // of a large namespace stops there instead of loading it all.
        const cap = Math.max(0, meter.readsLeft) + 1
        if (range.limit === undefined || range.limit > cap) range = { ...range, limit: cap }
        const entries = this.#store.range(contract, range)
        this.#charge(meter.range(entries))
        return entries
      },
    })
  }

  /** Read and write access to `contract`'s namespace. */
  access(contract: string): StateAccess {
    const reader = this.reader(contract)
    return Object.freeze({
      ...reader,
      put: (key: string, value: unknown) => {
        this.open()
        const k = this.#key(key)
        if (value === null) this.fail('STATE_VALUE_INVALID', `state value at ${k} is null; delete the key instead`)
        let snapshot
        try {
          snapshot = snapshotJson(value, 'value')
        } catch (e) {
          this.fail('NONDETERMINISTIC_VALUE', `state value at ${k}: ${(e as Error).message}`)
        }
        if (this.#meter) this.#charge(this.#meter.write(k, snapshot))
        this.#store.put(contract, k, snapshot)
      },
      delete: (key: string) => {
        this.open()
        const k = this.#key(key)
        if (this.#meter) this.#charge(this.#meter.write(k, undefined))
        this.#store.delete(contract, k)
      },
    })
  }

  /** Checks and records an event of `contract` into `events`. */
  emit(contract: string, events: ContractEvent[], type: unknown, data: unknown = {}): void {
    this.open()
    if (typeof type !== 'string' || !type.startsWith(`${contract}.`) || !EVENT_NAME.test(type.slice(contract.length + 1))) {
      this.fail('EVENT_INVALID', `event type ${JSON.stringify(String(type).slice(0, 80))} must be ${contract}.<Name>`)
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) this.fail('EVENT_INVALID', `data of event ${type} must be an object`)
    let snapshot
    try {
      snapshot = snapshotJson(data, 'event.data')
    } catch (e) {
      this.fail('NONDETERMINISTIC_VALUE', `event ${type}: ${(e as Error).message}`)
    }
    if (this.#meter) this.#charge(this.#meter.event(type, snapshot))
    events.push({ type, data: snapshot as JsonObject })
  }

  /** A read-only view of `name`, seeing this session's state. */
  view(name: string): ContractView {
    this.open()
    const cached = this.#views.get(name)
    if (cached) return cached
    if (!this.#core.contracts.has(name)) this.fail('CONTRACT_UNKNOWN', `no contract named ${JSON.stringify(String(name).slice(0, 64))} is installed`)
    const view: ContractView = Object.freeze({
      name,
      ...this.reader(name),
      query: (query: string, args?: JsonObject) => {
        this.open()
        try {
          return this.#core.runQuery(this.#store, name, query, args, this.#depth + 1, this.#meter)
        } catch (e) {
          // A failing nested query fails the whole call, with the query's code.
          if (e instanceof SaksiError) this.fail(e.code, `${name}.${String(query)}: ${e.message}`)
          throw e
        }
      },
    })
    this.#views.set(name, view)
    return view
  }

  /** The directory, bound to this session's state (built on first use). */
  get directory(): Directory {
    if (this.#directory === undefined) {
      const provider = this.#core.directoryContract
      this.#directory = provider?.directory ? provider.directory(this.view(provider.name)) : EMPTY_DIRECTORY
    }
    return this.#directory
  }
}
