import type { JsonObject, JsonValue } from '../encoding/json.js'
import { SaksiError, ValidationError } from '../errors.js'
import { StateOverlay } from '../state/state-overlay.js'
import type { StateStore } from '../state/state-store.js'
import type { Tx } from '../tx/types.js'
import type { CallInput, CallOutcome } from './call-outcome.js'
import { checkPolicy, type PolicyRequest } from './check-policy.js'
import { ContractFailure, isFailureCode } from './contract-failure.js'
import type { Contract } from './define-contract.js'
import { ExecutionLimitsSchema, type ExecutionLimits } from './execution-limits.js'
import type { Policy, Refusal } from './policy.js'
import { checkArguments, type ArgumentCheck } from './check-arguments.js'
import { explainRefusal, type RefusalExplanation } from './explain-refusal.js'
import { runCall } from './run-call.js'
import { runQuery } from './run-query.js'
import type { RuntimeCore } from './runtime-core.js'

/** What `GET /v1/network` lists for each contract. */
export interface ContractDescription {
  name: string
  version: number
  methods: string[]
  queries: string[]
}

/** A set of installed contracts that executes calls and answers queries. Stateless: state is passed in. */
export interface Runtime {
  /** The installed contracts by name. */
  readonly contracts: ReadonlyMap<string, Contract>
  /** The budget of each call (genesis `limits.execution`), or undefined for none. */
  readonly limits: ExecutionLimits | undefined
  /** Names, versions, methods and queries of the installed contracts, sorted by name. */
  describe(): ContractDescription[]
  /**
   * The admission-time screen: the called contract's `screen` hook on the raw arguments. The node
   * refuses a transaction it screens out at the door, so that (for instance) a NIK in clear never
   * reaches the log. Unknown contracts and methods pass; {@link checkArguments} is the whole check.
   * @returns the refusal, or undefined to admit
   */
  screen(tx: Pick<Tx, 'contract' | 'method' | 'args'>): Refusal | undefined
  /**
   * The checks that make a call malformed rather than a decision of the contract (PROTOCOL section
   * 3): unknown contract or method, personal data in the arguments, arguments that fail the
   * method's schema under `rules`. The node refuses such a transaction at admission and never logs it.
   * @param tx the call
   * @param rules the network's rules version
   * @returns the refusal, or the method (its `sealedArgs` says whether admission must run it first);
   *   the parsed arguments are not a copy: use them for nothing but the answer
   */
  checkArguments(tx: Pick<Tx, 'contract' | 'method' | 'args'>, rules: number): ArgumentCheck
  /**
   * Executes one call on a block's overlay; on success its writes are folded into `blockState`.
   * Never throws for anything a transaction can cause: every failure is a coded outcome.
   */
  call(blockState: StateOverlay, input: CallInput): CallOutcome
  /**
   * Answers a read-only query on committed state.
   * @param state the committed state (a store or an overlay)
   * @param contract the contract's name
   * @param query the query's name
   * @param args the query's arguments (over HTTP, an object of strings)
   * @returns the answer, deeply frozen, or undefined for "not found"
   * @throws ContractFailure `CONTRACT_UNKNOWN`/`QUERY_UNKNOWN` (kind not_found), `ARGS_INVALID` (validation),
   *   `NONDETERMINISTIC_*`/`CONTRACT_ERROR`/`QUERY_DEPTH_EXCEEDED` (internal)
   */
  query(state: StateStore, contract: string, query: string, args?: unknown): JsonValue | undefined
  /**
   * Checks an action that is not a transaction (a signed request) against its declared policy, on
   * committed state and with the directory a call would see. Unlike a call, a key the directory
   * refuses is not refused first: the policy decides (a revoked key holds no role and is no citizen).
   * @returns undefined to allow, or the refusal (`ACCESS_DENIED`, `CITIZEN_NOT_VERIFIED`, ...)
   * @throws ContractFailure `CONTRACT_ERROR` (internal) when the policy fails unexpectedly
   */
  authorize(state: StateStore, policy: Policy, request: PolicyRequest): Refusal | undefined
  /**
   * Why a call failed with `code`, when its access decision refused it: what the method's policy
   * requires (`requires`) and which roles the signer holds, in words. For a simulated call only
   * (the node's `simulate`): a committed result never carries it.
   * @param state the state the call ran on (committed state, read-only)
   * @returns the explanation, or undefined when the failure was not an access refusal
   */
  explain(state: StateStore, input: CallInput, code: string): RefusalExplanation | undefined
}

