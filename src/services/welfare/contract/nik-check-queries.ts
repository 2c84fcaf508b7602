import { z } from 'zod'
import { PageLimit, anyOf, defineQuery, self } from 'saksi'
import type { JsonValue } from 'saksi'
import { OFFICIALS, nikHashLimits } from './nik-checks.js'
import { HOUSEHOLD_READERS, PROGRAMME_OFFICIALS } from './read-policies.js'
import type { Household, NikCheck } from './records.js'
import { programmeOrg } from './roles.js'
import { Did, HouseholdId, ProgrammeId } from './schemas.js'
import { keys, read } from './state.js'

const json = (v: unknown) => v as JsonValue
/** A check's sequence number, given as a number or as query-string text. */
const Seq = z.union([z.number(), z.string().regex(/^\d{1,9}$/).transform(Number)]).pipe(z.number().int().min(0))
const seqOf = (key: string) => Number(key.slice(key.lastIndexOf('/') + 1))

/**
 * `nikChecks {programme, household}`: the recorded NIK checks that served a household: those naming
 * it, and those that hashed one of its records (its registration's), oldest first.
 */
export const nikChecks = defineQuery({
  description: 'The recorded NIK checks that served a household: who had its members’ NIKs hashed, when and why.',
  args: z.strictObject({ programme: ProgrammeId, household: HouseholdId }),
  // It names who had a household's NIKs hashed: its applicant and the agency's officials.
  allow: HOUSEHOLD_READERS,
  run(q, { programme: pid, household: hid }) {
    const h = read<Household>(q.state, keys.household(pid, hid))
    if (!h) return undefined
    const refs = [h.record.ref, ...h.members.map((m) => m.record.ref)]
    const seqs = new Set<number>(q.state.range({ prefix: keys.nikChecksOfHousehold(pid, hid) }).map((e) => seqOf(e.key)))
    for (const ref of refs) for (const e of q.state.range({ prefix: keys.nikChecksOfRef(ref, pid) })) seqs.add(seqOf(e.key))
    return json([...seqs].sort((a, b) => a - b).map((seq) => read<NikCheck>(q.state, keys.nikCheck(pid, seq))))
  },
})

/**
 * `nikChecksBy {programme, did, after?, limit?}`: a caller's recorded NIK checks, oldest first, each
 * with the household it served (a registration's: the household that lists its records, if any).
 */
export const nikChecksBy = defineQuery({
  description: "A caller's recorded NIK checks in a programme, each with the household it served.",
  args: z.strictObject({ programme: ProgrammeId, did: Did, after: Seq.optional(), limit: PageLimit }),
  // Which households an official looked up: the official and the agency's officials.
  allow: anyOf(self('did'), PROGRAMME_OFFICIALS),
  run(q, { programme: pid, did, after, limit }) {
    const prefix = keys.nikChecksBy(did, pid)
    const start = after === undefined ? prefix : `${keys.nikCheckBy(did, pid, after)}!`
    return json(
      q.state.range({ prefix, start, limit }).map((e) => {
        const check = read<NikCheck>(q.state, keys.nikCheck(pid, seqOf(e.key)))!
        return { ...check, served: check.household ?? read<string>(q.state, keys.vaultRef(check.refs[0]!)) ?? null }
      }),
    )
  },
})

/** `nikHashUsage {programme, did, day}`: how many NIKs a key had hashed on a UTC day, and its limit in the programme. */
export const nikHashUsage = defineQuery({
  description: 'How many NIKs a key had hashed on a UTC day (YYYY-MM-DD), and its daily limit in the programme.',
  args: z.strictObject({ programme: ProgrammeId, did: Did, day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day like 2026-11-23') }),
  allow: anyOf(self('did'), PROGRAMME_OFFICIALS),
  run(q, { programme: pid, did, day }) {
    const official = OFFICIALS.some((r) => q.directory.hasRole(did, r, programmeOrg(pid)))
    const limits = nikHashLimits(q.state)
    return { used: read<number>(q.state, keys.nikHashesOn(did, day)) ?? 0, limit: official ? limits.official : limits.citizen }
  },
})
