/**
 * Browser-safe views of welfare, for the API, the CLI and the web app: the records as the queries
 * answer them, and the periods programmes pay by.
 */
export type { Appeal, Decision, Household, HouseholdStatus, Instruction, Member, Programme, RulesVersion, Words } from '../contract/index.js'
export { comparePeriods, isPeriod, periodAt, type PeriodKind } from '../contract/index.js'
