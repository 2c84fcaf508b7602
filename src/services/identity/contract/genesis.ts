import { z } from 'zod'
import type { JsonObject } from 'saksi'
import { ValidationError, describeIssue, type GenesisContext } from 'saksi'
import type { Organisation } from './records.js'
import { ORG_ADMIN_ROLE, grantableRoles, mayGrant } from './roles.js'
import { Did, Grants, OrgId, OrgKind, Roles, displayText } from './schemas.js'
import { writeMember, writeOrganisation } from './state.js'

/**
 * The part of the genesis document the identity contract reads; other fields (`network`,
 * `origin`, `time`, ...) belong to the node. Each organisation has at least one admin; `grants`
 * lists the roles its admins may grant besides `identity.admin` (absent: none), and its genesis
 * members may hold only those.
 */
export const IdentityGenesis = z.object({
  organisations: z
    .array(
      z.strictObject({
        id: OrgId,
        name: displayText(200),
        kind: OrgKind.optional(),
        admins: z.array(Did).min(1),
        grants: Grants.optional(),
        members: z.array(z.strictObject({ did: Did, roles: Roles })).optional(),
      }),
    )
    .default([]),
})

function refuse(message: string): never {
  throw new ValidationError('GENESIS_INVALID', `identity genesis: ${message}`)
}

/**
 * Seeds organisations (with their grants), their admins (role `identity.admin`) and optional
 * members from the genesis document. Deterministic: the writes depend only on the document and
 * the genesis time. A document without `grants` seeds exactly the state it did before grants
 * existed.
 * @throws ValidationError `GENESIS_INVALID` for a malformed document, a repeated organisation or
 * member, or a member holding a role its organisation may not grant
 */
export function identityGenesis(ctx: GenesisContext, doc: JsonObject): void {
  const parsed = IdentityGenesis.safeParse(doc)
  if (!parsed.success) refuse(describeIssue(parsed.error.issues, 'genesis'))
  const ids = new Set<string>()
  for (const o of parsed.data.organisations) {
    if (ids.has(o.id)) refuse(`organisation ${o.id} appears twice`)
    ids.add(o.id)
    const org: Organisation = { id: o.id, name: o.name, createdAt: ctx.time.iso }
    if (o.grants !== undefined && o.grants.length > 0) org.grants = [...o.grants].sort()
    // Absent when the document does not say: a document from before kinds seeds the same state.
    if (o.kind !== undefined) org.kind = o.kind
    writeOrganisation(ctx.state, org)
    const people = [...o.admins.map((did) => ({ did, roles: [ORG_ADMIN_ROLE] })), ...(o.members ?? [])]
    const seen = new Set<string>()
    for (const p of people) {
      if (seen.has(p.did)) refuse(`${p.did} appears twice in organisation ${o.id}`)
      seen.add(p.did)
      const denied = p.roles.find((r) => !mayGrant(org, r))
      if (denied !== undefined) {
        refuse(`member ${p.did} of organisation ${o.id} holds ${denied}, which ${o.id} may not grant (its grants: ${grantableRoles(org).join(', ')}); add it to the organisation's grants`)
      }
      writeMember(ctx.state, { org: o.id, did: p.did, roles: [...p.roles].sort(), since: ctx.time.iso, addedBy: 'genesis' })
    }
  }
}
