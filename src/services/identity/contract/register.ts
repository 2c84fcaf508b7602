import { z } from 'zod'
import { anyone, defineMethod } from 'saksi'
import type { CitizenRecord } from './records.js'
import { displayText } from './schemas.js'
import { readCitizen, writeCitizen } from './state.js'
import { IDENTITY_ERROR_CODES } from './codes.js'

/**
 * `identity.register {}` or `{name}` (PROTOCOL section 8): any key records itself as an unverified
 * citizen. `name` is a public label the registrant chooses (an organisation's or a business's name,
 * a pseudonym), never a person's legal name: a citizen's name goes to the vault, with a commitment
 * on the log. Under rules 1 `name` is required. Fails with `IDENTITY_EXISTS` if the signer is
 * already registered.
 */
export const register = defineMethod(IDENTITY_ERROR_CODES, {
  description: 'Registers the signer as an unverified citizen identity, with an optional public label (never a legal name).',
  args: z.strictObject({ name: displayText(100).optional() }),
  argsUnderRules: { 1: z.strictObject({ name: displayText(100) }) },
  allow: anyone,
  run(ctx, { name }) {
    if (readCitizen(ctx.state, ctx.caller)) ctx.fail('IDENTITY_EXISTS', 'this key is already registered')
    const record: CitizenRecord = name === undefined ? { did: ctx.caller, status: 'unverified', registeredAt: ctx.time.iso } : { did: ctx.caller, name, status: 'unverified', registeredAt: ctx.time.iso }
    writeCitizen(ctx.state, ctx.caller, record)
    ctx.emit('identity.Registered', name === undefined ? { did: ctx.caller } : { did: ctx.caller, name })
  },
})
