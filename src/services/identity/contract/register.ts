import { z } from 'zod'
import { anyone, defineMethod } from 'saksi'
import type { CitizenRecord } from './records.js'
import { displayText } from './schemas.js'
import { readCitizen, writeCitizen } from './state.js'
import { IDENTITY_ERROR_CODES } from './codes.js'

/**
 * `identity.register {name}` (PROTOCOL section 8): any key records itself as an unverified citizen.
 * Fails with `IDENTITY_EXISTS` if the signer is already registered.
 */
export const register = defineMethod(IDENTITY_ERROR_CODES, {
  description: 'Registers the signer as an unverified citizen identity.',
  args: z.strictObject({ name: displayText(100) }),
  allow: anyone,
  run(ctx, { name }) {
    if (readCitizen(ctx.state, ctx.caller)) ctx.fail('IDENTITY_EXISTS', 'this key is already registered')
    const record: CitizenRecord = { did: ctx.caller, name, status: 'unverified', registeredAt: ctx.time.iso }
    writeCitizen(ctx.state, ctx.caller, record)
    ctx.emit('identity.Registered', { did: ctx.caller, name })
  },
})
