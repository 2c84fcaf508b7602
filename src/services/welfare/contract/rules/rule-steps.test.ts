import { describe, expect, it } from 'vitest'
import { ruleSteps } from './rule-steps.js'

describe('ruleSteps', () => {
  describe('when the rule reads household attributes only', () => {
    it('counts one step per node', () => {
      expect(ruleSteps(true, 4)).toBe(1)
      expect(ruleSteps({ '<=': [{ var: 'incomeDecile' }, 4] }, 4)).toBe(4)
    })
  })

  describe('when the rule works over the members', () => {
    it('counts the body once per member', () => {
      const rule = { some: [{ var: 'members' }, { '<': [{ var: 'age' }, 6] }] }
      expect(ruleSteps(rule, 0)).toBe(3)
      expect(ruleSteps(rule, 10)).toBe(3 + 10 * 4)
      expect(ruleSteps({ reduce: [{ var: 'members' }, { '+': [{ var: 'accumulator' }, 1] }, 0] }, 3)).toBe(1 + 2 + 3 * 4 + 1)
    })
  })
})
