import { z } from 'zod'
import { allOf, anyOf, defineMethod, definePolicy, verifiedCitizen } from 'saksi'
import { decisionPeriod, recordDecision } from './decisions.js'
import type { Household } from './records.js'
import { ROLES, inProgrammeOrg } from './roles.js'
import { ConsentInput, Did, HouseholdId, MemberInput, ProgrammeId, Region, VaultLink } from './schemas.js'
import { keys, read, readProgramme, setStatus, write } from './state.js'
import { WELFARE_CODES } from './codes.js'

/** Allows a citizen to apply for themselves: `args.applicant` is the caller. */
const selfApplicant = definePolicy('selfApplicant (args.applicant is the caller)', (ctx) =>
  (ctx.args as { applicant?: unknown }).applicant === ctx.caller ? undefined : { code: 'ACCESS_DENIED', message: 'only a field officer may register a household for someone else' },
)

/** Whether `region` lies in one of the served regions (code prefixes on segment boundaries). */
function served(regions: readonly string[], region: string): boolean {
  return regions.some((r) => region === r || region.startsWith(`${r}.`))
}

/** `welfare.registerHousehold`: a household applies, itself or through a field officer. */
export const registerHousehold = defineMethod(WELFARE_CODES, {
  description:
    'Registers a household for a programme: verified-to-be attributes, keyed NIK hashes and vault references (no names, no NIKs). A field officer may register for citizens without a phone, recording the consent evidence.',
  args: z.strictObject({
    programme: ProgrammeId,
    region: Region,
    incomeDecile: z.number().int().min(1).max(10),
    members: z.array(MemberInput).min(1).max(20),
    applicant: Did.optional(),
    consent: ConsentInput,
    record: VaultLink,
  }),
  // A citizen applies for themselves only once their own identity is verified: an anonymous key
  // could otherwise claim other people's NIK hashes (copied from the log) and block them.
  allow: anyOf(inProgrammeOrg(ROLES.enumerator), allOf(selfApplicant, verifiedCitizen)),
  run(ctx, args) {
    const programme = readProgramme(ctx.state, args.programme) ?? ctx.fail('WELFARE_PROGRAMME_NOT_FOUND', `no programme ${args.programme}`)
    if (!served(programme.regions, args.region)) ctx.fail('WELFARE_REGION_NOT_SERVED', `${args.programme} does not serve region ${args.region}`)
    const heads = args.members.filter((m) => m.relationship === 'head').length
    if (heads !== 1) ctx.fail('WELFARE_HOUSEHOLD_INVALID', `a household has exactly one head, found ${heads}`)
    const hashes = args.members.map((m) => m.nikHash)
    if (new Set(hashes).size !== hashes.length) ctx.fail('WELFARE_HOUSEHOLD_INVALID', 'a member appears twice (same NIK hash)')
    const selfSigned = args.consent.method === 'self-signed'
    if (selfSigned && args.applicant !== ctx.caller) ctx.fail('WELFARE_HOUSEHOLD_INVALID', 'self-signed consent is for citizens applying with their own key')
    if (!selfSigned && args.consent.evidence === undefined) ctx.fail('WELFARE_HOUSEHOLD_INVALID', `consent by ${args.consent.method} needs its evidence in the vault`)

    // Each vault reference belongs to one household: the read route opens the references a household
    // lists, so a household listing someone else's would read their data under its own access log.
    const links = [args.record, ...args.members.map((m) => m.record), ...(args.consent.evidence ? [args.consent.evidence] : [])]
    const refs = links.map((l) => l.ref)
    if (new Set(refs).size !== refs.length) ctx.fail('WELFARE_HOUSEHOLD_INVALID', 'a vault reference appears twice')
    for (const ref of refs) if (read(ctx.state, keys.vaultRef(ref)) !== undefined) ctx.fail('WELFARE_VAULT_REF_USED', `vault reference ${ref} belongs to another household`)

    // One person, one active household per programme, and none in a programme marked exclusive
    // (by this programme or by the other one).
    const exclusive = [...new Set([...programme.exclusiveWith, ...ctx.state.range({ prefix: keys.excludedByAll(programme.id) }).map((e) => e.key.slice(keys.excludedByAll(programme.id).length))])]
    for (const [i, m] of args.members.entries()) {
      const here = read<string>(ctx.state, keys.nik(programme.id, m.nikHash))
      if (here !== undefined) ctx.fail('WELFARE_DUPLICATE_BENEFICIARY', `members[${i}] is already in household ${here} of ${programme.id}`)
      for (const other of exclusive) {
        const there = read<string>(ctx.state, keys.nik(other, m.nikHash))
        const hh = there === undefined ? undefined : read<Household>(ctx.state, keys.household(other, there))
        if (hh && hh.status !== 'ineligible') ctx.fail('WELFARE_DUPLICATE_BENEFICIARY', `members[${i}] is in household ${hh.id} of ${other}, exclusive with ${programme.id}`)
      }
    }
    const household: Household = {
      id: `hh-${ctx.txId.slice(0, 20)}`,
      programme: programme.id,
      region: args.region,
      incomeDecile: args.incomeDecile,
      members: args.members,
      consent: { ...args.consent, recordedBy: ctx.caller },
      record: args.record,
      status: 'registered',
      registeredAt: ctx.time.iso,
      registeredBy: ctx.caller,
      decisions: 0,
    }
    if (args.applicant !== undefined) household.applicant = args.applicant
    write(ctx.state, keys.household(programme.id, household.id), household)
    setStatus(ctx.state, household, undefined, 'registered')
    if (args.applicant !== undefined) write(ctx.state, keys.applicant(args.applicant, programme.id, household.id), programme.id)
    for (const m of args.members) write(ctx.state, keys.nik(programme.id, m.nikHash), household.id)
    for (const ref of refs) write(ctx.state, keys.vaultRef(ref), household.id)
    ctx.emit('welfare.HouseholdRegistered', {
      programme: programme.id,
      household: household.id,
      region: household.region,
      members: household.members.length,
      assisted: args.applicant !== ctx.caller,
    })
  },
})

