/**
 * Actions of the welfare API (`/v1/welfare`): personal data into the vault, recorded NIK checks
 * (keyed hashes), recorded reads of a household's personal data, and the contract's public
 * answers. Changes to the ledger are transactions (`sendTransaction` from `saksi/client`).
 */
export { depositPersonalData, type DepositedPerson, type DepositedRecord, type DepositPersonalDataErrorType, type DepositPersonalDataParameters, type DepositPersonalDataReturnType } from './deposit-personal-data.js'
export { checkNiks, type CheckNiksErrorType, type CheckNiksParameters, type CheckNiksReturnType } from './check-niks.js'
export { readPersonalData, type OpenedRecord, type ReadPersonalDataErrorType, type ReadPersonalDataParameters, type ReadPersonalDataReturnType } from './read-personal-data.js'
export type { HouseholdParameters, PeriodParameters, ProgrammeParameters, WelfareAnswer, WelfareAnswerErrorType } from './welfare-answer.js'
export { getProgrammes, type GetProgrammesErrorType, type GetProgrammesReturnType } from './get-programmes.js'
export { getProgramme, type GetProgrammeErrorType, type GetProgrammeParameters, type GetProgrammeReturnType } from './get-programme.js'
export { getProgrammeStats, type GetProgrammeStatsErrorType, type GetProgrammeStatsParameters, type GetProgrammeStatsReturnType } from './get-programme-stats.js'
export { getProgrammeDecisions, type GetProgrammeDecisionsErrorType, type GetProgrammeDecisionsParameters, type GetProgrammeDecisionsReturnType } from './get-programme-decisions.js'
export { getDisbursementRun, type GetDisbursementRunErrorType, type GetDisbursementRunParameters, type GetDisbursementRunReturnType } from './get-disbursement-run.js'
export { getHousehold, type GetHouseholdErrorType, type GetHouseholdParameters, type GetHouseholdReturnType } from './get-household.js'
export { getHouseholdAccesses, type GetHouseholdAccessesErrorType, type GetHouseholdAccessesParameters, type GetHouseholdAccessesReturnType } from './get-household-accesses.js'
