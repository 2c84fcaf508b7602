import { anyOf, definePolicy, role, self, type Policy } from 'saksi'
import type { Household } from './records.js'
import { ROLES, inProgrammeOrg } from './roles.js'
import { HouseholdId, ProgrammeId } from './schemas.js'
import { keys, read } from './state.js'

/**
 * Who may read what names who did what to which household (an access trail, a household's
 * decisions and their officials, the work lists): these policies gate the queries over HTTP, for a
 * session's signer (the API's `authorizeRead`); aggregates stay public. The log itself stays public
 * (PROTOCOL): these gates keep the node from serving ready-made indexes of it to anyone.
 */

/** Any welfare official of the programme's agency. */
export const PROGRAMME_OFFICIALS: Policy = inProgrammeOrg(ROLES.admin, ROLES.enumerator, ROLES.verifier, ROLES.appeals, ROLES.treasurer, ROLES.officer)

const denied = (message: string) => ({ code: 'ACCESS_DENIED', message })

/**
 * The household's applicant: the citizen whose key registered it (`args.household`, or the
 * household of `args.instruction` = `<household>/<period>`).
 */
export const HOUSEHOLD_APPLICANT: Policy = definePolicy("the household's applicant", (ctx) => {
  const args = ctx.args as { programme?: unknown; household?: unknown; instruction?: unknown }
  const household = typeof args.instruction === 'string' ? args.instruction.split('/')[0] : args.household
  const p = ProgrammeId.safeParse(args.programme)
  const h = HouseholdId.safeParse(household)
  if (!p.success || !h.success) return denied('no household in the arguments')
  const record = read<Household>(ctx.view('welfare'), keys.household(p.data, h.data))
  return record?.applicant !== undefined && record.applicant === ctx.caller ? undefined : denied("the caller is not the household's applicant")
})

/** A household's own trail (its record, decisions, appeals, payments, accesses): its applicant and the agency's officials. */
export const HOUSEHOLD_READERS: Policy = anyOf(HOUSEHOLD_APPLICANT, PROGRAMME_OFFICIALS)

/** A citizen's own applications (`args.did`), and officials who may read personal data. */
export const APPLICATION_READERS: Policy = anyOf(self('did'), role(ROLES.officer))
