import { definePolicy, type Policy } from 'saksi'

/** Roles of the welfare contract, granted by an agency's admins (identity `grants`). */
export const ROLES = {
  /** Creates programmes and revises their rules. */
  admin: 'welfare.admin',
  /** Field officer: registers households, also on behalf of citizens without a phone. */
  enumerator: 'welfare.enumerator',
  /** Verifies households' identity and attributes, which triggers the eligibility decision. */
  verifier: 'welfare.verifier',
  /** Decides appeals. */
  appeals: 'welfare.appeals',
  /** Starts disbursement runs and retries failed payments. */
  treasurer: 'welfare.treasurer',
  /** Any official who may read a household's personal data (each read is recorded). */
  officer: 'welfare.officer',
  /** The payment service's key: reports payments confirmed or failed by the bank. */
  gateway: 'payments.gateway',
} as const

/** The organisation that owns a programme id (`dinsos.pkh` → `dinsos`). */
export function programmeOrg(programme: string): string {
  return programme.slice(0, programme.indexOf('.'))
}

/**
 * Allows callers holding `role` in the organisation that owns `args.programme`: a programme's
 * officials act only on their own agency's programmes. It requires (`Policy.requires`) any of
 * `roles` in that organisation.
 */
export function inProgrammeOrg(...roles: string[]): Policy {
  return definePolicy(`${roles.join(' or ')} in the programme's organisation`, (ctx) => {
    const programme = (ctx.args as { programme?: unknown }).programme
    if (typeof programme !== 'string' || !programme.includes('.')) return { code: 'ACCESS_DENIED', message: 'no programme in the arguments' }
    const org = programmeOrg(programme)
    if (roles.some((r) => ctx.directory.hasRole(ctx.caller, r, org))) return undefined
    return { code: 'ACCESS_DENIED', message: `the caller holds none of ${roles.join(', ')} in ${org}` }
  }, (ctx) => {
    const programme = (ctx.args as { programme?: unknown }).programme
    const org = typeof programme === 'string' && programme.includes('.') ? programmeOrg(programme) : undefined
    return roles.map((role) => (org === undefined ? { role } : { role, org }))
  })
}
