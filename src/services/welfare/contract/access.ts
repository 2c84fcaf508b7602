import { z } from 'zod'
import { defineMethod } from 'saksi'
import type { Access, Household } from './records.js'
import { ROLES, inProgrammeOrg } from './roles.js'
import { HouseholdId, PURPOSES, ProgrammeId, text } from './schemas.js'
import { keys, list, read, write } from './state.js'
import { WELFARE_CODES } from './codes.js'

/**
 * `welfare.recordAccess`: an official's read of a household's personal data, with its purpose, on
 * the log before the node opens the vault for them (DESIGN "Personal data"); the household can list
 * who read its data and why.
 */
export const recordAccess = defineMethod(WELFARE_CODES, {
  description: "Records an official's read of a household's personal data and its purpose; the node opens the vault only after this commits.",
  args: z.strictObject({ programme: ProgrammeId, household: HouseholdId, purpose: z.enum(PURPOSES), note: text(500) }),
  allow: inProgrammeOrg(ROLES.officer, ROLES.verifier, ROLES.appeals, ROLES.enumerator),
  run(ctx, { programme: pid, household: hid, purpose, note }) {
    if (!read<Household>(ctx.state, keys.household(pid, hid))) ctx.fail('WELFARE_HOUSEHOLD_NOT_FOUND', `no household ${hid} in ${pid}`)
    const last = list<Access>(ctx.state, keys.accesses(pid, hid)).at(-1)
    const access: Access = { seq: (last?.seq ?? 0) + 1, by: ctx.caller, at: ctx.time.iso, purpose, note }
    write(ctx.state, keys.access(pid, hid, access.seq), access)
    ctx.emit('welfare.PersonalDataRead', { programme: pid, household: hid, by: ctx.caller, purpose })
  },
})
