import { definePolicy, type Policy, type PolicyContext, type PolicyRequirement, type Refusal } from './policy.js'

function argString(ctx: PolicyContext, field: string): string | undefined {
  const args = ctx.args
  if (typeof args !== 'object' || args === null || !Object.hasOwn(args, field)) return undefined
  const v = (args as Record<string, unknown>)[field]
  return typeof v === 'string' ? v : undefined
}

function hasArg(ctx: PolicyContext, field: string): boolean {
  return typeof ctx.args === 'object' && ctx.args !== null && Object.hasOwn(ctx.args, field)
}

function denied(message: string): Refusal {
  return { code: 'ACCESS_DENIED', message }
}

/** Allows every caller (whose key is not revoked: the runtime checks that before any policy). */
export const anyone: Policy = definePolicy('anyone', () => undefined)

/** Allows no caller: for methods that only genesis or a future governance process may use. */
export const nobody: Policy = definePolicy('nobody', () => denied('no caller may call this method'))

/**
 * Allows callers that hold `name`, in any organisation or, with `options.orgArg`, in the
 * organisation named by that argument.
 * @param name a role, e.g. `identity.verifier`
 * @param options `orgArg`: the argument holding the organisation id
 */
export function role(name: string, options: { orgArg?: string } = {}): Policy {
  const { orgArg } = options
  const describe = orgArg === undefined ? `role(${name})` : `role(${name} in args.${orgArg})`
  return definePolicy(describe, (ctx) => {
    if (orgArg === undefined) return ctx.directory.hasRole(ctx.caller, name) ? undefined : denied(`the caller does not hold the role ${name}`)
    const org = argString(ctx, orgArg)
    if (org !== undefined && ctx.directory.hasRole(ctx.caller, name, org)) return undefined
    return denied(`the caller does not hold the role ${name} in organisation ${JSON.stringify(org ?? null)}`)
  }, (ctx) => {
    const org = orgArg === undefined ? undefined : argString(ctx, orgArg)
    return [org === undefined ? { role: name } : { role: name, org }]
  })
}

/**
 * Allows admins of the organisation named by argument `field`.
 * @param field the argument holding the organisation id
 */
export function orgAdminOf(field: string): Policy {
  return definePolicy(`orgAdmin(args.${field})`, (ctx) => {
    const org = argString(ctx, field)
    if (org !== undefined && ctx.directory.isOrgAdmin(ctx.caller, org)) return undefined
    return denied(`the caller is not an admin of organisation ${JSON.stringify(org ?? null)}`)
  }, (ctx) => [{ orgAdmin: argString(ctx, field) }])
}

/** Allows admins of the organisation named by the `org` argument. */
export const orgAdmin: Policy = orgAdminOf('org')

/**
 * Allows the caller to act on itself: argument `field` must equal the caller's did.
 * @param field the argument holding the subject's did (default `did`)
 */
export function self(field = 'did'): Policy {
  return definePolicy(`self(args.${field})`, (ctx) =>
    argString(ctx, field) === ctx.caller ? undefined : denied(`args.${field} must be the caller's own did`),
  )
}

/**
 * Allows a registered citizen acting for itself: the caller must be a registered citizen and, if
 * the arguments have a `did`, it must be the caller's.
 */
export const selfAsCitizen: Policy = definePolicy('selfAsCitizen', (ctx) => {
  if (hasArg(ctx, 'did') && argString(ctx, 'did') !== ctx.caller) return denied("args.did must be the caller's own did")
  if (ctx.directory.citizenStatus(ctx.caller) === undefined) {
    return { code: 'CITIZEN_NOT_REGISTERED', message: 'the caller is not a registered citizen' }
  }
  return undefined
})

/** Allows callers who are verified citizens. */
export const verifiedCitizen: Policy = definePolicy('verifiedCitizen', (ctx) => {
  const status = ctx.directory.citizenStatus(ctx.caller)
  if (status === 'verified') return undefined
  if (status === undefined) return { code: 'CITIZEN_NOT_REGISTERED', message: 'the caller is not a registered citizen' }
  return { code: 'CITIZEN_NOT_VERIFIED', message: 'the caller is a citizen not yet verified by an official' }
})

/**
 * Allows the call when any of `policies` does. If all refuse with the same code, that code is
 * kept; otherwise the refusal is `ACCESS_DENIED`.
 */
export function anyOf(...policies: Policy[]): Policy {
  return definePolicy(`anyOf(${policies.map((p) => p.describe).join(', ')})`, (ctx) => {
    const refusals: Refusal[] = []
    for (const p of policies) {
      const r = p.check(ctx)
      if (r === undefined) return undefined
      refusals.push(r)
    }
    const first = refusals[0]
    if (first !== undefined && refusals.every((r) => r.code === first.code)) {
      return { code: first.code, message: refusals.map((r) => r.message).join('; and ') }
    }
    return denied(`the call requires one of: ${policies.map((p) => p.describe).join(', ')}`)
  }, (ctx) => alternatives(policies.map((p) => p.requires?.(ctx))))
}

// The requirements of several policies as one list; undefined when none asks for a role.
function alternatives(lists: readonly (readonly PolicyRequirement[] | undefined)[]): PolicyRequirement[] | undefined {
  const all = lists.flatMap((l) => l ?? [])
  return all.length > 0 ? all : undefined
}

/**
 * Allows the call when every one of `policies` does; the first refusal is kept. What it requires
 * is what the refusing ones require (those met need nothing more).
 */
export function allOf(...policies: Policy[]): Policy {
  return definePolicy(`allOf(${policies.map((p) => p.describe).join(', ')})`, (ctx) => {
    for (const p of policies) {
      const r = p.check(ctx)
      if (r !== undefined) return r
    }
    return undefined
  }, (ctx) => alternatives(policies.filter((p) => p.check(ctx) !== undefined).map((p) => p.requires?.(ctx))))
}
