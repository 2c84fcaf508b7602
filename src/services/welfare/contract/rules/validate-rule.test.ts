import { describe, expect, it } from 'vitest'
import { validateRule } from './validate-rule.js'
import { ruleHolds } from './evaluate-rule.js'

const ok = (rule: unknown, scope: 'household' | 'member' = 'household') => expect(validateRule(rule, 'r', scope)).toEqual([])
const problemAt = (rule: unknown, scope: 'household' | 'member' = 'household') => validateRule(rule, 'r', scope)[0]

describe('validateRule', () => {
  describe('when a rule is well formed', () => {
    it('accepts comparisons, logic, arithmetic and quantifiers over members', () => {
      ok({ '<=': [{ var: 'incomeDecile' }, 4] })
      ok({ and: [{ '>': [{ var: 'size' }, 2] }, { '!': { '==': [{ var: 'region' }, '32.73'] } }] })
      ok({ some: [{ var: 'members' }, { or: [{ var: 'pregnant' }, { '<': [0, { var: 'age' }, 7] }] }] })
      ok({ '>=': [{ reduce: [{ filter: [{ var: 'members' }, { '==': [{ var: 'schoolLevel' }, 'sd'] }] }, { '+': [{ var: 'accumulator' }, 1] }, 0] }, 2] })
      ok({ in: [{ var: 'disability' }, ['moderate', 'severe']] }, 'member')
      ok(true)
    })
  })

  describe('when a rule has a problem', () => {
    it('names an unknown attribute with its path and the known ones', () => {
      expect(problemAt({ and: [true, { '<=': [{ var: 'income' }, 4] }] })).toEqual({
        path: 'r.and[1]["<="][0].var',
        message: expect.stringContaining('unknown household attribute "income" (known: region, incomeDecile, size, members)'),
      })
      expect(problemAt({ var: 'incomeDecile' }, 'member')?.message).toMatch(/unknown member attribute "incomeDecile"/)
    })

    it('refuses forbidden or unknown operators, wrong argument counts and several operators in one object', () => {
      expect(problemAt({ '/': [{ var: 'size' }, 2] })).toMatchObject({ path: 'r["/"]', message: expect.stringContaining('forbidden') })
      expect(problemAt({ log: 1 })?.message).toMatch(/forbidden operator "log"/)
      expect(problemAt({ method: ['x', 'constructor'] })?.message).toMatch(/forbidden/)
      expect(problemAt({ '==': [1] })?.message).toMatch(/takes 2 arguments, got 1/)
      expect(problemAt({ '==': [1, 1], '!=': [1, 2] })?.message).toMatch(/exactly one operator/)
      expect(problemAt({})?.message).toMatch(/found none/)
    })

    it('refuses prototype paths, non-integers, null, long text and a misspelt enumerated value', () => {
      expect(problemAt({ var: '__proto__' })?.message).toMatch(/unknown household attribute/)
      expect(problemAt({ var: 'members.0.age' })?.message).toMatch(/unknown household attribute/)
      expect(problemAt({ '>': [{ var: 'size' }, 2.5] })?.message).toMatch(/whole/)
      expect(problemAt({ '==': [{ var: 'region' }, null] })?.message).toMatch(/null/)
      expect(problemAt({ '==': [{ var: 'region' }, 'x'.repeat(65)] })?.message).toMatch(/64 characters/)
      expect(problemAt({ '==': [{ var: 'schoolLevel' }, 'SMP'] }, 'member')).toEqual({ path: 'r["=="][1]', message: '"SMP" is not one of none, paud, sd, smp, sma' })
      expect(problemAt({ in: [{ var: 'relationship' }, ['head', 'wife']] }, 'member')?.path).toBe('r.in[1][1]')
    })

    it('refuses quantifiers over anything but the members, and nested quantifiers', () => {
      expect(problemAt({ some: [[1, 2], true] })?.message).toMatch(/takes \{"var": "members"\}/)
      expect(problemAt({ some: [{ var: 'members' }, { all: [{ var: 'members' }, true] }] })?.message).toMatch(/cannot be nested/)
      expect(problemAt({ reduce: [{ var: 'members' }, { '+': [{ var: 'size' }, 1] }, 0] })?.message).toMatch(/inside reduce/)
    })

    it('bounds the size and depth of a rule', () => {
      let deep: unknown = true
      for (let i = 0; i < 30; i++) deep = { '!': deep }
      expect(problemAt(deep)?.message).toMatch(/nests at most 24/)
      expect(problemAt({ and: Array.from({ length: 30 }, () => ({ or: Array.from({ length: 30 }, () => true) })) })?.message).toMatch(/at most (500 parts|32)/)
    })
  })
})

describe('ruleHolds', () => {
  const facts = {
    region: '32.73.01.1001',
    incomeDecile: 3,
    size: 3,
    members: [
      { relationship: 'head', age: 40, schoolLevel: 'none', disability: 'none', pregnant: false },
      { relationship: 'spouse', age: 35, schoolLevel: 'none', disability: 'none', pregnant: true },
      { relationship: 'child', age: 9, schoolLevel: 'sd', disability: 'severe', pregnant: false },
    ],
  }

  it('evaluates validated rules over household and member facts', () => {
    expect(ruleHolds({ '<=': [{ var: 'incomeDecile' }, 4] }, facts)).toBe(true)
    expect(ruleHolds({ '<=': [{ var: 'incomeDecile' }, 2] }, facts)).toBe(false)
    expect(ruleHolds({ some: [{ var: 'members' }, { var: 'pregnant' }] }, facts)).toBe(true)
    expect(ruleHolds({ all: [{ var: 'members' }, { '>=': [{ var: 'age' }, 18] }] }, facts)).toBe(false)
    expect(ruleHolds({ '==': [{ var: 'disability' }, 'severe'] }, facts.members[2]!)).toBe(true)
  })

  it('reads a truthy number or text as JSON Logic does, always answering a boolean', () => {
    expect(ruleHolds({ var: 'size' }, facts)).toBe(true)
    expect(ruleHolds({ '-': [{ var: 'size' }, 3] }, facts)).toBe(false)
  })
})
