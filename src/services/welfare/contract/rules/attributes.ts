/**
 * What eligibility rules and benefit formulas may read: a household's verified attributes, never a
 * name or a NIK. Rules are JSON Logic over these; `validateRule` refuses any other variable.
 */

/** The kind of value an attribute holds, for checking literals compared with it. */
export type AttributeKind = 'integer' | 'boolean' | { oneOf: readonly string[] } | 'text'

/** Relationship of a member to the head of the household (as on the Kartu Keluarga). */
export const RELATIONSHIPS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'in-law', 'other'] as const
/** School level a member attends now. */
export const SCHOOL_LEVELS = ['none', 'paud', 'sd', 'smp', 'sma'] as const
/** Disability, as assessed. */
export const DISABILITIES = ['none', 'moderate', 'severe'] as const

/** Attributes of one member, seen inside `filter`, `map`, `all`, `some`, `none` over `members`. */
export const MEMBER_ATTRIBUTES: Record<string, AttributeKind> = {
  relationship: { oneOf: RELATIONSHIPS },
  /** Whole years at the first day of the period being decided. */
  age: 'integer',
  schoolLevel: { oneOf: SCHOOL_LEVELS },
  disability: { oneOf: DISABILITIES },
  pregnant: 'boolean',
}

/** Attributes of the household as a whole. */
export const HOUSEHOLD_ATTRIBUTES: Record<string, AttributeKind> = {
  /** Kode wilayah (Kemendagri), e.g. `32.73.01.1001` for a kelurahan. */
  region: 'text',
  /** Welfare decile from the national socio-economic register (1 = poorest tenth). */
  incomeDecile: 'integer',
  /** Number of members. */
  size: 'integer',
}

/** The array of members a rule may iterate over. */
export const MEMBERS = 'members'

/** A member as rules see it. */
export interface MemberFacts {
  relationship: string
  age: number
  schoolLevel: string
  disability: string
  pregnant: boolean
}

/** A household as rules see it. */
export interface HouseholdFacts {
  region: string
  incomeDecile: number
  size: number
  members: MemberFacts[]
}
