import type { JsonValue, WordsText } from 'saksi'
import type { PeriodKind } from './periods.js'


/** Text shown to citizens, in Bahasa Indonesia first and English second. */
export type Words = WordsText

/** One eligibility criterion: every criterion must hold; a failed one is told in its `reason`. */
export interface Criterion {
  id: string
  /** JSON Logic over the household's attributes. */
  rule: JsonValue
  reason: Words
}

/** One benefit component, e.g. "per child in primary school". */
export interface Component {
  id: string
  label: Words
  /** Rupiah per unit. */
  amount: number
  /** `member`: one unit per member for whom `when` holds; `household`: one unit if it holds. */
  per: 'member' | 'household'
  when: JsonValue
}

/** A version of a programme's rules, in force from `effectiveFrom` until the next version. */
export interface RulesVersion {
  version: number
  effectiveFrom: string
  criteria: Criterion[]
  components: Component[]
  /** Most units paid per household (PKH: four components per family). */
  maxComponents: number
  /** Most Rupiah per household and period. */
  householdCap: number
  /** Most Rupiah paid in one period across all households. */
  budgetPerPeriod: number
  adoptedAt: string
  adoptedBy: string
}

/** A welfare programme of one agency. */
export interface Programme {
  id: string
  org: string
  name: string
  periodKind: PeriodKind
  /** Region codes the programme serves (prefixes of a household's region code). */
  regions: string[]
  /** Programmes whose beneficiaries may not be beneficiaries of this one too. */
  exclusiveWith: string[]
  /** The latest rules version. */
  version: number
  createdAt: string
  createdBy: string
}

/** A member of a household as the log holds it: attributes, a keyed NIK hash and a vault reference. */
export interface Member {
  nikHash: string
  relationship: string
  /** `YYYY-MM`: the log holds the month of birth, the vault the date. */
  birthMonth: string
  schoolLevel: string
  disability: string
  pregnant: boolean
  /** The member's personal record in the vault, and the salted commitment to it. */
  record: VaultLink
}

/** A reference to a personal record in the vault and its salted commitment (DESIGN "Personal data"). */
export interface VaultLink {
  ref: string
  commitment: string
}

/** How the household (or the field officer for it) consented to the processing of its data. */
export interface Consent {
  method: 'self-signed' | 'signature-on-paper' | 'thumbprint' | 'witnessed-verbal'
  /** The consent form or its witness statement in the vault. */
  evidence?: VaultLink
  recordedBy: string
}

/** Household status: registered, then verified and decided, possibly closed. */
export type HouseholdStatus = 'registered' | 'eligible' | 'ineligible'

/** A registered household. No names, no NIKs, no dates of birth. */
export interface Household {
  id: string
  programme: string
  region: string
  incomeDecile: number
  members: Member[]
  /** The citizen's own key, when they applied themselves. */
  applicant?: string
  consent: Consent
  /** The household's own record in the vault (address, family card), with its commitment. */
  record: VaultLink
  status: HouseholdStatus
  registeredAt: string
  registeredBy: string
  verification?: { by: string; at: string; method: string }
  /** Number of decisions so far (the latest is `decisions`). */
  decisions: number
}

/** One line of a benefit calculation. */
export interface BenefitLine {
  component: string
  units: number
  amount: number
}

/** An eligibility decision with its reasons and the rules version it was made under. */
export interface Decision {
  n: number
  at: string
  period: string
  rulesVersion: number
  eligible: boolean
  /** The criteria that failed, with their reasons in words a citizen understands. */
  failed: { criterion: string; reason: Words }[]
  /** `rules`, or `appeal` when an appeal officer granted an appeal against decision `appealOf`. */
  basis: 'rules' | 'appeal'
  appealOf?: number
  /** The benefit per period under these rules (0 when not eligible). */
  benefit: number
  lines: BenefitLine[]
}

/** An appeal against a decision; at most one per decision. */
export interface Appeal {
  decision: number
  /** A short public statement (rules 2: optional, at most 300 characters; rules 1: required). */
  statement?: string
  /** The appellant's account and documents in the vault (rules 2). */
  evidence?: { ref: string; commitment: string }
  by: string
  at: string
  status: 'open' | 'granted' | 'rejected'
  resolution?: { by: string; at: string; reason: string }
}

/** A payment instruction for one household and period. */
export interface Instruction {
  id: string
  programme: string
  household: string
  period: string
  amount: number
  rulesVersion: number
  lines: BenefitLine[]
  status: 'instructed' | 'paid' | 'failed'
  attempt: number
  /** The bank's idempotency key: the same for every attempt, so a retry never pays twice. */
  idempotencyKey: string
  instructedAt: string
  settledAt?: string
  reference?: string
  failure?: string
}

/** Progress of a disbursement run for one period. */
export interface Run {
  period: string
  rulesVersion: number
  instructed: number
  total: number
  /** The last household considered, in id order (the run resumes after it). */
  cursor?: string
  done: boolean
}

/** An official's read of a household's personal data. */
export interface Access {
  seq: number
  by: string
  at: string
  purpose: string
  note: string
}

/**
 * A recorded NIK check: who had the NIKs of which vault records hashed, when and why, and for which
 * household (a registration's check names none: the household that later lists these references is
 * the one it served).
 */
export interface NikCheck {
  seq: number
  by: string
  at: string
  purpose: string
  /** The vault records whose `nik` field was hashed. */
  refs: string[]
  household?: string
  note?: string
}

/** Figures of one region for one period (public after small-count suppression). */
export interface RegionFigures {
  paidHouseholds: number
  paidAmount: number
}
