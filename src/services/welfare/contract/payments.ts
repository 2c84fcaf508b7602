import { z } from 'zod'
import { defineMethod, role } from 'saksi'
import { assess, factsOf } from './decide.js'
import { recordDecision } from './decisions.js'
import { comparePeriods, isPeriod, periodAt } from './periods.js'
import type { Decision, Household, Instruction, Programme, RegionFigures, Run, RulesVersion } from './records.js'
import { ROLES, inProgrammeOrg } from './roles.js'
import { Period, ProgrammeId, text } from './schemas.js'
import { keys, list, read, readProgramme, rulesFor, write } from './state.js'
import { WELFARE_CODES, type WelfareContext } from './codes.js'

/** The most households one `disburse` call handles: a run of 100,000 takes 200 calls. */
export const MAX_DISBURSE_BATCH = 500

const InstructionId = z.string().regex(/^hh-[0-9a-f]{20}\/\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/, 'must be <household>/<period>')

function figures(ctx: WelfareContext, programme: string, period: string, region: string): RegionFigures & { instructedHouseholds: number; instructedAmount: number } {
  return read(ctx.state, keys.figures(programme, period, region)) ?? { instructedHouseholds: 0, instructedAmount: 0, paidHouseholds: 0, paidAmount: 0 }
}

function requestPayment(ctx: WelfareContext, i: Instruction, payee: string): void {
  // The node's outbox turns this event into a bank transfer after commit (DESIGN "Contracts").
  ctx.emit('welfare.PaymentRequested', {
    contract: 'welfare',
    programme: i.programme,
    instruction: i.id,
    amount: i.amount,
    currency: 'IDR',
    payee,
    idempotencyKey: i.idempotencyKey,
    attempt: i.attempt,
    // What the outbox sends back with the bank's answer (confirmPayment / failPayment).
    settle: { programme: i.programme, instruction: i.id },
  })
}

/**
 * `welfare.disburse`: the treasurer's disbursement run for one period, up to `limit` eligible
 * households per call in household-id order, resuming where the last call stopped. Each household
 * gets one payment instruction per period, computed under the rules in force in that period (a
 * household whose decision was under older rules is decided again first, so a refusal comes with
 * its reasons). A call that would take the period past its budget ceiling fails as a whole.
 */
export const disburse = defineMethod(WELFARE_CODES, {
  description: 'Creates payment instructions for the next eligible households of a period (at most 500 per call), within the budget ceiling.',
  args: z.strictObject({
    programme: ProgrammeId,
    period: Period,
    limit: z.number().int().min(1).max(MAX_DISBURSE_BATCH).default(MAX_DISBURSE_BATCH),
    // Go through the eligible households again from the start (after a complete run), to pay those
    // who became eligible since, e.g. on appeal; households already instructed are skipped.
    rescan: z.boolean().default(false),
  }),
  allow: inProgrammeOrg(ROLES.treasurer),
  run(ctx, { programme: pid, period, limit, rescan }) {
    const programme = readProgramme(ctx.state, pid) ?? ctx.fail('WELFARE_PROGRAMME_NOT_FOUND', `no programme ${pid}`)
    if (!isPeriod(programme.periodKind, period)) ctx.fail('WELFARE_PERIOD_INVALID', `${period} is not a ${programme.periodKind}`)
    if (comparePeriods(period, periodAt(programme.periodKind, ctx.time.iso)) > 0) ctx.fail('WELFARE_PERIOD_INVALID', `${period} has not begun`)
    const rules = rulesFor(ctx.state, pid, period) ?? ctx.fail('WELFARE_PERIOD_INVALID', `${pid} has no rules in force in ${period}`)
    // Values read from state are frozen: the run is updated on a copy.
    const run: Run = { ...(read<Run>(ctx.state, keys.run(pid, period)) ?? { period, rulesVersion: rules.version, instructed: 0, total: 0, done: false }) }
    if (run.done && !rescan) ctx.fail('WELFARE_RUN_DONE', `the run for ${period} is complete (${run.instructed} instructions); rescan: true goes through the households again`)
    if (rescan) {
      if (!run.done) ctx.fail('WELFARE_RUN_DONE', `the run for ${period} is not complete yet: continue it before a rescan`)
      delete run.cursor
      run.done = false
    }
    const prefix = keys.eligibleAll(pid)
    // Household ids have one length, so "just after the cursor" is the cursor followed by '!'.
    const next = ctx.state.range({ prefix, start: run.cursor === undefined ? prefix : `${keys.eligible(pid, run.cursor)}!`, limit: limit + 1 })
    const batch = next.slice(0, limit)
    for (const entry of batch) {
      const hid = entry.key.slice(prefix.length)
      run.cursor = hid
      const instructed = instruct(ctx, programme, hid, period, rules.version)
      if (!instructed) continue
      run.instructed++
      run.total += instructed.amount
      if (run.total > rules.budgetPerPeriod) {
        ctx.fail('WELFARE_BUDGET_EXCEEDED', `instructing ${hid} would bring ${period} to ${run.total} Rupiah, over the ceiling of ${rules.budgetPerPeriod}`)
      }
    }
    run.done = next.length <= limit
    write(ctx.state, keys.run(pid, period), run)
    ctx.emit('welfare.DisbursementProgress', { programme: pid, period, instructed: run.instructed, total: run.total, done: run.done })
  },
})

