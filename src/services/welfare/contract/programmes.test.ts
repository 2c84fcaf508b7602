import { describe, expect, it } from 'vitest'
import { pkhRules } from './pkh-example.js'
import { people, welfareLedger } from './testing/welfare-fixture.js'

const base = { name: 'Bantuan Lansia', periodKind: 'quarter', regions: ['32.73'] }

describe('welfare programmes', () => {
  describe('when an agency creates a programme', () => {
    it('stores it with its first rules version, effective from the stated period', () => {
      const l = welfareLedger()
      const p = l.q('programme', { programme: 'dinsos.pkh' }) as { org: string; version: number; versions: { version: number; effectiveFrom: string; adoptedBy: string }[] }
      expect(p).toMatchObject({ org: 'dinsos', version: 1, periodKind: 'quarter', regions: ['32.73'] })
      expect(p.versions).toEqual([expect.objectContaining({ version: 1, effectiveFrom: '2026-Q4', adoptedBy: people.programmeAdmin.did })])
    })

    it('refuses a rule that references an unknown attribute, with its path', () => {
      const l = welfareLedger()
      const rules = pkhRules('2026-Q4')
      ;(rules.criteria as { rule: unknown }[])[0]!.rule = { '<=': [{ var: 'penghasilan' }, 4] }
      const r = l.w(people.programmeAdmin, 'createProgramme', { programme: 'dinsos.lansia', ...base, rules })
      expect(r).toMatchObject({ status: 'failed', code: 'WELFARE_RULE_INVALID', message: expect.stringContaining('rules.criteria[0].rule["<="][0].var: unknown household attribute "penghasilan"') })
    })

    it('refuses a component rule with a misspelt value or a forbidden operator, with its path', () => {
      const l = welfareLedger()
      const rules = pkhRules('2026-Q4')
      ;(rules.components as { when: unknown }[])[3]!.when = { '==': [{ var: 'schoolLevel' }, 'SMP'] }
      ;(rules.components as { when: unknown }[])[4]!.when = { '/': [{ var: 'age' }, 2] }
      const r = l.w(people.programmeAdmin, 'createProgramme', { programme: 'dinsos.lansia', ...base, rules })
      expect(r).toMatchObject({ code: 'WELFARE_RULE_INVALID', message: expect.stringMatching(/rules\.components\[3\]\.when\["=="\]\[1\]: "SMP" is not one of.*rules\.components\[4\]\.when\["\/"\]: unknown or forbidden operator/) })
    })

    it('refuses repeated ids, rules effective in the past and a programme that exists', () => {
      const l = welfareLedger()
      const twice = pkhRules('2026-Q4')
      ;(twice.components as { id: string }[])[1]!.id = 'ibu-hamil'
      expect(l.w(people.programmeAdmin, 'createProgramme', { programme: 'dinsos.x', ...base, rules: twice })).toMatchObject({ code: 'WELFARE_RULES_INVALID', message: expect.stringContaining('ibu-hamil') })
      expect(l.w(people.programmeAdmin, 'createProgramme', { programme: 'dinsos.x', ...base, rules: pkhRules('2026-Q3') })).toMatchObject({ code: 'WELFARE_RULES_INVALID', message: expect.stringContaining('past') })
      expect(l.w(people.programmeAdmin, 'createProgramme', { programme: 'dinsos.x', ...base, rules: pkhRules('2026-11') })).toMatchObject({ code: 'WELFARE_RULES_INVALID' })
      expect(l.w(people.programmeAdmin, 'createProgramme', { programme: 'dinsos.pkh', ...base, rules: pkhRules('2026-Q4') })).toMatchObject({ code: 'WELFARE_PROGRAMME_EXISTS' })
    })

    it("lets only the owning agency's programme admins create it", () => {
      const l = welfareLedger()
      expect(l.w(people.enumerator, 'createProgramme', { programme: 'dinsos.x', ...base, rules: pkhRules('2026-Q4') })).toMatchObject({ code: 'ACCESS_DENIED' })
      // An admin of another agency may not create a programme in Dinas Sosial's name.
      expect(l.w(people.otherAgency, 'createProgramme', { programme: 'dinsos.x', ...base, rules: pkhRules('2026-Q4') })).toMatchObject({ code: 'ACCESS_DENIED' })
      expect(l.w(people.otherAgency, 'createProgramme', { programme: 'pertamanan.x', ...base, rules: pkhRules('2026-Q4') })).toMatchObject({ status: 'ok' })
    })
  })

  describe('when rules are revised', () => {
    it('adds a version effective from a later period and refuses one not after the previous', () => {
      const l = welfareLedger()
      expect(l.w(people.programmeAdmin, 'reviseRules', { programme: 'dinsos.pkh', rules: pkhRules('2027-Q1') })).toMatchObject({ status: 'ok' })
      expect(l.w(people.programmeAdmin, 'reviseRules', { programme: 'dinsos.pkh', rules: pkhRules('2027-Q1') })).toMatchObject({ code: 'WELFARE_RULES_INVALID', message: expect.stringContaining('after version 2') })
      const p = l.q('programme', { programme: 'dinsos.pkh' }) as { version: number; versions: unknown[] }
      expect(p.version).toBe(2)
      expect(p.versions).toHaveLength(2)
    })
  })
})
