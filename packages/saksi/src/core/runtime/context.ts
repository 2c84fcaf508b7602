import type { JsonObject, JsonValue } from '../encoding/json.js'
import type { DidKey } from '../keys/did-key.js'
import type { RangeOptions } from '../state/key-range.js'
import type { StateEntry } from '../state/state-store.js'
import type { Directory } from './directory.js'

/** The block's time: the only clock a contract has (PROTOCOL section 4). */
export interface BlockTime {
  /** RFC 3339 UTC with milliseconds, e.g. `2026-11-23T18:30:00.000Z`. */
  readonly iso: string
  /** The same instant in milliseconds since the epoch. */
  readonly ms: number
}

/** Read access to one contract's namespace. Values are deeply frozen. */
export interface StateReader {
  /**
   * @param key a state key (1-512 characters in 0x21-0x7E)
   * @returns the value, or undefined when absent
   */
  get(key: string): JsonValue | undefined
  /**
   * Entries ordered by key (byte order), descending with `reverse`.
   * @param options prefix, start (inclusive), end (exclusive), limit, reverse
   */
  range(options?: RangeOptions): StateEntry[]
}

/** Read and write access to the calling contract's own namespace, buffered until the call succeeds. */
export interface StateAccess extends StateReader {
  /**
   * Writes `value` at `key`. The value must be exact JSON and not null; it is copied, so later
   * changes to the object do not reach state.
   */
  put(key: string, value: JsonValue): void
  /** Deletes `key` (a write even if the key is absent). */
  delete(key: string): void
}

/** A read-only view of a contract: its state and its queries. */
export interface ContractView extends StateReader {
  /** The contract's name. */
  readonly name: string
  /**
   * Runs one of the contract's queries against the same state the caller sees.
   * @returns the query's answer, or undefined for "not found"
   */
  query(name: string, args?: JsonObject): JsonValue | undefined
}

/**
 * The call's execution budget, for work the runtime cannot count itself (genesis
 * `limits.execution`). Every method is a no-op on a network without limits.
 */
export interface ExecutionBudget {
  /**
   * Charges JSON Logic steps (or any rule evaluation the contract counts as such) before doing
   * them; past `limits.execution.logicSteps` the call fails with `EXECUTION_LIMIT`.
   * @param steps a non-negative integer, computed from the call's arguments and state only
   */
  logicSteps(steps: number): void
}

/**
 * The one runtime code a method body may give itself: an access refusal that depends on state the
 * method's policy cannot see (e.g. only the household's applicant may appeal).
 */
export type BodyAccessCode = 'ACCESS_DENIED'

/**
 * What a method body receives. Everything on it is deterministic; it dies when the call ends.
 * @typeParam C the contract's own failure codes (its code table): `fail` takes no other
 */
export interface CallContext<C extends string = string> {
  /** This contract's name. */
  readonly contract: string
  /** The method being run. */
  readonly method: string
  /** The signer of the transaction. */
  readonly caller: DidKey
  /** The transaction id (lowercase hex). */
  readonly txId: string
  /** The entry's index in the log. */
  readonly index: number
  /** The block's height. */
  readonly block: number
  /** The block's time. */
  readonly time: BlockTime
  /** This contract's state. */
  readonly state: StateAccess
  /** Who is who (citizens, roles, key status), from the directory contract (identity). */
  readonly directory: Directory
  /**
   * Records an event; kept only if the call succeeds.
   * @param type `<contract>.<Name>`, e.g. `identity.Registered`
   * @param data an exact JSON object (default `{}`)
   */
  emit(type: string, data?: JsonObject): void
  /**
   * Fails the call with a stable code of the contract's table (or `ACCESS_DENIED`); no write or
   * event of this call is kept. A failure cannot be undone by catching it.
   * @throws ContractFailure always
   */
  fail(code: C | BodyAccessCode, message?: string): never
  /**
   * A read-only view of a contract (this one or another), seeing this call's state.
   * @throws ContractFailure `CONTRACT_UNKNOWN` (and the call fails)
   */
  view(contract: string): ContractView
  /** The call's execution budget. */
  readonly budget: ExecutionBudget
}

/** What a query body receives. */
export interface QueryContext {
  /** This contract's name. */
  readonly contract: string
  /** This contract's state, read-only. */
  readonly state: StateReader
  /** Who is who, from the directory contract. */
  readonly directory: Directory
  /** A read-only view of a contract. */
  view(contract: string): ContractView
  /** The budget of the call this query runs in (a no-op for a query asked over HTTP). */
  readonly budget: ExecutionBudget
}

/** What a contract's genesis hook receives to seed its state. */
export interface GenesisContext {
  /** This contract's name. */
  readonly contract: string
  /** The genesis time. */
  readonly time: BlockTime
  /** This contract's state. */
  readonly state: StateAccess
}
