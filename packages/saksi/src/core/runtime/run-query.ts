import type { JsonValue } from '../encoding/json.js'
import { assertJsonValue } from '../encoding/json-value.js'
import { SaksiError } from '../errors.js'
import { freezeJson, snapshotJson } from '../state/json-snapshot.js'
import type { StateOverlay } from '../state/state-overlay.js'
import type { QueryContext } from './context.js'
import { ContractFailure } from './contract-failure.js'
import { describeIssue } from './describe-issue.js'
import { MAX_QUERY_DEPTH, type RuntimeCore } from './runtime-core.js'
import type { ExecutionMeter } from './execution-meter.js'
import { Session } from './session.js'
import { isThenable, silence, thrownName } from './thenable.js'

/**
 * Runs a query (internal; see `Runtime.query` and `ContractView.query`).
 * @throws ContractFailure `CONTRACT_UNKNOWN`/`QUERY_UNKNOWN` (not_found), `ARGS_INVALID` (validation),
 *   `QUERY_DEPTH_EXCEEDED`, `NONDETERMINISTIC_ASYNC`, `NONDETERMINISTIC_VALUE`, `CONTRACT_ERROR` (internal),
 *   or the SaksiError the body threw
 */
export function runQuery(core: RuntimeCore, store: StateOverlay, contractName: string, queryName: string, args: unknown, depth: number, meter?: ExecutionMeter): JsonValue | undefined {
  if (depth > MAX_QUERY_DEPTH) throw new ContractFailure('QUERY_DEPTH_EXCEEDED', `queries nest deeper than ${MAX_QUERY_DEPTH}`, 'internal')
  const contract = core.contracts.get(contractName)
  if (!contract) throw new ContractFailure('CONTRACT_UNKNOWN', `no contract named ${JSON.stringify(contractName)} is installed`, 'not_found')
  const query = contract.queries.get(queryName)
  if (!query) throw new ContractFailure('QUERY_UNKNOWN', `contract ${contract.name} has no query ${JSON.stringify(queryName)}`, 'not_found')
  let input
  try {
    input = snapshotJson(args ?? {}, 'args')
  } catch (e) {
    throw new ContractFailure('ARGS_INVALID', (e as Error).message)
  }
  const where = `${contract.name}.${queryName}`
  const session = new Session(core, store, depth, meter)
  try {
    const parsed = query.args.safeParse(input)
    if (!parsed.success) throw new ContractFailure('ARGS_INVALID', describeIssue(parsed.error.issues))
    const ctx: QueryContext = Object.freeze({
      contract: contract.name,
      state: session.reader(contract.name),
      get directory() {
        return session.directory
      },
      view: (name: string) => session.view(name),
      budget: session.budget,
    })
    const result: unknown = query.run(ctx, parsed.data)
    if (isThenable(result)) {
      silence(result)
      throw new ContractFailure('NONDETERMINISTIC_ASYNC', `${where} returned a Promise; query bodies must be synchronous`, 'internal')
    }
    if (result === undefined) return undefined
    try {
      assertJsonValue(result, 'result')
    } catch (e) {
      throw new ContractFailure('NONDETERMINISTIC_VALUE', `${where}: ${(e as Error).message}`, 'internal')
    }
    return freezeJson(result)
  } catch (e) {
    if (session.failure) throw new ContractFailure(session.failure.code, session.failure.message, 'internal')
    if (e instanceof SaksiError) throw e
    throw new ContractFailure('CONTRACT_ERROR', `${where} threw an unexpected exception (${thrownName(e)})`, 'internal')
  } finally {
    session.close()
  }
}
