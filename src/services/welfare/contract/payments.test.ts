import { describe, expect, it } from 'vitest'
import { pkhRules } from './pkh-example.js'
import { head, member, people, welfareLedger, type WelfareLedger } from './testing/welfare-fixture.js'

const P = 'dinsos.pkh'
interface Instruction { id: string; status: string; amount: number; attempt: number; idempotencyKey: string; rulesVersion: number }
const instruction = (l: WelfareLedger, id: string) => l.q('instruction', { programme: P, instruction: id }) as Instruction | undefined

/** Enrols `n` eligible households with one primary-school child each (225,000 a quarter). */
function enrolMany(l: WelfareLedger, n: number, region = '32.73.01.1001'): string[] {
  return Array.from({ length: n }, () => l.enrol(P, [head(), member({ schoolLevel: 'sd' })], { region }))
}

describe('welfare disbursement', () => {
  describe('when the treasurer runs a period', () => {
    it('instructs every eligible household once, in batches that resume, and then says the run is done', () => {
      const l = welfareLedger()
      const ids = enrolMany(l, 3)
      const refused = l.enrol(P, [head()], { incomeDecile: 9 })
      const first = l.w(people.treasurer, 'disburse', { programme: P, period: '2026-Q4', limit: 2 })
      expect(first.status).toBe('ok')
      expect(first.events.filter((e) => e.type === 'welfare.PaymentRequested')).toHaveLength(2)
      expect(l.q('run', { programme: P, period: '2026-Q4' })).toMatchObject({ instructed: 2, total: 450_000, done: false })
      const second = l.w(people.treasurer, 'disburse', { programme: P, period: '2026-Q4', limit: 2 })
      expect(second.events.filter((e) => e.type === 'welfare.PaymentRequested').map((e) => e.data.instruction)).toHaveLength(1)
      expect(l.q('run', { programme: P, period: '2026-Q4' })).toMatchObject({ instructed: 3, total: 675_000, done: true })
      expect(l.w(people.treasurer, 'disburse', { programme: P, period: '2026-Q4' })).toMatchObject({ code: 'WELFARE_RUN_DONE' })
      for (const id of ids) expect(instruction(l, `${id}/2026-Q4`)).toMatchObject({ status: 'instructed', amount: 225_000, attempt: 1, idempotencyKey: `welfare/${P}/${id}/2026-Q4` })
      expect(instruction(l, `${refused}/2026-Q4`)).toBeUndefined()
      const request = first.events.find((e) => e.type === 'welfare.PaymentRequested')!.data
      expect(request).toMatchObject({ contract: 'welfare', amount: 225_000, currency: 'IDR', attempt: 1, payee: expect.stringMatching(/^pd_/) })
    })

    it('refuses a run that would exceed the budget ceiling, writing nothing', () => {
      const l = welfareLedger({ budget: 500_000 })
      enrolMany(l, 3)
      const r = l.w(people.treasurer, 'disburse', { programme: P, period: '2026-Q4' })
      expect(r).toMatchObject({ status: 'failed', code: 'WELFARE_BUDGET_EXCEEDED', message: expect.stringContaining('675000') })
      expect(l.q('run', { programme: P, period: '2026-Q4' })).toBeUndefined()
      // Two households fit: a run of two succeeds, the third call fails again.
      expect(l.w(people.treasurer, 'disburse', { programme: P, period: '2026-Q4', limit: 2 })).toMatchObject({ status: 'ok' })
      expect(l.w(people.treasurer, 'disburse', { programme: P, period: '2026-Q4', limit: 2 })).toMatchObject({ code: 'WELFARE_BUDGET_EXCEEDED' })
    })

    it('refuses a future period, a period of the wrong kind, another agency and a non-treasurer', () => {
      const l = welfareLedger()
      expect(l.w(people.treasurer, 'disburse', { programme: P, period: '2027-Q1' })).toMatchObject({ code: 'WELFARE_PERIOD_INVALID' })
      expect(l.w(people.treasurer, 'disburse', { programme: P, period: '2026-11' })).toMatchObject({ code: 'WELFARE_PERIOD_INVALID' })
      expect(l.w(people.treasurer, 'disburse', { programme: P, period: '2026-Q3' })).toMatchObject({ code: 'WELFARE_PERIOD_INVALID' })
      expect(l.w(people.otherAgency, 'disburse', { programme: P, period: '2026-Q4' })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(l.w(people.verifier, 'disburse', { programme: P, period: '2026-Q4' })).toMatchObject({ code: 'ACCESS_DENIED' })
    })
  })

  describe('when the bank answers', () => {
    it('settles once: confirmed is paid, a failed payment is retried with the same idempotency key', () => {
      const l = welfareLedger()
      const [a, b] = enrolMany(l, 2)
      l.w(people.treasurer, 'disburse', { programme: P, period: '2026-Q4' })
      const ia = `${a}/2026-Q4`
      const ib = `${b}/2026-Q4`
      expect(l.w(people.treasurer, 'confirmPayment', { programme: P, instruction: ia, reference: 'BANK-1' })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(l.w(people.gateway, 'confirmPayment', { programme: P, instruction: ia, reference: 'BANK-1' })).toMatchObject({ status: 'ok' })
      expect(l.w(people.gateway, 'confirmPayment', { programme: P, instruction: ia, reference: 'BANK-1' })).toMatchObject({ code: 'WELFARE_INSTRUCTION_SETTLED' })
      expect(l.w(people.gateway, 'confirmPayment', { programme: P, instruction: 'hh-00000000000000000000/2026-Q4', reference: 'X' })).toMatchObject({ code: 'WELFARE_INSTRUCTION_NOT_FOUND' })
      expect(l.w(people.gateway, 'failPayment', { programme: P, instruction: ib, reason: 'Rekening tidak aktif' })).toMatchObject({ status: 'ok' })
      expect(l.q('payments', { programme: P, status: 'failed' })).toEqual([ib])
      expect(l.w(people.treasurer, 'retryPayment', { programme: P, instruction: ia })).toMatchObject({ code: 'WELFARE_INSTRUCTION_SETTLED' })
      const retry = l.w(people.treasurer, 'retryPayment', { programme: P, instruction: ib })
      expect(retry.events[0]).toMatchObject({ type: 'welfare.PaymentRequested', data: { attempt: 2, idempotencyKey: `welfare/${P}/${ib}` } })
      expect(l.w(people.treasurer, 'retryPayment', { programme: P, instruction: ib })).toMatchObject({ code: 'WELFARE_INSTRUCTION_SETTLED' })
      expect(l.q('payments', { programme: P, status: 'failed' })).toEqual([])
      expect(l.q('payments', { programme: P, status: 'instructed' })).toEqual([ib])
      expect(l.w(people.gateway, 'confirmPayment', { programme: P, instruction: ib, reference: 'BANK-2' })).toMatchObject({ status: 'ok' })
      expect(l.q('payments', { programme: P, status: 'paid' })).toEqual([ia, ib].sort())
      expect(instruction(l, ia)).toMatchObject({ status: 'paid', reference: 'BANK-1', attempt: 1 })
      expect(instruction(l, ib)).toMatchObject({ status: 'paid', reference: 'BANK-2', attempt: 2 })
      expect(l.q('run', { programme: P, period: '2026-Q4' })).toMatchObject({ total: 450_000 })
    })
  })

  describe('when the rules change for a later period', () => {
    it('keeps past decisions on their version and pays the new period under the new rules, refusing with reasons whom they exclude', () => {
      const l = welfareLedger()
      const child = l.enrol(P, [head(), member({ schoolLevel: 'sd' })])
      const teen = l.enrol(P, [head(), member({ schoolLevel: 'smp', birthMonth: '2012-01' })])
      const v2 = pkhRules('2027-Q1')
      // Version 2: SD pays more; SMP is no longer a component.
      const components = v2.components as { id: string; amount: number }[]
      components.find((c) => c.id === 'sd')!.amount = 300_000
      v2.components = components.filter((c) => c.id !== 'smp')
      ;(v2.criteria as { rule: unknown }[])[1]!.rule = { some: [{ var: 'members' }, { or: [{ var: 'pregnant' }, { '<=': [{ var: 'age' }, 6] }, { in: [{ var: 'schoolLevel' }, ['sd', 'sma']] }] }] }
      expect(l.w(people.programmeAdmin, 'reviseRules', { programme: P, rules: v2 })).toMatchObject({ status: 'ok' })
      l.jumpTo('2027-01-05T09:00:00.000Z')
      expect(l.w(people.treasurer, 'disburse', { programme: P, period: '2027-Q1' })).toMatchObject({ status: 'ok' })
      expect(instruction(l, `${child}/2027-Q1`)).toMatchObject({ amount: 300_000, rulesVersion: 2 })
      expect(instruction(l, `${teen}/2027-Q1`)).toBeUndefined()
      const teenTrail = l.q('household', { programme: P, household: teen }) as { household: { status: string }; decisions: { rulesVersion: number; eligible: boolean; failed: { criterion: string }[] }[] }
      expect(teenTrail.decisions.map((d) => [d.rulesVersion, d.eligible])).toEqual([[1, true], [2, false]])
      expect(teenTrail.decisions[1]!.failed.map((f) => f.criterion)).toEqual(['komponen'])
      expect(teenTrail.household.status).toBe('ineligible')
      // The past period can still be paid, under version 1.
      expect(l.w(people.treasurer, 'disburse', { programme: P, period: '2026-Q4' })).toMatchObject({ status: 'ok' })
      expect(instruction(l, `${child}/2026-Q4`)).toMatchObject({ amount: 225_000, rulesVersion: 1 })
    })
  })

  describe('public figures', () => {
    it('publishes counts and totals per region, withholding small counts and the next smallest', () => {
      const l = welfareLedger()
      const big = enrolMany(l, 6, '32.73.01.1001')
      enrolMany(l, 5, '32.73.02.1002')
      enrolMany(l, 2, '32.73.03.1003')
      l.w(people.treasurer, 'disburse', { programme: P, period: '2026-Q4' })
      for (const id of big) l.w(people.gateway, 'confirmPayment', { programme: P, instruction: `${id}/2026-Q4`, reference: `B-${id}` })
      const s = l.q('stats', { programme: P, period: '2026-Q4' }) as { regions: { region: string; instructedHouseholds: number | null; paidHouseholds: number | null; withheld: boolean }[]; totals: Record<string, number> }
      expect(s.regions).toEqual([
        expect.objectContaining({ region: '32.73.01.1001', instructedHouseholds: 6, paidHouseholds: 6, withheld: false }),
        expect.objectContaining({ region: '32.73.02.1002', instructedHouseholds: null, paidHouseholds: null, withheld: true }),
        expect.objectContaining({ region: '32.73.03.1003', instructedHouseholds: null, withheld: true }),
      ])
      expect(s.totals).toEqual({ instructedHouseholds: 13, instructedAmount: 13 * 225_000, paidHouseholds: 6, paidAmount: 6 * 225_000 })
    })
  })
})

describe('welfare review fixes', () => {
  it('decides an appealed household again under new rules: an appeal does not exempt it from them', () => {
    const l = welfareLedger()
    const id = l.enrol(P, [head(), member({ schoolLevel: 'sd' })], { incomeDecile: 9 })
    l.w(people.enumerator, 'appeal', { programme: P, household: id, decision: 1, statement: 'Mohon ditinjau.' })
    l.w(people.appeals, 'decideAppeal', { programme: P, household: id, decision: 1, outcome: 'granted', reason: 'Survei lapangan.' })
    const v2 = pkhRules('2027-Q1')
    ;(v2.criteria as { id: string; rule: unknown }[]).push({ id: 'never', rule: { '==': [1, 2] }, reason: { id: 'Tidak pernah.', en: 'Never.' } } as never)
    expect(l.w(people.programmeAdmin, 'reviseRules', { programme: P, rules: v2 })).toMatchObject({ status: 'ok' })
    l.jumpTo('2027-01-05T09:00:00.000Z')
    l.w(people.treasurer, 'disburse', { programme: P, period: '2027-Q1' })
    expect(instruction(l, `${id}/2027-Q1`)).toBeUndefined()
    const t = l.q('household', { programme: P, household: id }) as { decisions: { rulesVersion: number; eligible: boolean; basis: string }[] }
    expect(t.decisions.at(-1)).toMatchObject({ rulesVersion: 2, eligible: false, basis: 'rules' })
  })

  it('refuses a revision that takes effect in the period under way', () => {
    const l = welfareLedger()
    expect(l.w(people.programmeAdmin, 'reviseRules', { programme: P, rules: pkhRules('2026-Q4') })).toMatchObject({ code: 'WELFARE_RULES_INVALID', message: expect.stringContaining('later period') })
  })

  it('withholds the totals when a single small region would be given away by them', () => {
    const l = welfareLedger()
    enrolMany(l, 2)
    l.w(people.treasurer, 'disburse', { programme: P, period: '2026-Q4' })
    expect(l.q('stats', { programme: P, period: '2026-Q4' })).toMatchObject({ regions: [expect.objectContaining({ withheld: true, instructedHouseholds: null })], totals: { instructedHouseholds: null, instructedAmount: null } })
  })
})

describe('welfare rescans', () => {
  it('pays a household that became eligible on appeal after the run was complete, and nobody twice', () => {
    const l = welfareLedger()
    const [paid] = enrolMany(l, 1)
    const late = l.enrol(P, [head(), member({ schoolLevel: 'sd' })], { incomeDecile: 8 })
    expect(l.w(people.treasurer, 'disburse', { programme: P, period: '2026-Q4' })).toMatchObject({ status: 'ok' })
    expect(l.w(people.treasurer, 'disburse', { programme: P, period: '2026-Q4', rescan: true })).toMatchObject({ status: 'ok' })
    l.w(people.enumerator, 'appeal', { programme: P, household: late, decision: 1, statement: 'Mohon ditinjau.' })
    l.w(people.appeals, 'decideAppeal', { programme: P, household: late, decision: 1, outcome: 'granted', reason: 'Survei lapangan.' })
    expect(l.w(people.treasurer, 'disburse', { programme: P, period: '2026-Q4' })).toMatchObject({ code: 'WELFARE_RUN_DONE' })
    const rescan = l.w(people.treasurer, 'disburse', { programme: P, period: '2026-Q4', rescan: true })
    expect(rescan.events.filter((e) => e.type === 'welfare.PaymentRequested').map((e) => e.data.instruction)).toEqual([`${late}/2026-Q4`])
    expect(instruction(l, `${paid}/2026-Q4`)).toMatchObject({ attempt: 1 })
    expect(l.q('run', { programme: P, period: '2026-Q4' })).toMatchObject({ instructed: 2, total: 450_000, done: true })
  })
})

describe('public counts of decisions', () => {
  it('counts households per region by status as they are decided and appealed, withholding small counts', () => {
    const l = welfareLedger()
    enrolMany(l, 6, '32.73.01.1001')
    const refused = [l.enrol(P, [head()], { incomeDecile: 9, region: '32.73.02.1002' }), l.enrol(P, [head()], { incomeDecile: 9, region: '32.73.02.1002' })]
    expect(l.q('decisions', { programme: P })).toEqual({
      programme: P,
      smallCount: 5,
      regions: [
        { region: '32.73.01.1001', registered: 0, eligible: 6, ineligible: 0 },
        { region: '32.73.02.1002', registered: 0, eligible: 0, ineligible: null },
      ],
      totals: null,
    })
    l.w(people.enumerator, 'appeal', { programme: P, household: refused[0]!, decision: 1, statement: 'Mohon ditinjau.' })
    l.w(people.appeals, 'decideAppeal', { programme: P, household: refused[0]!, decision: 1, outcome: 'granted', reason: 'Survei.' })
    const after = l.q('decisions', { programme: P }) as { regions: { region: string; eligible: number | null; ineligible: number | null }[] }
    expect(after.regions[1]).toEqual({ region: '32.73.02.1002', registered: 0, eligible: null, ineligible: null })
  })
})
