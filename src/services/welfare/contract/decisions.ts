import { assess, factsOf } from './decide.js'
import { comparePeriods, periodAt } from './periods.js'
import type { Decision, Household, Programme, RulesVersion } from './records.js'
import { keys, list, rulesFor, setStatus, write } from './state.js'
import type { WelfareContext } from './codes.js'

/**
 * The period a decision made now is about, and the rules in force then: the current period, or the
 * programme's first period if its rules are not in force yet.
 */
export function decisionPeriod(ctx: WelfareContext, programme: Programme): { period: string; rules: RulesVersion } {
  const now = periodAt(programme.periodKind, ctx.time.iso)
  const inForce = rulesFor(ctx.state, programme.id, now)
  if (inForce) return { period: now, rules: inForce }
  const first = list<RulesVersion>(ctx.state, keys.versions(programme.id), 1)[0]
  if (!first || comparePeriods(first.effectiveFrom, now) < 0) ctx.fail('WELFARE_PERIOD_INVALID', `${programme.id} has no rules for ${now}`)
  return { period: first.effectiveFrom, rules: first }
}

/**
 * Records a new decision on a household and keeps its status and the index of eligible households
 * in step with it.
 * @param eligibleOverride set when an appeal officer grants an appeal: eligible whatever the criteria
 * @returns the decision written
 */
export function recordDecision(
  ctx: WelfareContext,
  programme: Programme,
  household: Household,
  period: string,
  rules: RulesVersion,
  appealOf?: number,
): Decision {
  const a = assess(rules, factsOf(household, programme.periodKind, period), ctx.budget)
  const granted = appealOf !== undefined
  // A granted appeal overrides the criteria; the benefit is still the formula's, so that nobody is
  // paid outside the published rules. The failed criteria stay on record as what was overridden.
  const benefit = granted && !a.eligible ? assess({ ...rules, criteria: [] }, factsOf(household, programme.periodKind, period), ctx.budget) : a
  const decision: Decision = {
    n: household.decisions + 1,
    at: ctx.time.iso,
    period,
    rulesVersion: rules.version,
    eligible: a.eligible || granted,
    failed: a.failed,
    basis: granted ? 'appeal' : 'rules',
    benefit: benefit.benefit,
    lines: benefit.lines,
  }
  if (granted) decision.appealOf = appealOf
  const next: Household = { ...household, decisions: decision.n, status: decision.eligible ? 'eligible' : 'ineligible' }
  write(ctx.state, keys.decision(programme.id, household.id, decision.n), decision)
  write(ctx.state, keys.household(programme.id, household.id), next)
  setStatus(ctx.state, household, household.status, next.status)
  if (decision.eligible) write(ctx.state, keys.eligible(programme.id, household.id), 1)
  else ctx.state.delete(keys.eligible(programme.id, household.id))
  ctx.emit('welfare.Decided', {
    programme: programme.id,
    household: household.id,
    decision: decision.n,
    eligible: decision.eligible,
    basis: decision.basis,
    rulesVersion: rules.version,
    failed: a.failed.map((f) => f.criterion),
  })
  return decision
}