/** Options of {@link createRuntime}. */
export interface RuntimeOptions {
  /** The contracts to install. At most one may provide a `directory` (identity does). */
  contracts: readonly Contract[]
  /**
   * The budget of each call, from the genesis document (`executionLimitsOf(genesis)`): a call over
   * it fails with `EXECUTION_LIMIT`. Undefined (a genesis written before limits) runs calls without
   * a budget, as then.
   */
  limits?: ExecutionLimits
}

/**
 * Installs contracts into a runtime.
 * @param options the contracts
 * @returns the runtime
 * @throws ValidationError `RUNTIME_CONFIG_INVALID` for duplicate names, more than one directory or malformed limits
 */
export function createRuntime(options: RuntimeOptions): Runtime {
  const contracts = new Map<string, Contract>()
  let directoryContract: Contract | undefined
  for (const c of options.contracts) {
    if (contracts.has(c.name)) throw new ValidationError('RUNTIME_CONFIG_INVALID', `contract ${c.name} is installed twice`)
    contracts.set(c.name, c)
    if (c.directory) {
      if (directoryContract) throw new ValidationError('RUNTIME_CONFIG_INVALID', `both ${directoryContract.name} and ${c.name} provide a directory`)
      directoryContract = c
    }
  }
  let limits: ExecutionLimits | undefined
  if (options.limits !== undefined) {
    const parsed = ExecutionLimitsSchema.safeParse(options.limits)
    if (!parsed.success) throw new ValidationError('RUNTIME_CONFIG_INVALID', 'limits: every execution limit is a positive integer')
    limits = Object.freeze(parsed.data)
  }
  const core: RuntimeCore = { contracts, directoryContract, limits, runQuery: (store, c, q, a, d, m) => runQuery(core, store, c, q, a, d, m) }
  return Object.freeze({
    contracts,
    limits,
    describe: () =>
      [...contracts.values()]
        .map((c) => ({ name: c.name, version: c.version, methods: [...c.methods.keys()].sort(), queries: [...c.queries.keys()].sort() }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    screen: (tx: Pick<Tx, 'contract' | 'method' | 'args'>) => {
      const screen = contracts.get(tx.contract)?.screen
      if (!screen) return undefined
      let r: Refusal | undefined
      try {
        r = screen(tx.method, tx.args as JsonObject)
      } catch (e) {
        r = { code: e instanceof SaksiError ? e.code : 'CONTRACT_ERROR', message: 'the contract screen failed' }
      }
      return r && !isFailureCode(r.code) ? { code: 'CONTRACT_ERROR', message: 'the contract screen refused with a malformed code' } : r
    },
    checkArguments: (tx: Pick<Tx, 'contract' | 'method' | 'args'>, rules: number) => checkArguments(contracts, tx, rules, false),
    call: (blockState: StateOverlay, input: CallInput) => runCall(core, blockState, input),
    authorize: (state: StateStore, policy: Policy, request: PolicyRequest) => checkPolicy(core, state, policy, request),
    explain: (state: StateStore, input: CallInput, code: string) => explainRefusal(core, state, input, code),
    query: (state: StateStore, contract: string, query: string, args?: unknown) => {
      try {
        return runQuery(core, new StateOverlay(state), contract, query, args, 0)
      } catch (e) {
        if (e instanceof SaksiError) throw e
        throw new ContractFailure('CONTRACT_ERROR', 'the query failed unexpectedly', 'internal')
      }
    },
  })
}
