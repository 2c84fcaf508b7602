import type { z } from 'zod'
import type { CodeTable } from '../codes/define-codes.js'
import type { JsonObject, JsonValue } from '../encoding/json.js'
import { ValidationError } from '../errors.js'
import type { CallContext, GenesisContext, QueryContext } from './context.js'
import type { DirectoryFactory } from './directory.js'
import type { Policy, Refusal } from './policy.js'
import { NAME_PATTERN } from '../tx/protocol-patterns.js'
import { FIELD_PATH_PATTERN } from './field-paths.js'

/**
 * A contract method: argument schema, declared access policy and a synchronous deterministic body.
 * @typeParam C the contract's failure codes, the only ones `ctx.fail` takes
 */
export interface MethodDefinition<A extends z.ZodType = z.ZodType, C extends string = string> {
  /**
   * zod schema of `tx.args`; a mismatch is refused at admission with `ARGS_INVALID` (under rules 1,
   * committed as a failed call). Prefer `z.strictObject`, and tight bounds on free text.
   */
  readonly args: A
  /**
   * The schemas of earlier rules versions (see `CURRENT_RULES`), by version: a call executed under
   * rules `r` is checked against `argsUnderRules[r]` when given, else `args`. A log committed under
   * older rules then re-executes byte for byte (e.g. `identity.register`'s `name`, required under rules 1).
   */
  readonly argsUnderRules?: Readonly<Record<number, z.ZodType<z.output<A>>>>
  /**
   * Fields of the arguments where a long number is legitimate (an amount, a hash, a bank's
   * reference): the personal-data screen does not look for NIKs or phone numbers in them (it still
   * looks for e-mail addresses). Paths from the arguments' root, names joined by dots, `*` for any
   * array element or key: `reference`, `items.*.unitPrice`. A named field's whole value is covered.
   */
  readonly longNumbers?: readonly string[]
  /**
   * The arguments must never reach the log in a refused call (a sealed bid's price revealed too
   * early): admission first runs the call against the committed head, read-only, and refuses it
   * with its code instead of admitting it. Costs an execution per admission; declare it only where
   * a refusal would leak (list such methods in the contract's README).
   */
  readonly sealedArgs?: boolean
  /** Who may call; evaluated by the runtime after the schema and before the body. */
  readonly allow: Policy
  /** What the method does, for API docs. */
  readonly description?: string
  /**
   * Most bytes of `tx.args` (its JCS encoding) the node admits for this method, when the network's
   * default (PROTOCOL-NOTES "Admission limits") does not fit; beyond it, `ARGS_TOO_LARGE` (413) at
   * admission. An admission rule only: execution never reads it.
   */
  readonly maxArgsBytes?: number
  /**
   * The body. Synchronous; reads and writes only through `ctx`; no clock but `ctx.time`, no
   * randomness, no I/O. Fails with `ctx.fail(code)`.
   */
  run(ctx: CallContext<C>, args: z.output<A>): void
}

/** A read-only query: argument schema and a body returning exact JSON, or undefined for "not found". */
export interface QueryDefinition<A extends z.ZodType = z.ZodType> {
  /** zod schema of the query's arguments (over HTTP they arrive as strings). */
  readonly args: A
  /** What the query answers, for API docs. */
  readonly description?: string
  /**
   * Who may ask over HTTP, for a query whose answer names who did what to whom (an access trail, a
   * work list): the API asks for a session (`POST /v1/auth/session`) and checks this policy for its
   * signer on committed state, with the query's arguments as sent. Absent: anyone (aggregates,
   * public rules). Contracts' views of each other and the node's own reads are not gated.
   */
  readonly allow?: Policy
  /** The body: synchronous, read-only. */
  run(ctx: QueryContext, args: z.output<A>): JsonValue | undefined
}

/**
 * What `defineContract` takes.
 * @typeParam C the codes of the contract's table: its methods fail and its screen refuses with no other
 */
