/** The contract runtime: contract definitions, access policies, execution of calls, queries and blocks. */
export { RUNTIME_ERROR_CODES, RUNTIME_SETUP_ERROR_CODES, type RuntimeErrorCode } from './runtime-error-codes.js'
export { ContractFailure, MAX_FAILURE_MESSAGE_LENGTH, isFailureCode } from './contract-failure.js'
export { DEFAULT_EXECUTION_LIMITS, ExecutionLimitsSchema, executionLimitsOf, type ExecutionLimits, type ExecutionResource } from './execution-limits.js'
export type { BlockTime, BodyAccessCode, ExecutionBudget, CallContext, ContractView, GenesisContext, QueryContext, StateAccess, StateReader } from './context.js'
export { EMPTY_DIRECTORY, type CitizenStatus, type Directory, type DirectoryFactory, type RoleHolding } from './directory.js'
export { definePolicy, type Policy, type PolicyContext, type PolicyRequirement, type Refusal } from './policy.js'
export { explanationMessage, type RefusalExplanation, type RoleNeed } from './explain-refusal.js'
export { allOf, anyOf, anyone, nobody, orgAdmin, orgAdminOf, role, self, selfAsCitizen, verifiedCitizen } from './policies.js'
export {
  CONTRACT_NAME_PATTERN,
  defineContract,
  defineMethod,
  defineQuery,
  type Contract,
  type ContractDefinition,
  type MethodDefinition,
  type QueryDefinition,
} from './define-contract.js'
export { describeIssue } from './describe-issue.js'
export { entryWritesField, hashWriteSet, hashWrites, normalizeWrites } from './write-set.js'
export { findNikInClear } from './nik.js'
export { findPersonalData, hasNikRegion, screenText, type PersonalDataFinding, type PersonalDataReason } from './personal-data.js'
export { compileFieldPaths, FIELD_PATH_PATTERN, type FieldPathNode } from './field-paths.js'
export { argsSchemaOf, checkArguments, type ArgumentCheck, type ArgumentRefusal } from './check-arguments.js'
export { describeMethods, type MethodDescription } from './describe-methods.js'
export { CURRENT_RULES, RULES_ADMISSION, RULES_ORIGINAL, rulesVersion } from './rules.js'
export { TransactionRefused } from './transaction-refused.js'
export type { CallInput, CallOutcome } from './call-outcome.js'
export type { PolicyRequest } from './check-policy.js'
export { createRuntime, type ContractDescription, type Runtime, type RuntimeOptions } from './create-runtime.js'
export { receiptOf, type PendingReceipt, type Receipt, type SimulatedReceipt } from './receipt.js'
export { executeBlock, type BlockExecution, type ExecuteBlockInput } from './execute-block.js'
export { executeGenesis, type ExecuteGenesisInput, type GenesisExecution } from './execute-genesis.js'
