import { SaksiError } from '../errors.js'
import type { ContractEvent } from '../log/entry.js'
import { snapshotJson } from '../state/json-snapshot.js'
import { StateOverlay } from '../state/state-overlay.js'
import type { CallInput, CallOutcome } from './call-outcome.js'
import type { CallContext } from './context.js'
import { ContractFailure, isFailureCode, recordableMessage } from './contract-failure.js'
import { describeIssue } from './describe-issue.js'
import type { PolicyContext, Refusal } from './policy.js'
import type { RuntimeCore } from './runtime-core.js'
import { ExecutionMeter } from './execution-meter.js'
import { Session } from './session.js'
import { argsSchemaOf, checkArguments } from './check-arguments.js'
import type { MethodDefinition } from './define-contract.js'
import { RULES_ADMISSION, RULES_ORIGINAL } from './rules.js'
import { isThenable, silence, thrownName } from './thenable.js'

// A failed outcome with a checked code and a recordable message.
function failed(code: string, message?: string): CallOutcome {
  if (!isFailureCode(code)) return { status: 'failed', code: 'CONTRACT_ERROR', message: 'the contract failed with a malformed error code', events: [], writes: [] }
  const m = recordableMessage(message)
  return m === undefined || m === code ? { status: 'failed', code, events: [], writes: [] } : { status: 'failed', code, message: m, events: [], writes: [] }
}

function failedWith(f: ContractFailure): CallOutcome {
  return failed(f.code, f.message)
}

function refused(r: Refusal): CallOutcome {
  return failed(r.code, r.message)
}

/**
 * Runs one call on a block's overlay (internal; see `Runtime.call`). Order of checks under rules 1:
 * contract, screen, method, caller key status, argument schema, access policy, body; under rules 2,
 * the argument checks of admission (`checkArguments`) first, then key status, policy, body. On success the call's
 * writes are folded into `blockState`; on failure nothing is.
 */
export function runCall(core: RuntimeCore, blockState: StateOverlay, input: CallInput): CallOutcome {
  const { tx } = input
  const rules = input.rules ?? RULES_ORIGINAL
  const contract = core.contracts.get(tx.contract)
  if (!contract) return failed('CONTRACT_UNKNOWN', `no contract named ${JSON.stringify(tx.contract)} is installed`)
  const where = `${contract.name}.${tx.method}`
  const overlay = new StateOverlay(blockState)
  const session = new Session(core, overlay, 0, core.limits && new ExecutionMeter(core.limits))
  const events: ContractEvent[] = []
  try {
    let method: MethodDefinition | undefined
    let args: unknown
    if (rules >= RULES_ADMISSION) {
      // Admission ran these checks: under rules 2 they never fail a committed call.
      const checked = checkArguments(core.contracts, tx, rules)
      if (!checked.ok) return failed(checked.refusal.code, checked.refusal.message)
      method = checked.method
      args = checked.args
    } else {
      const screened = contract.screen?.(tx.method, tx.args)
      if (screened) return refused(screened)
      method = contract.methods.get(tx.method)
    }
    if (!method) return failed('METHOD_UNKNOWN', `contract ${contract.name} has no method ${JSON.stringify(tx.method)}`)
    const directory = session.directory
    const revoked = directory.keyRefusal(tx.signer)
    if (revoked) return refused(revoked)
    if (rules < RULES_ADMISSION) {
      const parsed = argsSchemaOf(method, rules).safeParse(snapshotJson(tx.args, 'args'))
      if (!parsed.success) return failed('ARGS_INVALID', describeIssue(parsed.error.issues))
      args = parsed.data
    }
    const policyContext: PolicyContext = Object.freeze({
      caller: tx.signer,
      contract: contract.name,
      method: tx.method,
      args,
      time: input.time,
      directory,
      view: (name: string) => session.view(name),
    })
    const denied = method.allow.check(policyContext)
    if (session.failure) return failedWith(session.failure)
    if (denied) return refused(denied)
    const ctx: CallContext = Object.freeze({
      contract: contract.name,
      method: tx.method,
      caller: tx.signer,
      txId: input.txId,
      index: input.index,
      block: input.block,
      time: input.time,
      state: session.access(contract.name),
      directory,
      emit: (type: string, data?: object) => session.emit(contract.name, events, type, data),
      fail: (code: string, message?: string): never => session.fail(code, message),
      view: (name: string) => session.view(name),
      budget: session.budget,
    })
    const returned: unknown = method.run(ctx, args)
    if (isThenable(returned)) {
      silence(returned)
      return failed('NONDETERMINISTIC_ASYNC', `${where} returned a Promise; contract bodies must be synchronous`)
    }
    if (session.failure) return failedWith(session.failure)
    const writes = overlay.writes()
    blockState.apply(writes)
    return { status: 'ok', events, writes }
  } catch (e) {
    if (session.failure) return failedWith(session.failure)
    if (e instanceof ContractFailure || e instanceof SaksiError) return failed(e.code, e.message)
    // The engine's own message (and stack) may differ between Node versions: record only the type.
    return failed('CONTRACT_ERROR', `${where} threw an unexpected exception (${thrownName(e)})`)
  } finally {
    session.close()
  }
}
