import type { JsonObject } from '../encoding/json.js'
import { snapshotJson } from '../state/json-snapshot.js'
import type { Tx } from '../tx/types.js'
import { isFailureCode } from './contract-failure.js'
import type { Contract, MethodDefinition } from './define-contract.js'
import { describeIssue, describeIssuePath } from './describe-issue.js'
import { compileFieldPaths, type FieldPathNode } from './field-paths.js'
import { findPersonalData, type PersonalDataReason } from './personal-data.js'
import type { z } from 'zod'

/** Why a transaction's call is malformed: a runtime code, its message and details for the client. */
export interface ArgumentRefusal {
  readonly code: 'CONTRACT_UNKNOWN' | 'METHOD_UNKNOWN' | 'ARGS_PERSONAL_DATA' | 'ARGS_INVALID' | 'CONTRACT_ERROR'
  readonly message: string
  readonly details: Record<string, unknown>
}

/** The outcome of {@link checkArguments}: a refusal, or the method and its parsed arguments. */
export type ArgumentCheck =
  | { readonly ok: false; readonly refusal: ArgumentRefusal }
  | { readonly ok: true; readonly contract: Contract; readonly method: MethodDefinition; readonly args: unknown }

const WHAT: Readonly<Record<PersonalDataReason, string>> = {
  NIK_IN_CLEAR: 'a NIK in clear',
  PHONE_NUMBER: 'a mobile number',
  EMAIL_ADDRESS: 'an e-mail address',
}

// Compiled once per method definition (definitions are frozen).
const compiled = new WeakMap<MethodDefinition, FieldPathNode | undefined>()

function longNumbersOf(method: MethodDefinition): FieldPathNode | undefined {
  if (!compiled.has(method)) compiled.set(method, compileFieldPaths(method.longNumbers))
  return compiled.get(method)
}

/**
 * The schema a call is checked against under a rules version.
 * @param method the method
 * @param rules the rules version the call executes under
 */
export function argsSchemaOf(method: MethodDefinition, rules: number): z.ZodType {
  return method.argsUnderRules?.[rules] ?? method.args
}

function refuse(code: ArgumentRefusal['code'], message: string, details: Record<string, unknown> = {}): ArgumentCheck {
  return { ok: false, refusal: { code, message, details } }
}

/**
 * The checks of a call that make it malformed rather than a decision of the contract (PROTOCOL
 * section 3), in order: the contract and the method exist; the contract's screen and the
 * personal-data screen pass (`ARGS_PERSONAL_DATA`; a contract's own refusal code, such as
 * `WELFARE_NIK_IN_CLEAR`, goes in `details.reason`); the arguments match the method's schema
 * (`ARGS_INVALID`, the field in `details.path` and in the message). The node refuses a transaction
 * that fails them at admission; under rules 2 and later the runtime runs them first on every call.
 * @param contracts the installed contracts
 * @param tx the call
 * @param rules the rules version (the schema may differ by version)
 * @param snapshot whether to parse a deep copy of the arguments, as execution must (a body may hold
 *   on to what the schema passes through); admission, which only asks yes or no, skips the copy
 * @returns the refusal, or the method and the parsed arguments
 */
export function checkArguments(contracts: ReadonlyMap<string, Contract>, tx: Pick<Tx, 'contract' | 'method' | 'args'>, rules: number, snapshot = true): ArgumentCheck {
  const contract = contracts.get(tx.contract)
  if (!contract) return refuse('CONTRACT_UNKNOWN', `no contract named ${JSON.stringify(tx.contract)} is installed`, { contract: tx.contract })
  const method = contract.methods.get(tx.method)
  if (!method) return refuse('METHOD_UNKNOWN', `contract ${contract.name} has no method ${JSON.stringify(tx.method)}`, { contract: contract.name, method: tx.method })
  if (contract.screen) {
    let screened
    try {
      screened = contract.screen(tx.method, tx.args as JsonObject)
    } catch {
      return refuse('CONTRACT_ERROR', `the screen of contract ${contract.name} failed`)
    }
    if (screened) return refuse('ARGS_PERSONAL_DATA', screened.message, { reason: isFailureCode(screened.code) ? screened.code : 'CONTRACT_ERROR' })
  }
  const found = findPersonalData(tx.args, longNumbersOf(method))
  if (found) {
    return refuse('ARGS_PERSONAL_DATA', `${found.path} looks like ${WHAT[found.reason]}; the log is public and permanent: send a keyed hash or a vault reference`, { path: found.path, reason: found.reason })
  }
  const parsed = argsSchemaOf(method, rules).safeParse(snapshot ? snapshotJson(tx.args, 'args') : tx.args)
  if (!parsed.success) return refuse('ARGS_INVALID', describeIssue(parsed.error.issues), { path: describeIssuePath(parsed.error.issues) })
  return { ok: true, contract, method, args: parsed.data }
}
