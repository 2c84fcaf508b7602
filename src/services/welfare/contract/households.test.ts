import { describe, expect, it } from 'vitest'
import { DEFAULT_EXECUTION_LIMITS } from '../../../../packages/saksi/src/core/runtime/execution-limits.js'
import { pkhRules } from './pkh-example.js'
import { head, householdArgs, member, nikHash, people, vault, welfareLedger, type WelfareLedger } from './testing/welfare-fixture.js'

interface Trail {
  household: { status: string; members: unknown[] }
  decisions: { n: number; eligible: boolean; rulesVersion: number; benefit: number; lines: { component: string; units: number; amount: number }[]; failed: { criterion: string; reason: { id: string; en: string } }[]; basis: string }[]
  appeals: { status: string }[]
}
const trail = (l: WelfareLedger, household: string) => l.q('household', { programme: 'dinsos.pkh', household }) as Trail

describe('welfare households', () => {
  describe('when a verified household meets the criteria', () => {
    it('is decided eligible with its benefit by component, under rules version 1', () => {
      const l = welfareLedger()
      const id = l.enrol('dinsos.pkh', [head(), member({ relationship: 'spouse', birthMonth: '1990-01', schoolLevel: 'none', pregnant: true }), member({ schoolLevel: 'sd' }), member({ birthMonth: '2023-05', schoolLevel: 'paud' })])
      const t = trail(l, id)
      expect(t.household.status).toBe('eligible')
      expect(t.decisions).toEqual([
        expect.objectContaining({
          n: 1,
          eligible: true,
          rulesVersion: 1,
          basis: 'rules',
          period: '2026-Q4',
          benefit: 750_000 + 750_000 + 225_000,
          lines: [
            { component: 'ibu-hamil', units: 1, amount: 750_000 },
            { component: 'anak-usia-dini', units: 1, amount: 750_000 },
            { component: 'sd', units: 1, amount: 225_000 },
          ],
        }),
      ])
    })

    it('pays at most four components, the largest first, and at most the household cap', () => {
      const l = welfareLedger()
      const kids = [member({ schoolLevel: 'sma' }), member({ schoolLevel: 'sma' }), member({ schoolLevel: 'smp' }), member({ schoolLevel: 'sd' }), member({ schoolLevel: 'sd' })]
      const id = l.enrol('dinsos.pkh', [head({ disability: 'severe' }), ...kids])
      const d = trail(l, id).decisions[0]!
      // Units: disability 600k, SMA 500k ×2, SMP 375k, SD 225k ×2 → the four largest.
      expect(d.lines).toEqual([
        { component: 'smp', units: 1, amount: 375_000 },
        { component: 'sma', units: 2, amount: 1_000_000 },
        { component: 'disabilitas-berat', units: 1, amount: 600_000 },
      ])
      expect(d.benefit).toBe(1_975_000)
    })
  })

  describe('when the rules take more JSON Logic steps than the network allows a call', () => {
    it('fails the decision with EXECUTION_LIMIT and keeps nothing of it', () => {
      const members = [head(), member({ schoolLevel: 'sd' })]
      const within = welfareLedger({ limits: { execution: { ...DEFAULT_EXECUTION_LIMITS } } })
      expect(trail(within, within.enrol('dinsos.pkh', members)).household.status).toBe('eligible')
      const tight = welfareLedger({ limits: { execution: { ...DEFAULT_EXECUTION_LIMITS, logicSteps: 20 } } })
      const r = tight.w(people.enumerator, 'registerHousehold', householdArgs('dinsos.pkh', [head(), member({ schoolLevel: 'sd' })]))
      expect(r.status).toBe('ok')
      const id = (r.events[0]!.data as { household: string }).household
      const v = tight.w(people.verifier, 'verifyHousehold', { programme: 'dinsos.pkh', household: id, evidence: { method: 'dukcapil' } })
      expect(v).toMatchObject({ status: 'failed', code: 'EXECUTION_LIMIT', message: expect.stringContaining('logicSteps') })
      expect(trail(tight, id).decisions).toEqual([])
    })
  })

  describe('when a household does not meet the criteria', () => {
    it('is refused with every failed criterion and its reason in Bahasa Indonesia and English', () => {
      const l = welfareLedger()
      const id = l.enrol('dinsos.pkh', [head(), member({ relationship: 'spouse', birthMonth: '1986-01', schoolLevel: 'none' })], { incomeDecile: 7 })
      const d = trail(l, id).decisions[0]!
      expect(d).toMatchObject({ eligible: false, benefit: 0, lines: [] })
      expect(d.failed.map((f) => f.criterion)).toEqual(['desil', 'komponen'])
      expect(d.failed[0]!.reason.id).toMatch(/desil 1-4/)
      expect(d.failed[1]!.reason.en).toMatch(/No member meets a PKH component/)
    })
  })

  describe('when a registration is wrong or a duplicate', () => {
    it('refuses a second household with a member already registered, as a failed call', () => {
      const l = welfareLedger()
      const shared = member()
      l.enrol('dinsos.pkh', [head(), shared])
      const r = l.w(people.enumerator, 'registerHousehold', householdArgs('dinsos.pkh', [head(), { ...shared, relationship: 'grandchild', record: vault(9001) }]))
      expect(r).toMatchObject({ status: 'failed', code: 'WELFARE_DUPLICATE_BENEFICIARY', message: expect.stringContaining('members[1]') })
      // The same bytes in another base64 spelling are refused, not counted as another person.
      const hash = shared.nikHash as string
      const respelt = `${hash.slice(0, 42)}${String.fromCharCode(hash.charCodeAt(42) + 1)}=`
      expect(l.w(people.enumerator, 'registerHousehold', householdArgs('dinsos.pkh', [head(), { ...shared, nikHash: respelt, record: vault(9002) }]))).toMatchObject({ code: 'ARGS_INVALID' })
    })

    it("refuses a household that lists another household's vault references", () => {
      const l = welfareLedger()
      const victim = member()
      l.enrol('dinsos.pkh', [head(), victim])
      const r = l.w(people.enumerator, 'registerHousehold', householdArgs('dinsos.pkh', [head(), member({ record: victim.record })]))
      expect(r).toMatchObject({ status: 'failed', code: 'WELFARE_VAULT_REF_USED' })
    })

    it('refuses a beneficiary of a programme marked exclusive, but not of an unrelated one', () => {
      const l = welfareLedger()
      const person = member()
      l.enrol('dinsos.pkh', [head(), person])
      const other = { name: 'Bantuan Pangan', periodKind: 'month', regions: ['32.73'], rules: pkhRules('2026-11') }
      expect(l.w(people.programmeAdmin, 'createProgramme', { programme: 'dinsos.pangan', ...other, exclusiveWith: ['dinsos.pkh'] })).toMatchObject({ status: 'ok' })
      expect(l.w(people.programmeAdmin, 'createProgramme', { programme: 'dinsos.bebas', ...other })).toMatchObject({ status: 'ok' })
      expect(l.w(people.enumerator, 'registerHousehold', householdArgs('dinsos.pangan', [head(), { ...person, record: vault(9003) }]))).toMatchObject({ code: 'WELFARE_DUPLICATE_BENEFICIARY', message: expect.stringContaining('exclusive with dinsos.pangan') })
      expect(l.w(people.enumerator, 'registerHousehold', householdArgs('dinsos.bebas', [head(), { ...person, record: vault(9004) }]))).toMatchObject({ status: 'ok' })
      // From the other side: a beneficiary of dinsos.pangan may not join dinsos.pkh, which it excludes.
      const other2 = member()
      l.enrol('dinsos.pangan', [head(), other2])
      expect(l.w(people.enumerator, 'registerHousehold', householdArgs('dinsos.pkh', [head(), { ...other2, record: vault(9005) }]))).toMatchObject({ code: 'WELFARE_DUPLICATE_BENEFICIARY', message: expect.stringContaining('dinsos.pangan') })
    })

    it('refuses a household without exactly one head, a member twice, a region not served, consent without evidence', () => {
      const l = welfareLedger()
      const m = member()
      const reg = (args: object) => l.w(people.enumerator, 'registerHousehold', args as never)
      expect(reg(householdArgs('dinsos.pkh', [member(), member()]))).toMatchObject({ code: 'WELFARE_HOUSEHOLD_INVALID', message: expect.stringContaining('found 0') })
      expect(reg(householdArgs('dinsos.pkh', [head(), m, { ...m }]))).toMatchObject({ code: 'WELFARE_HOUSEHOLD_INVALID', message: expect.stringContaining('twice') })
      expect(reg(householdArgs('dinsos.pkh', [head()], { region: '32.74.01' }))).toMatchObject({ code: 'WELFARE_REGION_NOT_SERVED' })
      expect(reg(householdArgs('dinsos.pkh', [head()], { consent: { method: 'thumbprint' } }))).toMatchObject({ code: 'WELFARE_HOUSEHOLD_INVALID', message: expect.stringContaining('evidence') })
      expect(reg(householdArgs('dinsos.nothing', [head()]))).toMatchObject({ code: 'WELFARE_PROGRAMME_NOT_FOUND' })
      expect(reg(householdArgs('dinsos.pkh', [head({ schoolLevel: 'kuliah' })]))).toMatchObject({ code: 'ARGS_INVALID' })
    })

    it('refuses a NIK in clear before anything else', () => {
      const l = welfareLedger()
      const refusal = l.runtime.screen({ contract: 'welfare', method: 'registerHousehold', args: householdArgs('dinsos.pkh', [head({ note: '3273012345678901' })]) } as never)
      expect(refusal).toMatchObject({ code: 'WELFARE_NIK_IN_CLEAR' })
    })

    it('lets a citizen apply for themselves once their own identity is verified', () => {
      const l = welfareLedger()
      const citizen = people.gateway // any key; registered below as a citizen
      expect(l.call(citizen, 'register', { name: 'Siti Aminah' })).toMatchObject({ status: 'ok' })
      const args = householdArgs('dinsos.pkh', [head({ nikHash: nikHash(1) }), member()], { applicant: citizen.did, consent: { method: 'self-signed' } })
      // An unverified key could claim anybody's NIK hash from the log: refused.
      expect(l.w(citizen, 'registerHousehold', args)).toMatchObject({ status: 'failed', code: 'ACCESS_DENIED' })
      expect(l.w(people.enumerator, 'registerHousehold', { ...args, consent: { method: 'self-signed' } })).toMatchObject({ code: 'WELFARE_HOUSEHOLD_INVALID' })
      expect(l.call(people.identityVerifier, 'verifyCitizen', { did: citizen.did, evidence: { method: 'ktp-el-chip' } })).toMatchObject({ status: 'ok' })
      const r = l.w(citizen, 'registerHousehold', args)
      expect(r.status).toBe('ok')
      const hid = (r.events[0]!.data as { household: string }).household
      expect(l.w(citizen, 'registerHousehold', { ...args, applicant: people.enumerator.did })).toMatchObject({ code: 'ACCESS_DENIED' })
      const verify = () => l.w(people.verifier, 'verifyHousehold', { programme: 'dinsos.pkh', household: hid, evidence: { method: 'documents' } })
      expect(verify()).toMatchObject({ status: 'ok' })
      expect(verify()).toMatchObject({ code: 'WELFARE_ALREADY_VERIFIED' })
    })
  })

  describe('when a refusal is appealed', () => {
    it('allows one appeal per decision; a granted appeal makes a new eligible decision marked as on appeal', () => {
      const l = welfareLedger()
      const id = l.enrol('dinsos.pkh', [head(), member()], { incomeDecile: 5 })
      const target = { programme: 'dinsos.pkh', household: id, decision: 1 }
      expect(l.w(people.treasurer, 'appeal', { ...target, statement: 'Kami kehilangan pekerjaan.' })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(l.w(people.enumerator, 'appeal', { ...target, statement: 'Kepala keluarga kehilangan pekerjaan bulan lalu.' })).toMatchObject({ status: 'ok' })
      expect(l.w(people.enumerator, 'appeal', { ...target, statement: 'Sekali lagi.' })).toMatchObject({ code: 'WELFARE_APPEAL_EXISTS' })
      expect(l.q('openAppeals', { programme: 'dinsos.pkh' })).toEqual([{ household: id, decision: 1 }])
      expect(l.w(people.verifier, 'decideAppeal', { ...target, outcome: 'granted', reason: 'ok' })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(l.w(people.appeals, 'decideAppeal', { ...target, outcome: 'granted', reason: 'Survei lapangan: pendapatan turun ke desil 3.' })).toMatchObject({ status: 'ok' })
      expect(l.w(people.appeals, 'decideAppeal', { ...target, outcome: 'rejected', reason: 'again' })).toMatchObject({ code: 'WELFARE_APPEAL_NOT_FOUND' })
      expect(l.q('openAppeals', { programme: 'dinsos.pkh' })).toEqual([])
      const t = trail(l, id)
      expect(t.household.status).toBe('eligible')
      expect(t.appeals).toEqual([expect.objectContaining({ status: 'granted' })])
      expect(t.decisions[1]).toMatchObject({ n: 2, eligible: true, basis: 'appeal', appealOf: 1, benefit: 225_000 })
      expect(l.w(people.enumerator, 'appeal', { ...target, decision: 2, statement: 'x' })).toMatchObject({ code: 'WELFARE_APPEAL_NOT_ALLOWED' })
    })

    it('keeps the refusal when the appeal is rejected, and no second appeal of that decision', () => {
      const l = welfareLedger()
      const id = l.enrol('dinsos.pkh', [head()], { incomeDecile: 9 })
      const target = { programme: 'dinsos.pkh', household: id, decision: 1 }
      l.w(people.enumerator, 'appeal', { ...target, statement: 'Mohon ditinjau.' })
      expect(l.w(people.appeals, 'decideAppeal', { ...target, outcome: 'rejected', reason: 'Desil 9 menurut DTKS terbaru.' })).toMatchObject({ status: 'ok' })
      expect(trail(l, id).household.status).toBe('ineligible')
      expect(l.w(people.enumerator, 'appeal', { ...target, statement: 'Lagi.' })).toMatchObject({ code: 'WELFARE_APPEAL_EXISTS' })
    })
  })

  describe('when an appeal tells the family\'s story (rules 2)', () => {
    it('keeps the account in the vault by its link, and only a short public statement on the log', () => {
      const l = welfareLedger({ rules: 2 })
      const id = l.enrol('dinsos.pkh', [head(), member()], { incomeDecile: 5 })
      const target = { programme: 'dinsos.pkh', household: id, decision: 1 }
      const evidence = { ref: `pd_${'ab'.repeat(16)}`, commitment: 'cd'.repeat(32) }
      // A long account on the public log is refused: it belongs in the vault.
      expect(l.w(people.enumerator, 'appeal', { ...target, statement: 'Kepala keluarga kehilangan pekerjaan. '.repeat(10) })).toMatchObject({ code: 'ARGS_INVALID' })
      expect(l.w(people.enumerator, 'appeal', { ...target, evidence, statement: 'Pendapatan turun sejak survei.' })).toMatchObject({ status: 'ok' })
      expect(trail(l, id).appeals).toEqual([expect.objectContaining({ decision: 1, statement: 'Pendapatan turun sejak survei.', evidence, status: 'open' })])
    })

    it('takes an appeal with neither, or with the link alone', () => {
      const l = welfareLedger({ rules: 2 })
      const a = l.enrol('dinsos.pkh', [head()], { incomeDecile: 9 })
      const b = l.enrol('dinsos.pkh', [head()], { incomeDecile: 9 })
      expect(l.w(people.enumerator, 'appeal', { programme: 'dinsos.pkh', household: a, decision: 1 })).toMatchObject({ status: 'ok' })
      expect(l.w(people.enumerator, 'appeal', { programme: 'dinsos.pkh', household: b, decision: 1, evidence: { ref: `pd_${'01'.repeat(16)}`, commitment: 'ef'.repeat(32) } })).toMatchObject({ status: 'ok' })
      expect(trail(l, a).appeals[0]).not.toHaveProperty('statement')
    })
  })

  describe('when an appeal is filed under rules 1', () => {
    it('needs the statement, up to 2,000 characters, as before', () => {
      const l = welfareLedger()
      const id = l.enrol('dinsos.pkh', [head()], { incomeDecile: 9 })
      const target = { programme: 'dinsos.pkh', household: id, decision: 1 }
      expect(l.w(people.enumerator, 'appeal', target)).toMatchObject({ code: 'ARGS_INVALID' })
      expect(l.w(people.enumerator, 'appeal', { ...target, statement: 'Mohon ditinjau ulang. '.repeat(20) })).toMatchObject({ status: 'ok' })
    })
  })

  describe("officials' work lists and a citizen's own applications", () => {
    it('lists households by status, in pages, and moves them as they are decided', () => {
      const l = welfareLedger()
      const ok = [l.enrol('dinsos.pkh', [head(), member()]), l.enrol('dinsos.pkh', [head(), member()])].sort()
      const no = l.enrol('dinsos.pkh', [head()], { incomeDecile: 9 })
      const waiting = (l.w(people.enumerator, 'registerHousehold', householdArgs('dinsos.pkh', [head(), member()])).events[0]!.data as { household: string }).household
      expect(l.q('households', { programme: 'dinsos.pkh', status: 'eligible' })).toEqual(ok)
      expect(l.q('households', { programme: 'dinsos.pkh', status: 'eligible', limit: '1' })).toEqual([ok[0]])
      expect(l.q('households', { programme: 'dinsos.pkh', status: 'eligible', after: ok[0]! })).toEqual([ok[1]])
      expect(l.q('households', { programme: 'dinsos.pkh', status: 'ineligible' })).toEqual([no])
      expect(l.q('households', { programme: 'dinsos.pkh', status: 'registered' })).toEqual([waiting])
      l.w(people.enumerator, 'appeal', { programme: 'dinsos.pkh', household: no, decision: 1, statement: 'Mohon ditinjau.' })
      l.w(people.appeals, 'decideAppeal', { programme: 'dinsos.pkh', household: no, decision: 1, outcome: 'granted', reason: 'Survei lapangan.' })
      expect(l.q('households', { programme: 'dinsos.pkh', status: 'ineligible' })).toEqual([])
      expect(l.q('households', { programme: 'dinsos.pkh', status: 'eligible' })).toEqual([...ok, no].sort())
    })

    it("answers a citizen's own applications by their key", () => {
      const l = welfareLedger()
      const citizen = people.gateway
      l.call(citizen, 'register', { name: 'Siti Aminah' })
      l.call(people.identityVerifier, 'verifyCitizen', { did: citizen.did, evidence: { method: 'ktp-el-chip' } })
      const r = l.w(citizen, 'registerHousehold', householdArgs('dinsos.pkh', [head(), member()], { applicant: citizen.did, consent: { method: 'self-signed' } }))
      const hid = (r.events[0]!.data as { household: string }).household
      expect(l.q('applications', { did: citizen.did })).toEqual([{ programme: 'dinsos.pkh', household: hid }])
      expect(l.q('applications', { did: people.officer.did })).toEqual([])
    })
  })

  describe('when an official reads personal data', () => {
    it('records the read with its purpose, for the household to see; only officials of the agency may', () => {
      const l = welfareLedger()
      const id = l.enrol('dinsos.pkh', [head()])
      expect(l.w(people.officer, 'recordAccess', { programme: 'dinsos.pkh', household: id, purpose: 'payment-issue', note: 'Rekening ditolak bank' })).toMatchObject({ status: 'ok' })
      expect(l.w(people.treasurer, 'recordAccess', { programme: 'dinsos.pkh', household: id, purpose: 'audit', note: 'x' })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(l.q('accesses', { programme: 'dinsos.pkh', household: id })).toEqual([{ seq: 1, by: people.officer.did, at: expect.any(String), purpose: 'payment-issue', note: 'Rekening ditolak bank' }])
    })
  })
})
