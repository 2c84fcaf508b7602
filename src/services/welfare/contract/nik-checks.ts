import { z } from 'zod'
import { anyOf, defineMethod, verifiedCitizen, type GenesisContext, type JsonObject, type StateReader } from 'saksi'
import type { Household, NikCheck } from './records.js'
import { ROLES, inProgrammeOrg, programmeOrg } from './roles.js'
import { HouseholdId, NIK_CHECK_PURPOSES, ProgrammeId, VaultRef, text } from './schemas.js'
import { keys, read, write } from './state.js'
import { WELFARE_CODES } from './codes.js'

/**
 * Most NIKs one key may have hashed per UTC day (block time), by default: an official's day of
 * registrations and checks, a citizen's household. Network-wide and on the log, so a restart or
 * another node does not start the day afresh. A network sets its own in genesis
 * (`welfare.nikHashesPerDay: {official, citizen}`, see {@link nikHashLimits}).
 */
export const NIK_HASHES_PER_DAY = { official: 2_000, citizen: 30 } as const

/** A network's daily NIK hash limits, as genesis sets them. */
export const NikHashLimits = z.strictObject({ official: z.number().int().min(1).max(1_000_000), citizen: z.number().int().min(0).max(1_000) })

/**
 * The daily limits in force: the network's from genesis, or {@link NIK_HASHES_PER_DAY} (a genesis
 * without them, e.g. one written before the limits existed, writes nothing).
 */
export function nikHashLimits(state: StateReader): { official: number; citizen: number } {
  return read<{ official: number; citizen: number }>(state, keys.nikHashLimits) ?? NIK_HASHES_PER_DAY
}

/**
 * The welfare contract's genesis hook: the network's daily NIK hash limits, if its genesis sets
 * them (`welfare: {nikHashesPerDay: {official, citizen}}`).
 * @throws Error naming the field when they are malformed (the genesis is refused)
 */
export function seedNikHashLimits(ctx: GenesisContext, genesis: JsonObject): void {
  const section = genesis.welfare as { nikHashesPerDay?: unknown } | undefined
  if (section?.nikHashesPerDay === undefined) return
  const r = NikHashLimits.safeParse(section.nikHashesPerDay)
  if (!r.success) throw new Error(`welfare.nikHashesPerDay.${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`)
  write(ctx.state, keys.nikHashLimits, r.data)
}

/** Most vault records in one check: as many people as one deposit takes. */
export const MAX_NIK_CHECK_REFS = 50

/** The officials who may have NIKs hashed (a citizen may too, for their own registration). */
export const OFFICIALS = [ROLES.enumerator, ROLES.verifier, ROLES.appeals, ROLES.officer] as const

/** The UTC day of an instant, `YYYY-MM-DD`. */
export const utcDay = (iso: string): string => iso.slice(0, 10)

/**
 * `welfare.recordNikCheck`: the record, on the log, of a NIK hashing (DESIGN "Personal data"):
 * who has the NIKs of which vault records hashed, why, and for which household. The node answers
 * the keyed hashes (`POST /v1/welfare/personal-data/nik-hashes`) only once this commits, so that no
 * one can look up who receives welfare without leaving a trace, and it counts against the caller's
 * daily limit ({@link nikHashLimits}).
 */
export const recordNikCheck = defineMethod(WELFARE_CODES, {
  description:
    "Records that the caller has the NIKs of some vault records hashed, why and for which household; the node answers the keyed hashes only after this commits. At most 2,000 NIKs a day for an official, 30 for a citizen, unless the network's genesis sets other limits.",
  args: z.strictObject({
    programme: ProgrammeId,
    purpose: z.enum(NIK_CHECK_PURPOSES),
    refs: z.array(VaultRef).min(1).max(MAX_NIK_CHECK_REFS),
    household: HouseholdId.optional(),
    note: text(200).optional(),
  }),
  allow: anyOf(inProgrammeOrg(...OFFICIALS), verifiedCitizen),
  run(ctx, { programme: pid, purpose, refs, household: hid, note }) {
    if (!read(ctx.state, keys.programme(pid))) ctx.fail('WELFARE_PROGRAMME_NOT_FOUND', `no programme ${pid}`)
    const official = OFFICIALS.some((r) => ctx.directory.hasRole(ctx.caller, r, programmeOrg(pid)))
    if (!official && purpose !== 'registration') ctx.fail('WELFARE_NIK_CHECK_INVALID', 'a citizen has NIKs hashed only for their own registration')
    if (purpose === 'registration' && hid !== undefined) ctx.fail('WELFARE_NIK_CHECK_INVALID', 'a registration check names no household: the household that lists these references is the one it served')
    if (purpose !== 'registration' && hid === undefined) ctx.fail('WELFARE_NIK_CHECK_INVALID', `a check for ${purpose} names the household it serves`)
    if (hid !== undefined && !read<Household>(ctx.state, keys.household(pid, hid))) ctx.fail('WELFARE_HOUSEHOLD_NOT_FOUND', `no household ${hid} in ${pid}`)
    if (new Set(refs).size !== refs.length) ctx.fail('WELFARE_NIK_CHECK_INVALID', 'a vault reference appears twice')
    // A registration's records belong to no household yet; another check's to its own household
    // or to none (a new member's record).
    for (const ref of refs) {
      const owner = read<string>(ctx.state, keys.vaultRef(ref))
      if (owner !== undefined && owner !== hid) ctx.fail('WELFARE_VAULT_REF_USED', `vault reference ${ref} belongs to household ${owner}`)
    }
    const dayKey = keys.nikHashesOn(ctx.caller, utcDay(ctx.time.iso))
    const used = read<number>(ctx.state, dayKey) ?? 0
    const limits = nikHashLimits(ctx.state)
    const limit = official ? limits.official : limits.citizen
    if (used + refs.length > limit) ctx.fail('WELFARE_NIK_CHECK_LIMIT', `${ctx.caller} had ${used} NIKs hashed today; ${refs.length} more would pass the limit of ${limit}`)

    const seq = (read<number>(ctx.state, keys.nikCheckSeq(pid)) ?? 0) + 1
    const check: NikCheck = { seq, by: ctx.caller, at: ctx.time.iso, purpose, refs }
    if (hid !== undefined) check.household = hid
    if (note !== undefined) check.note = note
    write(ctx.state, keys.nikCheckSeq(pid), seq)
    write(ctx.state, keys.nikCheck(pid, seq), check)
    write(ctx.state, keys.nikCheckBy(ctx.caller, pid, seq), 1)
    write(ctx.state, dayKey, used + refs.length)
    for (const ref of refs) write(ctx.state, keys.nikCheckOfRef(ref, pid, seq), 1)
    if (hid !== undefined) write(ctx.state, keys.nikCheckOfHousehold(pid, hid, seq), 1)
    ctx.emit('welfare.NikCheckRecorded', { programme: pid, check: seq, by: ctx.caller, purpose, niks: refs.length, ...(hid !== undefined ? { household: hid } : {}) })
  },
})
