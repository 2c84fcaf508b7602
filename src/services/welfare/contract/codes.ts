/** Failure codes of the welfare contract, with what each means (the same in receipts, API and tests). */
export const WELFARE_CODES = {
  WELFARE_PROGRAMME_EXISTS: 'a programme with this id exists',
  WELFARE_PROGRAMME_NOT_FOUND: 'no such programme',
  WELFARE_RULE_INVALID: 'a rule does not parse, uses an unknown operator or attribute; the message gives its path',
  WELFARE_RULES_INVALID: 'the rules contradict themselves (repeated ids, a version effective before the previous one or in the past)',
  WELFARE_REGION_NOT_SERVED: "the household's region is outside the programme's regions",
  WELFARE_DUPLICATE_BENEFICIARY: 'a member is already in an active household of this programme or of an exclusive one',
  WELFARE_HOUSEHOLD_INVALID: 'the household contradicts itself (no head, two heads, a member twice, consent without evidence)',
  WELFARE_VAULT_REF_USED: 'a vault reference already belongs to another household',
  WELFARE_HOUSEHOLD_NOT_FOUND: 'no such household in this programme',
  WELFARE_ALREADY_VERIFIED: 'the household is already verified',
  WELFARE_IDENTITY_NOT_VERIFIED: "the applicant's own identity is not verified yet (identity.verifyCitizen)",
  WELFARE_DECISION_NOT_FOUND: 'no such decision',
  WELFARE_APPEAL_NOT_ALLOWED: 'only a refusal may be appealed, by its applicant or a field officer, and only the latest decision',
  WELFARE_APPEAL_EXISTS: 'this decision was already appealed (once per decision)',
  WELFARE_APPEAL_NOT_FOUND: 'no open appeal for this decision',
  WELFARE_PERIOD_INVALID: "the period is not of the programme's kind, is in the future, or has no rules",
  WELFARE_BUDGET_EXCEEDED: "the run would exceed the period's budget ceiling",
  WELFARE_RUN_DONE: 'the disbursement run for this period is complete',
  WELFARE_INSTRUCTION_NOT_FOUND: 'no such payment instruction',
  WELFARE_INSTRUCTION_SETTLED: 'the payment instruction is already settled (paid), or not in a state that allows this',
} as const

/** A welfare failure code. */
export type WelfareCode = keyof typeof WELFARE_CODES
