import { z } from 'zod'
import { PageLimit, defineQuery, type QueryContext } from 'saksi'
import type { JsonValue } from 'saksi'
import type { Access, Appeal, Decision, Household, Instruction, Programme, Run, RulesVersion } from './records.js'
import { Did, HouseholdId, Period, ProgrammeId } from './schemas.js'
import { keys, list, read, readProgramme, type StatusCounts } from './state.js'
import { APPLICATION_READERS, HOUSEHOLD_READERS, PROGRAMME_OFFICIALS } from './read-policies.js'

const json = (v: unknown) => v as JsonValue


/** The ids (key suffixes) under `prefix` after `after`, at most `limit`: ids have one length, so "after" is the id and '!'. */
function pageOfIds(state: QueryContext['state'], prefix: string, after: string | undefined, limit: number): string[] {
  return state.range({ prefix, start: after === undefined ? prefix : `${prefix}${after}!`, limit }).map((r) => r.key.slice(prefix.length))
}

/** Counts below this are not published: nobody can be singled out in a small village. */
export const SMALL_COUNT = 5

/** `programme {programme}`: the programme and every rules version. */
export const programme = defineQuery({
  description: 'A programme with every version of its rules.',
  args: z.strictObject({ programme: ProgrammeId }),
  run(q, { programme: id }) {
    const p = readProgramme(q.state, id)
    return p && json({ ...p, versions: list<RulesVersion>(q.state, keys.versions(id)) })
  },
})

/** `programmes {}`: every programme, by id. */
export const programmes = defineQuery({
  description: 'Every welfare programme, by id.',
  args: z.strictObject({}),
  run: (q) => json(list<Programme>(q.state, 'prog/')),
})

/**
 * `household {programme, household}`: a household's own trail: its record (attributes, no personal
 * data), decisions with reasons, appeals and payment instructions.
 */
export const household = defineQuery({
  description: 'A household’s record (no personal data), its decisions with reasons, appeals and payments.',
  allow: HOUSEHOLD_READERS,
  args: z.strictObject({ programme: ProgrammeId, household: HouseholdId }),
  run(q, { programme: pid, household: hid }) {
    const h = read<Household>(q.state, keys.household(pid, hid))
    if (!h) return undefined
    return json({
      household: h,
      decisions: list<Decision>(q.state, keys.decisions(pid, hid)),
      appeals: list<Appeal>(q.state, keys.appeals(pid, hid)),
      payments: list<Instruction>(q.state, keys.householdInstructions(pid, hid)),
    })
  },
})

/** `accesses {programme, household}`: who read the household's personal data, when and why. */
export const accesses = defineQuery({
  description: 'Who read a household’s personal data, when and why.',
  allow: HOUSEHOLD_READERS,
  args: z.strictObject({ programme: ProgrammeId, household: HouseholdId }),
  run(q, { programme: pid, household: hid }) {
    if (!read(q.state, keys.household(pid, hid))) return undefined
    return json(list<Access>(q.state, keys.accesses(pid, hid)))
  },
})

/** `instruction {programme, instruction}`: one payment instruction. */
export const instruction = defineQuery({
  description: 'One payment instruction.',
  allow: HOUSEHOLD_READERS,
  args: z.strictObject({ programme: ProgrammeId, instruction: z.string().regex(/^hh-[0-9a-f]{20}\/\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/, 'must be <household>/<period>') }),
  run: (q, { programme: pid, instruction: id }) => json(read<Instruction>(q.state, keys.instruction(pid, id))),
})

/** `run {programme, period}`: progress of the period's disbursement run. */
export const run = defineQuery({
  description: 'Progress of a period’s disbursement run: instructions, total, whether complete.',
  args: z.strictObject({ programme: ProgrammeId, period: Period }),
  run: (q, { programme: pid, period }) => json(read<Run>(q.state, keys.run(pid, period))),
})

type Cell = number | null
const FIELDS = ['instructedHouseholds', 'instructedAmount', 'paidHouseholds', 'paidAmount'] as const
type Figures = Record<(typeof FIELDS)[number], number>

/**
 * `stats {programme, period}`: public figures per region: households instructed and paid, and the
 * amounts. A region with fewer than 5 households has its figures withheld (`null`), and when only
 * one region is withheld the next smallest is withheld too, so that totals cannot give it away.
 */