/**
 * `welfare.verifyHousehold`: an official confirms the household's identity and attributes; the
 * contract then decides eligibility from these verified attributes, under the rules in force.
 */
export const verifyHousehold = defineMethod(WELFARE_CODES, {
  description: "Verifies a household's identity and attributes and decides its eligibility under the rules in force, with reasons.",
  args: z.strictObject({
    programme: ProgrammeId,
    household: HouseholdId,
    evidence: z.strictObject({ method: z.enum(['dukcapil', 'documents', 'home-visit']) }),
  }),
  allow: inProgrammeOrg(ROLES.verifier),
  run(ctx, { programme: pid, household: hid, evidence }) {
    const programme = readProgramme(ctx.state, pid) ?? ctx.fail('WELFARE_PROGRAMME_NOT_FOUND', `no programme ${pid}`)
    const household = read<Household>(ctx.state, keys.household(pid, hid)) ?? ctx.fail('WELFARE_HOUSEHOLD_NOT_FOUND', `no household ${hid} in ${pid}`)
    if (household.verification) ctx.fail('WELFARE_ALREADY_VERIFIED', `${hid} was verified on ${household.verification.at}`)
    if (household.applicant !== undefined) {
      // A citizen who applied with their own key must have had that key's identity verified.
      const who = ctx.view('identity').query('get', { did: household.applicant }) as { status?: string } | undefined
      if (who?.status !== 'verified') ctx.fail('WELFARE_IDENTITY_NOT_VERIFIED', `${household.applicant} is not a verified citizen`)
    }
    const verified: Household = { ...household, verification: { by: ctx.caller, at: ctx.time.iso, method: evidence.method } }
    ctx.emit('welfare.HouseholdVerified', { programme: pid, household: hid, method: evidence.method })
    const { period, rules } = decisionPeriod(ctx, programme)
    recordDecision(ctx, programme, verified, period, rules)
  },
})