/** Creates one household's instruction for `period`, or nothing if it is not (or no longer) due. */
function instruct(ctx: WelfareContext, programme: Programme, hid: string, period: string, version: number): Instruction | undefined {
  const pid = programme.id
  const id = `${hid}/${period}`
  if (read(ctx.state, keys.instruction(pid, id))) return undefined
  let household = read<Household>(ctx.state, keys.household(pid, hid))!
  // The decision in force in `period`: the latest one made for that period or before it.
  let decision = list<Decision>(ctx.state, keys.decisions(pid, hid)).filter((d) => comparePeriods(d.period, period) <= 0).at(-1)
  if (!decision?.eligible) return undefined
  const rules = read<RulesVersion>(ctx.state, keys.version(pid, version))!
  if (decision.rulesVersion !== version && decision.n === household.decisions) {
    // Rules changed since the household's latest decision (made on the rules or on appeal): decide
    // again under the rules in force, so that a refusal has reasons and an appeal granted under old
    // rules does not exempt the household from new ones.
    decision = recordDecision(ctx, programme, household, period, rules)
    household = read<Household>(ctx.state, keys.household(pid, hid))!
    if (!decision.eligible) return undefined
  }
  // The amount follows the formula in force for this period (ages at its first day); an appeal
  // granted under these rules keeps the household eligible whatever the criteria.
  const facts = factsOf(household, programme.periodKind, period)
  const onAppeal = decision.basis === 'appeal' && decision.rulesVersion === version
  const a = assess(onAppeal ? { ...rules, criteria: [] } : rules, facts, ctx.budget)
  if (!a.eligible || a.benefit === 0) return undefined
  const instruction: Instruction = {
    id,
    programme: pid,
    household: hid,
    period,
    amount: a.benefit,
    rulesVersion: version,
    lines: a.lines,
    status: 'instructed',
    attempt: 1,
    idempotencyKey: `welfare/${pid}/${id}`,
    instructedAt: ctx.time.iso,
  }
  write(ctx.state, keys.instruction(pid, id), instruction)
  moveInstruction(ctx, pid, id, undefined, 'instructed')
  const f = figures(ctx, pid, period, household.region)
  write(ctx.state, keys.figures(pid, period, household.region), { ...f, instructedHouseholds: f.instructedHouseholds + 1, instructedAmount: f.instructedAmount + a.benefit })
  requestPayment(ctx, instruction, household.record.ref)
  return instruction
}

const Settle = { programme: ProgrammeId, instruction: InstructionId }

