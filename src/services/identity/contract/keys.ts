import { z } from 'zod'
import { anyone, defineMethod, self } from 'saksi'
import type { KeyRecord } from './records.js'
import { verifyRotationProof } from './rotation-proof.js'
import { Did, Signature, displayText } from './schemas.js'
import { deleteMember, memberOrgs, readCitizen, readKeyRecord, readMember, writeCitizen, writeKeyRecord, writeMember } from './state.js'
import { IDENTITY_ERROR_CODES } from './codes.js'

/**
 * `identity.rotateKey {newDid, proof}`: the signer hands its citizen identity and memberships to a
 * new key, which proves possession by signing `saksi/rotate/v1\n` ‖ old did ‖ `\n` ‖ new did. The
 * old key can no longer act anywhere.
 */
export const rotateKey = defineMethod(IDENTITY_ERROR_CODES, {
  description: "Moves the signer's identity and memberships to a new key that proves possession.",
  args: z.strictObject({ newDid: Did, proof: Signature }),
  allow: anyone,
  run(ctx, { newDid, proof }) {
    const old = ctx.caller
    if (newDid === old) ctx.fail('IDENTITY_KEY_IN_USE', 'newDid is the current key')
    if (readCitizen(ctx.state, newDid) || readKeyRecord(ctx.state, newDid) || memberOrgs(ctx.state, newDid).length > 0) {
      ctx.fail('IDENTITY_KEY_IN_USE', `${newDid} already holds an identity, a membership or a key record`)
    }
    const citizen = readCitizen(ctx.state, old)
    const orgs = memberOrgs(ctx.state, old)
    if (!citizen && orgs.length === 0) ctx.fail('IDENTITY_NOT_FOUND', 'this key holds no identity or membership to rotate')
    if (!verifyRotationProof(old, newDid, proof)) ctx.fail('IDENTITY_ROTATION_PROOF_INVALID', 'proof is not a signature by newDid over the rotation message')
    if (citizen) {
      writeCitizen(ctx.state, old, undefined)
      writeCitizen(ctx.state, newDid, { ...citizen, did: newDid, rotatedFrom: old })
    }
    for (const org of orgs) {
      const m = readMember(ctx.state, org, old)!
      deleteMember(ctx.state, org, old)
      writeMember(ctx.state, { ...m, did: newDid })
    }
    writeKeyRecord(ctx.state, { did: old, status: 'rotated', successor: newDid, at: ctx.time.iso })
    ctx.emit('identity.KeyRotated', { from: old, to: newDid })
  },
})

/**
 * `identity.revokeKey {did, reason?}`: the holder revokes its own key (e.g. a lost or compromised
 * phone). A revoked key can no longer act anywhere. Only the holder may do this: an organisation
 * admin ends a member's roles in its own organisation with `removeMember` or `setRoles`, which
 * never touches the key itself or its other memberships. Revocation is never refused for keeping
 * an admin (a compromised key must be stoppable).
 */
export const revokeKey = defineMethod(IDENTITY_ERROR_CODES, {
  description: 'Revokes the signer’s own key everywhere (the holder only).',
  args: z.strictObject({ did: Did, reason: displayText(200).optional() }),
  allow: self('did'),
  run(ctx, { did, reason }) {
    // Defensive: the policy makes did the caller, and the runtime refuses a dead caller first.
    if (readKeyRecord(ctx.state, did)) ctx.fail('IDENTITY_KEY_REVOKED', `${did} was already revoked or rotated away`)
    const record: KeyRecord = { did, status: 'revoked', by: ctx.caller, at: ctx.time.iso }
    if (reason !== undefined) record.reason = reason
    writeKeyRecord(ctx.state, record)
    ctx.emit('identity.KeyRevoked', reason === undefined ? { did, by: ctx.caller } : { did, by: ctx.caller, reason })
  },
})
