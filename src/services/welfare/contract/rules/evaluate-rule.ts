import jsonLogic from 'json-logic-js'
import type { HouseholdFacts, MemberFacts } from './attributes.js'

/**
 * Whether a validated rule holds for a household or a member, by JSON Logic's truthiness
 * (json-logic-js 2.0.5, pinned: every node evaluates rules with the same version). Deterministic:
 * rules hold only the operators `validateRule` admits, over integers, booleans and text.
 * @param rule a rule that passed `validateRule` for this scope
 * @param facts the household's or the member's attributes
 */
export function ruleHolds(rule: unknown, facts: HouseholdFacts | MemberFacts): boolean {
  return jsonLogic.apply({ '!!': [rule] }, facts) === true
}