/** Keeps the treasurer's list of instructions by status in step. */
function moveInstruction(ctx: WelfareContext, pid: string, id: string, from: string | undefined, to: string): void {
  if (from !== undefined) ctx.state.delete(keys.paymentsByStatus(pid, from, id))
  ctx.state.put(keys.paymentsByStatus(pid, to, id), 1)
}

function pending(ctx: WelfareContext, pid: string, id: string): Instruction {
  const i = read<Instruction>(ctx.state, keys.instruction(pid, id)) ?? ctx.fail('WELFARE_INSTRUCTION_NOT_FOUND', `no instruction ${id} in ${pid}`)
  if (i.status !== 'instructed') ctx.fail('WELFARE_INSTRUCTION_SETTLED', `instruction ${id} is ${i.status}`)
  return i
}

/** `welfare.confirmPayment`: the payment service reports the bank's confirmation. */
export const confirmPayment = defineMethod(WELFARE_CODES, {
  description: 'Records that the bank paid an instruction (payment service key only).',
  args: z.strictObject({ ...Settle, reference: text(100) }),
  // The bank's reference, reported as it came: it may hold 16 digits.
  longNumbers: ['reference'],
  allow: role(ROLES.gateway),
  run(ctx, { programme: pid, instruction: id, reference }) {
    const i = pending(ctx, pid, id)
    write(ctx.state, keys.instruction(pid, id), { ...i, status: 'paid', settledAt: ctx.time.iso, reference })
    moveInstruction(ctx, pid, id, 'instructed', 'paid')
    const household = read<Household>(ctx.state, keys.household(pid, i.household))!
    const f = figures(ctx, pid, i.period, household.region)
    write(ctx.state, keys.figures(pid, i.period, household.region), { ...f, paidHouseholds: f.paidHouseholds + 1, paidAmount: f.paidAmount + i.amount })
    ctx.emit('welfare.Paid', { programme: pid, instruction: id, amount: i.amount, attempt: i.attempt })
  },
})

/** `welfare.failPayment`: the payment service reports that the bank refused or failed a transfer. */
export const failPayment = defineMethod(WELFARE_CODES, {
  description: 'Records that the bank did not pay an instruction, with its reason (payment service key only).',
  args: z.strictObject({ ...Settle, reason: text(300) }),
  // The bank's refusal, reported as it came: it may quote an account number.
  longNumbers: ['reason'],
  allow: role(ROLES.gateway),
  run(ctx, { programme: pid, instruction: id, reason }) {
    const i = pending(ctx, pid, id)
    write(ctx.state, keys.instruction(pid, id), { ...i, status: 'failed', failure: reason })
    moveInstruction(ctx, pid, id, 'instructed', 'failed')
    ctx.emit('welfare.PaymentFailed', { programme: pid, instruction: id, attempt: i.attempt, reason })
  },
})

/**
 * `welfare.retryPayment`: the treasurer sends a failed instruction again. The bank sees the same
 * idempotency key, so a transfer that did go through the first time is not made twice.
 */
export const retryPayment = defineMethod(WELFARE_CODES, {
  description: 'Sends a failed payment instruction again, with the same idempotency key.',
  args: z.strictObject(Settle),
  allow: inProgrammeOrg(ROLES.treasurer),
  run(ctx, { programme: pid, instruction: id }) {
    const i = read<Instruction>(ctx.state, keys.instruction(pid, id)) ?? ctx.fail('WELFARE_INSTRUCTION_NOT_FOUND', `no instruction ${id} in ${pid}`)
    if (i.status !== 'failed') ctx.fail('WELFARE_INSTRUCTION_SETTLED', `only a failed instruction may be retried; ${id} is ${i.status}`)
    const retried: Instruction = { ...i, status: 'instructed', attempt: i.attempt + 1 }
    delete retried.failure
    write(ctx.state, keys.instruction(pid, id), retried)
    moveInstruction(ctx, pid, id, 'failed', 'instructed')
    const household = read<Household>(ctx.state, keys.household(pid, i.household))!
    requestPayment(ctx, retried, household.record.ref)
  },
})
