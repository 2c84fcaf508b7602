/** The welfare (bansos) contract. */
export { welfare } from './welfare.js'
export { WELFARE_CODES, type WelfareCode } from './codes.js'
export { ROLES as WELFARE_ROLES } from './roles.js'
export type { Programme, Household, HouseholdStatus, Decision, Appeal, Instruction, NikCheck, RulesVersion, Member, Words } from './records.js'
export { comparePeriods, isPeriod, periodAt, type PeriodKind } from './periods.js'
export { pkhRules } from './pkh-example.js'
export { HouseholdId, NIK_CHECK_PURPOSES, Period, ProgrammeId } from './schemas.js'
export { MAX_NIK_CHECK_REFS, NIK_HASHES_PER_DAY, utcDay } from './nik-checks.js'
