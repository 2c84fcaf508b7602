import { z } from 'zod'
import { defineMethod, role } from 'saksi'
import type { Verification } from './records.js'
import { VERIFIER_ROLE } from './roles.js'
import { Did, Evidence } from './schemas.js'
import { readCitizen, readKeyRecord, writeCitizen } from './state.js'
import { IDENTITY_ERROR_CODES } from './codes.js'

/**
 * `identity.verifyCitizen {did, evidence}`: an official with the `identity.verifier` role marks a
 * registered citizen verified, recording how (and at most a keyed hash of the NIK).
 */
export const verifyCitizen = defineMethod(IDENTITY_ERROR_CODES, {
  description: 'Marks a registered citizen verified (officials with identity.verifier).',
  args: z.strictObject({ did: Did, evidence: Evidence }),
  allow: role(VERIFIER_ROLE),
  run(ctx, { did, evidence }) {
    if (did === ctx.caller) ctx.fail('IDENTITY_SELF_VERIFICATION', 'an official may not verify their own identity')
    if (readKeyRecord(ctx.state, did)) ctx.fail('IDENTITY_KEY_REVOKED', `${did} was revoked or rotated away`)
    const citizen = readCitizen(ctx.state, did) ?? ctx.fail('IDENTITY_NOT_FOUND', `${did} is not a registered citizen`)
    if (citizen.status === 'verified') ctx.fail('IDENTITY_ALREADY_VERIFIED', `${did} is already verified`)
    // Protocol times have one fixed format, so string order is time order.
    if (evidence.checkedAt !== undefined && evidence.checkedAt > ctx.time.iso) {
      ctx.fail('IDENTITY_EVIDENCE_INVALID', 'evidence.checkedAt is after the block time')
    }
    const verification: Verification = { by: ctx.caller, at: ctx.time.iso, method: evidence.method }
    if (evidence.checkedAt !== undefined) verification.checkedAt = evidence.checkedAt
    if (evidence.nikHash !== undefined) verification.nikHash = evidence.nikHash
    writeCitizen(ctx.state, did, { ...citizen, status: 'verified', verification })
    ctx.emit('identity.CitizenVerified', { did, by: ctx.caller, method: evidence.method })
  },
})