export interface ContractDefinition<M extends Record<string, z.ZodType>, Q extends Record<string, z.ZodType>, C extends string = string> {
  /** Contract name as transactions address it: 1-64 of letters, digits, `.`, `_`, `-`. */
  name: string
  /** Version of the contract's rules, a positive integer. */
  version: number
  /**
   * The contract's failure codes with their kinds and messages (`defineCodes`), gathered by the
   * message catalogue. Given, `ctx.fail` in the methods takes only these codes (and `ACCESS_DENIED`).
   */
  codes?: CodeTable<C>
  // NoInfer: the table alone decides the codes, so that a method of another contract does not widen them.
  methods: { [K in keyof M]: MethodDefinition<M[K], NoInfer<C>> }
  queries?: { [K in keyof Q]: QueryDefinition<Q[K]> }
  /**
   * Screens raw arguments before anything else, for data that must never reach the log (e.g. a NIK
   * in clear). The node runs it at admission (`runtime.screen`) so such a transaction is refused at
   * the door; the runtime runs it again on every call.
   */
  screen?(method: string, args: JsonObject): Refusal<NoInfer<C>> | undefined
  /**
   * Seeds the contract's state from the genesis document (block 0). Throws to refuse the document.
   */
  genesis?(ctx: GenesisContext, genesis: JsonObject): void
  /** Provided by the one contract (identity) that answers the directory questions policies ask. */
  directory?: DirectoryFactory
  /**
   * The roles the contract's policies check (e.g. `welfare.verifier`), for an organisation's
   * `grants`: a network's configuration may grant only roles an installed contract declares.
   */
  roles?: readonly string[]
}

/** A defined contract, ready for `createRuntime`. Immutable. */
export interface Contract {
  readonly name: string
  readonly version: number
  /** The contract's code table, if it declares one. */
  readonly codes: CodeTable | undefined
  readonly methods: ReadonlyMap<string, MethodDefinition>
  readonly queries: ReadonlyMap<string, QueryDefinition>
  readonly screen: ((method: string, args: JsonObject) => Refusal | undefined) | undefined
  readonly genesis: ((ctx: GenesisContext, genesis: JsonObject) => void) | undefined
  readonly directory: DirectoryFactory | undefined
  /** The roles its policies check (see {@link ContractDefinition.roles}); empty when undeclared. */
  readonly roles: readonly string[]
}

/** Names of contracts, methods and queries: the same rule as `tx.contract` and `tx.method`. */
export const CONTRACT_NAME_PATTERN = NAME_PATTERN

function invalid(message: string): never {
  throw new ValidationError('CONTRACT_DEFINITION_INVALID', message)
}

function isSchema(v: unknown): v is z.ZodType {
  return typeof v === 'object' && v !== null && typeof (v as { safeParse?: unknown }).safeParse === 'function'
}

function entries<T>(what: string, contract: string, record: Record<string, T> | undefined, check: (name: string, def: T) => void): Map<string, T> {
  const map = new Map<string, T>()
  for (const [name, def] of Object.entries(record ?? {})) {
    if (!CONTRACT_NAME_PATTERN.test(name)) invalid(`${contract}: ${what} name ${JSON.stringify(name)} is invalid`)
    check(name, def)
    map.set(name, Object.freeze({ ...def }))
  }
  return map
}

/**
 * Defines a contract: its methods (schema, policy, body), queries, and optional screen, genesis
 * hook and directory. Lookups go through Maps, so a method named `constructor` or `__proto__`
 * cannot reach Object.prototype.
 * @param def the definition
 * @returns the immutable contract
 * @throws ValidationError `CONTRACT_DEFINITION_INVALID`
 */
