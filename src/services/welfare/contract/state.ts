import type { JsonValue, StateAccess, StateReader } from 'saksi'
import type { Access, Appeal, Decision, Household, Instruction, NikCheck, Programme, RegionFigures, Run, RulesVersion } from './records.js'

// State layout of the welfare contract. Ids are printable ASCII without spaces; numbers are padded
// so that key order is numeric order.
const pad = (n: number, width: number) => String(n).padStart(width, '0')
const json = (v: unknown) => v as JsonValue

export const keys = {
  programme: (p: string) => `prog/${p}`,
  version: (p: string, v: number) => `ver/${p}/${pad(v, 4)}`,
  versions: (p: string) => `ver/${p}/`,
  household: (p: string, h: string) => `hh/${p}/${h}`,
  decision: (p: string, h: string, n: number) => `dec/${p}/${h}/${pad(n, 4)}`,
  decisions: (p: string, h: string) => `dec/${p}/${h}/`,
  appeal: (p: string, h: string, n: number) => `appeal/${p}/${h}/${pad(n, 4)}`,
  appeals: (p: string, h: string) => `appeal/${p}/${h}/`,
  /** Which household of programme `p` holds the person with this keyed NIK hash. */
  nik: (p: string, nikHash: string) => `nik/${p}/${nikHash}`,
  /** Index of the households currently eligible, for disbursement runs (value: 1). */
  eligible: (p: string, h: string) => `elig/${p}/${h}`,
  eligibleAll: (p: string) => `elig/${p}/`,
  run: (p: string, period: string) => `run/${p}/${period}`,
  instruction: (p: string, id: string) => `pay/${p}/${id}`,
  householdInstructions: (p: string, h: string) => `pay/${p}/${h}/`,
  access: (p: string, h: string, seq: number) => `access/${p}/${h}/${pad(seq, 6)}`,
  accesses: (p: string, h: string) => `access/${p}/${h}/`,
  /** Which household a vault reference belongs to: a reference is used by one household only. */
  vaultRef: (ref: string) => `vref/${ref}`,
  /** The network's daily NIK hash limits, from genesis (absent: the defaults). */
  nikHashLimits: 'config/nikHashesPerDay',
  /** Recorded NIK checks of a programme, by sequence number (NikCheck), and the last one's number. */
  nikCheck: (p: string, seq: number) => `nikcheck/${p}/${pad(seq, 9)}`,
  nikCheckSeq: (p: string) => `nikcheckseq/${p}`,
  /** A caller's NIK checks (value: 1), and the NIKs they had hashed on a UTC day (a number). */
  nikCheckBy: (did: string, p: string, seq: number) => `nikcheckby/${did}/${p}/${pad(seq, 9)}`,
  nikChecksBy: (did: string, p: string) => `nikcheckby/${did}/${p}/`,
  nikHashesOn: (did: string, day: string) => `nikday/${did}/${day}`,
  /** The checks that hashed a vault record (value: 1), and the checks naming a household (value: 1). */
  nikCheckOfRef: (ref: string, p: string, seq: number) => `nikcheckref/${ref}/${p}/${pad(seq, 9)}`,
  nikChecksOfRef: (ref: string, p: string) => `nikcheckref/${ref}/${p}/`,
  nikCheckOfHousehold: (p: string, h: string, seq: number) => `nikcheckhh/${p}/${h}/${pad(seq, 9)}`,
  nikChecksOfHousehold: (p: string, h: string) => `nikcheckhh/${p}/${h}/`,
  /** Programme `by` lists `p` as exclusive (value: 1): checked from both sides. */
  excludedBy: (p: string, by: string) => `exclby/${p}/${by}`,
  excludedByAll: (p: string) => `exclby/${p}/`,
  /** Households a citizen applied for with their own key (value: the programme). */
  applicant: (did: string, p: string, h: string) => `applicant/${did}/${p}/${h}`,
  applicantAll: (did: string) => `applicant/${did}/`,
  /** Households by status, for officials' work lists (value: 1). */
  byStatus: (p: string, status: string, h: string) => `status/${p}/${status}/${h}`,
  byStatusAll: (p: string, status: string) => `status/${p}/${status}/`,
  /** Payment instructions by status, for the treasurer's work list (value: 1). */
  paymentsByStatus: (p: string, status: string, id: string) => `paystatus/${p}/${status}/${id}`,
  paymentsByStatusAll: (p: string, status: string) => `paystatus/${p}/${status}/`,
  /** Open appeals, for the appeal officers' work list (value: the decision appealed). */
  openAppeal: (p: string, h: string) => `openappeal/${p}/${h}`,
  openAppeals: (p: string) => `openappeal/${p}/`,
  /** Households of a region by status (StatusCounts). */
  statusCounts: (p: string, region: string) => `count/${p}/${region}`,
  statusCountsAll: (p: string) => `count/${p}/`,
  figures: (p: string, period: string, region: string) => `fig/${p}/${period}/${region}`,
  periodFigures: (p: string, period: string) => `fig/${p}/${period}/`,
}

/** Reads a value written by this contract under `key`, typed by the caller. */
export function read<T>(state: StateReader, key: string): T | undefined {
  return state.get(key) as T | undefined
}

/** Households of a region by status: the public counts beside the payment figures. */
export type StatusCounts = Record<'registered' | 'eligible' | 'ineligible', number>

/**
 * Moves a household between status lists (`from` undefined for a new household) and keeps its
 * region's counts by status in step.
 */
export function setStatus(state: StateAccess, household: Pick<Household, 'id' | 'programme' | 'region'>, from: string | undefined, to: string): void {
  if (from === to) return
  const { programme, id, region } = household
  if (from !== undefined) state.delete(keys.byStatus(programme, from, id))
  state.put(keys.byStatus(programme, to, id), 1)
  const key = keys.statusCounts(programme, region)
  const counts: StatusCounts = { ...((state.get(key) as StatusCounts | undefined) ?? { registered: 0, eligible: 0, ineligible: 0 }) }
  if (from !== undefined) counts[from as keyof StatusCounts]--
  counts[to as keyof StatusCounts]++
  state.put(key, counts as unknown as JsonValue)
}

/** Writes a record. */
export function write(state: StateAccess, key: string, value: unknown): void {
  state.put(key, json(value))
}

/** Every value under a key prefix, in key order. */
export function list<T>(state: StateReader, prefix: string, limit?: number): T[] {
  return state.range({ prefix, limit }).map((e) => e.value as T)
}

/** The programme, its latest rules, and the rules in force in `period`. */
export function readProgramme(state: StateReader, id: string): Programme | undefined {
  return read<Programme>(state, keys.programme(id))
}

/** The rules version in force in `period`: the latest whose `effectiveFrom` is not after it. */
export function rulesFor(state: StateReader, programme: string, period: string): RulesVersion | undefined {
  const all = list<RulesVersion>(state, keys.versions(programme))
  let found: RulesVersion | undefined
  for (const v of all) if (v.effectiveFrom <= period) found = v
  return found
}

export type { Access, Appeal, Decision, Household, Instruction, NikCheck, RegionFigures, Run }
