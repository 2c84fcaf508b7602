import { z } from 'zod'
import { defineMethod } from 'saksi'
import { comparePeriods, isPeriod, periodAt, type PeriodKind } from './periods.js'
import type { Programme, RulesVersion } from './records.js'
import { ROLES, inProgrammeOrg, programmeOrg } from './roles.js'
import { validateRule } from './rules/validate-rule.js'
import { ProgrammeId, Region, RulesInput, text } from './schemas.js'
import { keys, list, readProgramme, write } from './state.js'
import { WELFARE_CODES, type WelfareContext } from './codes.js'

type Rules = z.infer<typeof RulesInput>

// Rupiah amounts and the thresholds of JSON Logic rules: long numbers that are no one's phone.
const RULES_LONG_NUMBERS = ['components.*.amount', 'components.*.when', 'criteria.*.rule', 'householdCap', 'budgetPerPeriod']

/**
 * Checks submitted rules and turns them into the next version: rules must parse (the path of the
 * first problems is in the message), ids must not repeat, and a version takes effect in the current
 * period or later, after the previous version: decisions already made keep their version.
 */
function nextVersion(ctx: WelfareContext, programme: Pick<Programme, 'periodKind'>, rules: Rules, previous: RulesVersion | undefined): RulesVersion {
  const problems = [
    ...rules.criteria.flatMap((c, i) => validateRule(c.rule, `rules.criteria[${i}].rule`, 'household')),
    ...rules.components.flatMap((c, i) => validateRule(c.when, `rules.components[${i}].when`, c.per === 'member' ? 'member' : 'household')),
  ]
  if (problems.length > 0) {
    ctx.fail('WELFARE_RULE_INVALID', problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; '))
  }
  const repeated = (ids: string[]) => ids.find((id, i) => ids.indexOf(id) !== i)
  const dup = repeated(rules.criteria.map((c) => c.id)) ?? repeated(rules.components.map((c) => c.id))
  if (dup !== undefined) ctx.fail('WELFARE_RULES_INVALID', `the id ${dup} is used twice`)
  const kind: PeriodKind = programme.periodKind
  if (!isPeriod(kind, rules.effectiveFrom)) ctx.fail('WELFARE_RULES_INVALID', `rules.effectiveFrom must be a ${kind} like ${kind === 'quarter' ? '2026-Q3' : '2026-07'}`)
  const now = periodAt(kind, ctx.time.iso)
  if (comparePeriods(rules.effectiveFrom, now) < 0) ctx.fail('WELFARE_RULES_INVALID', `rules cannot take effect in the past (${rules.effectiveFrom} is before ${now})`)
  // A revision starts in a later period: one that has begun may have a disbursement run under way,
  // and its households would be paid under two versions.
  if (previous && comparePeriods(rules.effectiveFrom, now) <= 0) ctx.fail('WELFARE_RULES_INVALID', `a revision takes effect from a later period than ${now}`)
  if (previous && comparePeriods(rules.effectiveFrom, previous.effectiveFrom) <= 0) {
    ctx.fail('WELFARE_RULES_INVALID', `version ${previous.version + 1} must take effect after version ${previous.version} (${previous.effectiveFrom})`)
  }
  return { version: (previous?.version ?? 0) + 1, ...rules, adoptedAt: ctx.time.iso, adoptedBy: ctx.caller }
}

/** `welfare.createProgramme`: an agency's programme admin defines a programme and its first rules. */
export const createProgramme = defineMethod(WELFARE_CODES, {
  description: 'Creates a welfare programme with its eligibility criteria and benefit formula (JSON Logic), periods, regions and budget.',
  args: z.strictObject({
    programme: ProgrammeId,
    name: text(200),
    periodKind: z.enum(['quarter', 'month']),
    regions: z.array(Region).min(1).max(500),
    exclusiveWith: z.array(ProgrammeId).max(32).default([]),
    rules: RulesInput,
  }),
  longNumbers: RULES_LONG_NUMBERS.map((f) => `rules.${f}`),
  allow: inProgrammeOrg(ROLES.admin),
  run(ctx, args) {
    if (readProgramme(ctx.state, args.programme)) ctx.fail('WELFARE_PROGRAMME_EXISTS', `${args.programme} exists; revise its rules instead`)
    if (args.exclusiveWith.includes(args.programme)) ctx.fail('WELFARE_RULES_INVALID', 'a programme cannot exclude itself')
    const version = nextVersion(ctx, args, args.rules, undefined)
    const programme: Programme = {
      id: args.programme,
      org: programmeOrg(args.programme),
      name: args.name,
      periodKind: args.periodKind,
      regions: [...new Set(args.regions)].sort(),
      exclusiveWith: [...new Set(args.exclusiveWith)].sort(),
      version: 1,
      createdAt: ctx.time.iso,
      createdBy: ctx.caller,
    }
    write(ctx.state, keys.programme(programme.id), programme)
    write(ctx.state, keys.version(programme.id, 1), version)
    for (const other of programme.exclusiveWith) write(ctx.state, keys.excludedBy(other, programme.id), 1)
    ctx.emit('welfare.ProgrammeCreated', { programme: programme.id, org: programme.org, effectiveFrom: version.effectiveFrom })
  },
})

/** `welfare.reviseRules`: a new rules version, effective from a stated period. */
export const reviseRules = defineMethod(WELFARE_CODES, {
  description: 'Adopts a new version of a programme’s rules, effective from a stated period; past decisions keep their version.',
  args: z.strictObject({ programme: ProgrammeId, rules: RulesInput }),
  longNumbers: RULES_LONG_NUMBERS.map((f) => `rules.${f}`),
  allow: inProgrammeOrg(ROLES.admin),
  run(ctx, { programme: id, rules }) {
    const programme = readProgramme(ctx.state, id) ?? ctx.fail('WELFARE_PROGRAMME_NOT_FOUND', `no programme ${id}`)
    const previous = list<RulesVersion>(ctx.state, keys.versions(id)).at(-1)
    const version = nextVersion(ctx, programme, rules, previous)
    write(ctx.state, keys.version(id, version.version), version)
    write(ctx.state, keys.programme(id), { ...programme, version: version.version })
    ctx.emit('welfare.RulesRevised', { programme: id, version: version.version, effectiveFrom: version.effectiveFrom })
  },
})
