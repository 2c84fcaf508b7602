import { ROLES } from './roles.js'
import { defineContract, findNikInClear } from 'saksi'
import { recordAccess } from './access.js'
import { recordNikCheck, seedNikHashLimits } from './nik-checks.js'
import { nikChecks, nikChecksBy, nikHashUsage } from './nik-check-queries.js'
import { appeal, decideAppeal } from './appeals.js'
import { registerHousehold, verifyHousehold } from './households.js'
import { confirmPayment, disburse, failPayment, retryPayment } from './payments.js'
import { createProgramme, reviseRules } from './programmes.js'
import { accesses, applications, decisions, household, households, instruction, openAppeals, payments, programme, programmes, run, stats } from './queries.js'
import { WELFARE_CODES } from './codes.js'

/**
 * The social welfare (bansos) contract: programmes with eligibility criteria and a benefit formula
 * as data (JSON Logic), households registered with keyed NIK hashes and vault references, decisions
 * with reasons and appeals, disbursement runs whose payment instructions the node's outbox pays,
 * duplicate detection within and across exclusive programmes, recorded reads of personal data,
 * recorded NIK checks (one for every keyed NIK hash the node answers) and public figures with small
 * counts withheld.
 */
export const welfare = defineContract({
  name: 'welfare',
  version: 1,
  roles: Object.values(ROLES),
  codes: WELFARE_CODES,
  methods: { createProgramme, reviseRules, registerHousehold, verifyHousehold, appeal, decideAppeal, disburse, confirmPayment, failPayment, retryPayment, recordAccess, recordNikCheck },
  queries: { programme, programmes, decisions, household, households, applications, openAppeals, payments, accesses, nikChecks, nikChecksBy, nikHashUsage, instruction, run, stats },
  genesis: seedNikHashLimits,
  screen(method, args) {
    // A bank's reference or refusal is the bank's text, reported as it came; it may hold 16 digits.
    const screened = method === 'confirmPayment' || method === 'failPayment' ? { ...args, reference: null, reason: null } : args
    const at = findNikInClear(screened)
    if (at === undefined) return undefined
    return { code: 'WELFARE_NIK_IN_CLEAR', message: `${at} looks like a NIK in clear; the log takes only keyed hashes (members[].nikHash) and vault references` }
  },
})
