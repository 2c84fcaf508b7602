import { z } from 'zod'
import { anyOf, defineMethod, orgAdmin, self } from 'saksi'
import type { Membership, Organisation } from './records.js'
import { ORG_ADMIN_ROLE, grantableRoles, mayGrant } from './roles.js'
import { Did, OrgId, Roles } from './schemas.js'
import { activeAdmins, deleteMember, readKeyRecord, readMember, readOrganisation, writeMember } from './state.js'
import { IDENTITY_ERROR_CODES, type IdentityContext } from './codes.js'

function organisationOf(ctx: IdentityContext, org: string): Organisation {
  return readOrganisation(ctx.state, org) ?? ctx.fail('IDENTITY_ORG_NOT_FOUND', `no organisation ${org}`)
}

function memberOf(ctx: IdentityContext, org: Organisation, did: string): Membership {
  return readMember(ctx.state, org.id, did) ?? ctx.fail('IDENTITY_NOT_MEMBER', `${did} is not a member of ${org.id}`)
}

/** Fails unless `org` may grant every one of `roles` (declared in the genesis document). */
function onlyGrantable(ctx: IdentityContext, org: Organisation, roles: readonly string[]): void {
  const denied = roles.find((r) => !mayGrant(org, r))
  if (denied !== undefined) {
    ctx.fail('IDENTITY_ROLE_NOT_GRANTABLE', `organisation ${org.id} may not grant ${denied} (its grants: ${grantableRoles(org).join(', ')})`)
  }
}

/** Fails unless `org` keeps an admin with an active key once `did` no longer administers it. */
function keepAnAdmin(ctx: IdentityContext, org: string, did: string): void {
  if (activeAdmins(ctx.state, org).every((a) => a === did)) ctx.fail('IDENTITY_LAST_ADMIN', `${org} would have no admin left`)
}

/**
 * `identity.addMember {org, did, roles}`: an admin of `org` adds a member with roles the
 * organisation may grant (`identity.admin` and its genesis `grants`).
 */
export const addMember = defineMethod(IDENTITY_ERROR_CODES, {
  description: 'Adds a key to an organisation with roles the organisation may grant (admins only).',
  args: z.strictObject({ org: OrgId, did: Did, roles: Roles }),
  allow: orgAdmin,
  run(ctx, { org, did, roles }) {
    onlyGrantable(ctx, organisationOf(ctx, org), roles)
    if (readMember(ctx.state, org, did)) ctx.fail('IDENTITY_MEMBER_EXISTS', `${did} is already a member of ${org}`)
    if (readKeyRecord(ctx.state, did)) ctx.fail('IDENTITY_KEY_REVOKED', `${did} was revoked or rotated away`)
    const sorted = [...roles].sort()
    writeMember(ctx.state, { org, did, roles: sorted, since: ctx.time.iso, addedBy: ctx.caller })
    ctx.emit('identity.MemberAdded', { org, did, roles: sorted, by: ctx.caller })
  },
})

/**
 * `identity.removeMember {org, did}`: an admin of `org` removes a member, or a member leaves (so a
 * key added without its consent can undo it). Only that membership goes: the key, its citizen
 * record and its other memberships stay. Never removes the last admin with an active key.
 */
export const removeMember = defineMethod(IDENTITY_ERROR_CODES, {
  description: 'Removes a member from an organisation (its admins, or the member itself; never the last admin).',
  args: z.strictObject({ org: OrgId, did: Did }),
  allow: anyOf(orgAdmin, self('did')),
  run(ctx, { org, did }) {
    const m = memberOf(ctx, organisationOf(ctx, org), did)
    if (m.roles.includes(ORG_ADMIN_ROLE)) keepAnAdmin(ctx, org, did)
    deleteMember(ctx.state, org, did)
    ctx.emit('identity.MemberRemoved', { org, did, by: ctx.caller })
  },
})

/**
 * `identity.setRoles {org, did, roles}`: an admin of `org` replaces a member's roles with roles the
 * organisation may grant.
 */
export const setRoles = defineMethod(IDENTITY_ERROR_CODES, {
  description: "Replaces a member's roles with roles the organisation may grant (admins only; the last admin keeps identity.admin).",
  args: z.strictObject({ org: OrgId, did: Did, roles: Roles }),
  allow: orgAdmin,
  run(ctx, { org, did, roles }) {
    const o = organisationOf(ctx, org)
    const m = memberOf(ctx, o, did)
    onlyGrantable(ctx, o, roles)
    const sorted = [...roles].sort()
    if (m.roles.includes(ORG_ADMIN_ROLE) && !sorted.includes(ORG_ADMIN_ROLE)) keepAnAdmin(ctx, org, did)
    writeMember(ctx.state, { ...m, roles: sorted })
    ctx.emit('identity.RolesSet', { org, did, roles: sorted, by: ctx.caller })
  },
})
