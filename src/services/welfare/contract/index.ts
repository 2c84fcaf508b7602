/** The welfare (bansos) contract. */
export { welfare } from './welfare.js'
export { WELFARE_CODES, type WelfareCode } from './codes.js'
export { ROLES as WELFARE_ROLES } from './roles.js'
export type { Programme, Household, Decision, Appeal, Instruction, RulesVersion, Member, Words } from './records.js'
export { periodAt } from './periods.js'
export { pkhRules } from './pkh-example.js'
export { head, householdArgs, member, people, welfareGenesis } from './testing/welfare-fixture.js'
export { HouseholdId, Period, ProgrammeId } from './schemas.js'
