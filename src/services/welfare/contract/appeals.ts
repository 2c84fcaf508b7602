import { z } from 'zod'
import { anyone, defineMethod } from 'saksi'
import { recordDecision } from './decisions.js'
import type { Appeal, Decision, Household, RulesVersion } from './records.js'
import { ROLES, inProgrammeOrg, programmeOrg } from './roles.js'
import { HouseholdId, ProgrammeId, VaultLink, text } from './schemas.js'
import { keys, read, readProgramme, write } from './state.js'
import { WELFARE_CODES } from './codes.js'

const Target = { programme: ProgrammeId, household: HouseholdId, decision: z.number().int().min(1).max(9999) }

/**
 * `welfare.appeal`: the applicant (with their own key) or a field officer on their behalf appeals
 * a refusal, once per decision, against the household's latest decision only. The appellant's own
 * account (their circumstances, their documents) goes to the vault and is linked by `evidence`; the
 * log holds at most a short public `statement` ("income fell since the survey"). Under rules 1 the
 * statement was required and could run to 2,000 characters on the public log.
 */
export const appeal = defineMethod(WELFARE_CODES, {
  description: 'Appeals a refusal (once per decision): by the applicant, or a field officer on their behalf; the account in the vault, a short public statement.',
  args: z.strictObject({ ...Target, statement: text(300).optional(), evidence: VaultLink.optional() }),
  argsUnderRules: { 1: z.strictObject({ ...Target, statement: text(2000) }) },
  // Who may appeal depends on the household (its applicant), so the body decides; see the check.
  allow: anyone,
  run(ctx, { programme: pid, household: hid, decision: n, statement, evidence }: { programme: string; household: string; decision: number; statement?: string; evidence?: { ref: string; commitment: string } }) {
    const household = read<Household>(ctx.state, keys.household(pid, hid)) ?? ctx.fail('WELFARE_HOUSEHOLD_NOT_FOUND', `no household ${hid} in ${pid}`)
    const mayAppeal = household.applicant === ctx.caller || ctx.directory.hasRole(ctx.caller, ROLES.enumerator, programmeOrg(pid))
    if (!mayAppeal) ctx.fail('ACCESS_DENIED', 'only the applicant or a field officer of the agency may appeal')
    const decision = read<Decision>(ctx.state, keys.decision(pid, hid, n)) ?? ctx.fail('WELFARE_DECISION_NOT_FOUND', `${hid} has no decision ${n}`)
    if (decision.eligible || n !== household.decisions) ctx.fail('WELFARE_APPEAL_NOT_ALLOWED', `decision ${n} is ${decision.eligible ? 'not a refusal' : 'not the latest'}`)
    if (read<Appeal>(ctx.state, keys.appeal(pid, hid, n))) ctx.fail('WELFARE_APPEAL_EXISTS', `decision ${n} was already appealed`)
    const record: Appeal = { decision: n, ...(statement === undefined ? {} : { statement }), ...(evidence ? { evidence } : {}), by: ctx.caller, at: ctx.time.iso, status: 'open' }
    write(ctx.state, keys.appeal(pid, hid, n), record)
    ctx.state.put(keys.openAppeal(pid, hid), n)
    ctx.emit('welfare.Appealed', { programme: pid, household: hid, decision: n })
  },
})

/**
 * `welfare.decideAppeal`: an appeal officer grants (a new, eligible decision under the same rules
 * version, marked as made on appeal) or rejects an open appeal, with a reason.
 */
export const decideAppeal = defineMethod(WELFARE_CODES, {
  description: 'Grants or rejects an open appeal, with a reason; a granted appeal makes a new eligible decision.',
  args: z.strictObject({ ...Target, outcome: z.enum(['granted', 'rejected']), reason: text(2000) }),
  allow: inProgrammeOrg(ROLES.appeals),
  run(ctx, { programme: pid, household: hid, decision: n, outcome, reason }) {
    const programme = readProgramme(ctx.state, pid) ?? ctx.fail('WELFARE_PROGRAMME_NOT_FOUND', `no programme ${pid}`)
    const household = read<Household>(ctx.state, keys.household(pid, hid)) ?? ctx.fail('WELFARE_HOUSEHOLD_NOT_FOUND', `no household ${hid} in ${pid}`)
    const found = read<Appeal>(ctx.state, keys.appeal(pid, hid, n))
    const open = found?.status === 'open' ? found : ctx.fail('WELFARE_APPEAL_NOT_FOUND', `no open appeal against decision ${n} of ${hid}`)
    if (open.by === ctx.caller) ctx.fail('ACCESS_DENIED', 'an official may not decide an appeal they lodged')
    write(ctx.state, keys.appeal(pid, hid, n), { ...open, status: outcome, resolution: { by: ctx.caller, at: ctx.time.iso, reason } })
    ctx.state.delete(keys.openAppeal(pid, hid))
    ctx.emit('welfare.AppealDecided', { programme: pid, household: hid, decision: n, outcome })
    if (outcome === 'granted') {
      const appealed = read<Decision>(ctx.state, keys.decision(pid, hid, n))!
      const rules = read<RulesVersion>(ctx.state, keys.version(pid, appealed.rulesVersion))!
      recordDecision(ctx, programme, household, appealed.period, rules, n)
    }
  },
})
