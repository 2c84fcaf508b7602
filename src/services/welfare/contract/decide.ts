import type { ExecutionBudget } from 'saksi'
import type { HouseholdFacts } from './rules/attributes.js'
import { ruleHolds } from './rules/evaluate-rule.js'
import { ruleSteps } from './rules/rule-steps.js'
import { ageAt, type PeriodKind } from './periods.js'
import type { BenefitLine, Household, RulesVersion, Words } from './records.js'

/** The outcome of applying a rules version to a household for a period. */
export interface Assessment {
  eligible: boolean
  failed: { criterion: string; reason: Words }[]
  benefit: number
  lines: BenefitLine[]
}

/** The household's attributes as rules see them for `period` (ages at the period's first day). */
export function factsOf(household: Household, kind: PeriodKind, period: string): HouseholdFacts {
  return {
    region: household.region,
    incomeDecile: household.incomeDecile,
    size: household.members.length,
    members: household.members.map((m) => ({
      relationship: m.relationship,
      age: ageAt(kind, period, m.birthMonth),
      schoolLevel: m.schoolLevel,
      disability: m.disability,
      pregnant: m.pregnant,
    })),
  }
}

/**
 * Applies a rules version: every criterion must hold; the benefit is the sum of the components'
 * units, largest first, at most `maxComponents` units, at most `householdCap` Rupiah.
 * The rules' JSON Logic steps are charged to the call's budget first (genesis `limits.execution`).
 * @param rules the version in force
 * @param facts the household's attributes for the period
 * @param budget the call's execution budget
 */
export function assess(rules: RulesVersion, facts: HouseholdFacts, budget: ExecutionBudget): Assessment {
  const m = facts.members.length
  let steps = 0
  for (const c of rules.criteria) steps += ruleSteps(c.rule, m)
  for (const c of rules.components) steps += c.per === 'household' ? ruleSteps(c.when, m) : m * ruleSteps(c.when, m)
  budget.logicSteps(steps)
  const failed = rules.criteria.filter((c) => !ruleHolds(c.rule, facts)).map((c) => ({ criterion: c.id, reason: c.reason }))
  if (failed.length > 0) return { eligible: false, failed, benefit: 0, lines: [] }
  // One unit per qualifying member (or one for the household); the largest units are paid first,
  // ties in the order the components are listed, so the outcome never depends on anything else.
  const units: { component: string; amount: number; order: number }[] = []
  rules.components.forEach((c, order) => {
    const n = c.per === 'household' ? (ruleHolds(c.when, facts) ? 1 : 0) : facts.members.filter((m) => ruleHolds(c.when, m)).length
    for (let i = 0; i < n; i++) units.push({ component: c.id, amount: c.amount, order })
  })
  units.sort((a, b) => b.amount - a.amount || a.order - b.order)
  const paid = units.slice(0, rules.maxComponents)
  const lines: BenefitLine[] = []
  for (const c of rules.components) {
    const mine = paid.filter((u) => u.component === c.id)
    if (mine.length > 0) lines.push({ component: c.id, units: mine.length, amount: mine.length * c.amount })
  }
  const sum = lines.reduce((a, l) => a + l.amount, 0)
  return { eligible: true, failed: [], benefit: Math.min(sum, rules.householdCap), lines }
}