export function defineContract<M extends Record<string, z.ZodType>, Q extends Record<string, z.ZodType> = Record<never, z.ZodType>, C extends string = string>(
  def: ContractDefinition<M, Q, C>,
): Contract {
  if (typeof def.name !== 'string' || !CONTRACT_NAME_PATTERN.test(def.name)) invalid(`contract name ${JSON.stringify(def.name)} is invalid`)
  if (!Number.isSafeInteger(def.version) || def.version < 1) invalid(`${def.name}: version must be a positive integer`)
  const methods = entries<MethodDefinition>('method', def.name, def.methods as Record<string, MethodDefinition>, (name, m) => {
    if (!isSchema(m.args)) invalid(`${def.name}.${name}: args must be a zod schema`)
    if (typeof m.allow?.check !== 'function') invalid(`${def.name}.${name}: allow must be a policy (anyone, role(...), ...)`)
    if (typeof m.run !== 'function') invalid(`${def.name}.${name}: run must be a function`)
    if (m.argsUnderRules !== undefined && !Object.values(m.argsUnderRules).every(isSchema)) invalid(`${def.name}.${name}: argsUnderRules must map rules versions to zod schemas`)
    if (m.longNumbers !== undefined && !(Array.isArray(m.longNumbers) && m.longNumbers.every((p) => typeof p === 'string' && FIELD_PATH_PATTERN.test(p)))) {
      invalid(`${def.name}.${name}: longNumbers must be field paths like reference or items.*.amount`)
    }
    if (m.sealedArgs !== undefined && typeof m.sealedArgs !== 'boolean') invalid(`${def.name}.${name}: sealedArgs must be a boolean`)
    if (m.maxArgsBytes !== undefined && (!Number.isSafeInteger(m.maxArgsBytes) || m.maxArgsBytes < 2)) invalid(`${def.name}.${name}: maxArgsBytes must be an integer of at least 2`)
  })
  const queries = entries<QueryDefinition>('query', def.name, def.queries as Record<string, QueryDefinition> | undefined, (name, q) => {
    if (!isSchema(q.args)) invalid(`${def.name}.${name}: query args must be a zod schema`)
    if (typeof q.run !== 'function') invalid(`${def.name}.${name}: query run must be a function`)
    if (q.allow !== undefined && typeof q.allow.check !== 'function') invalid(`${def.name}.${name}: query allow must be a policy (role(...), ...)`)
  })
  for (const hook of ['screen', 'genesis', 'directory'] as const) {
    if (def[hook] !== undefined && typeof def[hook] !== 'function') invalid(`${def.name}: ${hook} must be a function`)
  }
  if (def.codes !== undefined && (typeof def.codes !== 'object' || def.codes === null)) invalid(`${def.name}: codes must be a code table (defineCodes)`)
  for (const role of def.roles ?? []) if (typeof role !== 'string' || !CONTRACT_NAME_PATTERN.test(role)) invalid(`${def.name}: role ${JSON.stringify(role)} is not a valid name`)
  return Object.freeze({
    name: def.name,
    version: def.version,
    codes: def.codes,
    methods,
    queries,
    screen: def.screen,
    genesis: def.genesis,
    directory: def.directory,
    roles: Object.freeze([...new Set(def.roles ?? [])]),
  })
}

/**
 * Identity helper that types a method defined outside `defineContract` (args inferred from the
 * schema). Given the contract's code table first, `ctx.fail` in the body takes only its codes.
 * @param codes the contract's code table
 * @param def the method
 * @returns the same method
 */
export function defineMethod<A extends z.ZodType, C extends string>(codes: CodeTable<C>, def: MethodDefinition<A, C>): MethodDefinition<A, C>
/**
 * Identity helper that types a method defined outside `defineContract`, for a contract without a
 * code table (its body may fail with any code).
 * @param def the method
 * @returns the same method
 */
export function defineMethod<A extends z.ZodType>(def: MethodDefinition<A>): MethodDefinition<A>
export function defineMethod(a: unknown, b?: unknown): unknown {
  return b ?? a
}

/**
 * Identity helper that types a query defined outside `defineContract`.
 * @param def the query
 * @returns the same query
 */
export function defineQuery<A extends z.ZodType>(def: QueryDefinition<A>): QueryDefinition<A> {
  return def
}