export const stats = defineQuery({
  description: 'Public figures per region for a period (households and amounts instructed and paid), small counts withheld.',
  args: z.strictObject({ programme: ProgrammeId, period: Period }),
  run(q, { programme: pid, period }) {
    if (!readProgramme(q.state, pid)) return undefined
    const prefix = keys.periodFigures(pid, period)
    const rows = q.state.range({ prefix }).map((e) => ({ region: e.key.slice(prefix.length), f: e.value as unknown as Figures }))
    const withheld = new Set<string>()
    for (const count of ['instructedHouseholds', 'paidHouseholds'] as const) {
      const small = rows.filter((r) => r.f[count] > 0 && r.f[count] < SMALL_COUNT)
      for (const r of small) withheld.add(r.region)
      if (small.length === 1) {
        const next = rows.filter((r) => !withheld.has(r.region) && r.f[count] > 0).sort((a, b) => a.f[count] - b.f[count] || (a.region < b.region ? -1 : 1))[0]
        if (next) withheld.add(next.region)
      }
    }
    // With one region withheld and no other to withhold beside it, the totals would give it away.
    const hideTotals = withheld.size === 1
    const totals = Object.fromEntries(FIELDS.map((k) => [k, hideTotals ? null : rows.reduce((a, r) => a + r.f[k], 0)]))
    const regions = rows.map((r) => {
      const hide = withheld.has(r.region)
      const cells = Object.fromEntries(FIELDS.map((k) => [k, hide ? null : r.f[k]])) as Record<string, Cell>
      return { region: r.region, ...cells, withheld: hide }
    })
    return json({ programme: pid, period, smallCount: SMALL_COUNT, regions, totals })
  },
})

/**
 * `decisions {programme}`: public counts of households per region by status
 * (registered and waiting, eligible, refused), with counts under 5 withheld as in `stats`.
 */
export const decisions = defineQuery({
  description: 'Public counts of households per region by status (registered, eligible, ineligible), small counts withheld.',
  args: z.strictObject({ programme: ProgrammeId }),
  run(q, { programme: pid }) {
    if (!readProgramme(q.state, pid)) return undefined
    const prefix = keys.statusCountsAll(pid)
    const rows = q.state.range({ prefix }).map((e) => ({ region: e.key.slice(prefix.length), c: e.value as unknown as StatusCounts }))
    const small = (n: number) => n > 0 && n < SMALL_COUNT
    const regions = rows.map((r) => {
      const cells = Object.fromEntries((['registered', 'eligible', 'ineligible'] as const).map((k) => [k, small(r.c[k]) ? null : r.c[k]]))
      return { region: r.region, ...cells }
    })
    // Totals are given only when no region holds a withheld cell, or at least two do.
    const withheldRegions = regions.filter((r) => Object.values(r).some((v) => v === null)).length
    const totals = withheldRegions === 1 ? null : Object.fromEntries((['registered', 'eligible', 'ineligible'] as const).map((k) => [k, rows.reduce((a, r) => a + r.c[k], 0)]))
    return json({ programme: pid, smallCount: SMALL_COUNT, regions, totals })
  },
})

/**
 * `households {programme, status, after?, limit?}`: a page of household ids in a status
 * (`registered`: waiting for verification; `eligible`; `ineligible`), in id order, for officials'
 * work lists. Ids only: the trail of each is `household`.
 */
export const households = defineQuery({
  description: 'A page of household ids in a status (registered, eligible, ineligible), for work lists: at most `limit` (default 100, at most 1000) after the id `after`.',
  allow: PROGRAMME_OFFICIALS,
  args: z.strictObject({
    programme: ProgrammeId,
    status: z.enum(['registered', 'eligible', 'ineligible']),
    after: HouseholdId.optional(),
    limit: PageLimit,
  }),
  run(q, { programme: pid, status, after, limit }) {
    if (!readProgramme(q.state, pid)) return undefined
    const prefix = keys.byStatus(pid, status, '')
    return json(pageOfIds(q.state, prefix, after, limit))
  },
})

/** `applications {did}`: the households a citizen applied for with their own key, in every programme. */
export const applications = defineQuery({
  description: 'The households a citizen applied for with their own key: programme and household ids.',
  allow: APPLICATION_READERS,
  args: z.strictObject({ did: Did }),
  run(q, { did }) {
    const prefix = keys.applicantAll(did)
    return json(q.state.range({ prefix }).map((r) => ({ programme: r.value as string, household: r.key.slice(r.key.lastIndexOf('/') + 1) })))
  },
})

/** `payments {programme, status, after?, limit?}`: a page of instruction ids by status (e.g. `failed`, to retry). */
export const payments = defineQuery({
  description: 'A page of payment instruction ids by status (instructed, paid, failed): the treasurer’s work list; `limit` (default 100, at most 1000) after the id `after`.',
  allow: PROGRAMME_OFFICIALS,
  args: z.strictObject({
    programme: ProgrammeId,
    status: z.enum(['instructed', 'paid', 'failed']),
    after: z.string().max(40).optional(),
    limit: PageLimit,
  }),
  run(q, { programme: pid, status, after, limit }) {
    if (!readProgramme(q.state, pid)) return undefined
    const prefix = keys.paymentsByStatusAll(pid, status)
    return json(pageOfIds(q.state, prefix, after, limit))
  },
})

/** `openAppeals {programme}`: households with an open appeal and the decision appealed, for appeal officers. */
export const openAppeals = defineQuery({
  description: 'Households with an open appeal and the decision appealed: the appeal officers’ work list.',
  allow: PROGRAMME_OFFICIALS,
  args: z.strictObject({ programme: ProgrammeId }),
  run(q, { programme: pid }) {
    if (!readProgramme(q.state, pid)) return undefined
    const prefix = keys.openAppeals(pid)
    return json(q.state.range({ prefix }).map((r) => ({ household: r.key.slice(prefix.length), decision: r.value as number })))
  },
})
