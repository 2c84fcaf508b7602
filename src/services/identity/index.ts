/**
 * The identity service: organisations, members and roles, citizens, key rotation. It has no
 * routes of its own (its queries are served by `/v1/contracts`) and no commands; its demo step
 * appoints the officials and registers the citizens every later step needs.
 */
import { identity } from './contract/index.js'
import { identityDemo } from './demo/index.js'
import { defineService } from '../../cli/index.js'

/** The identity service's descriptor. */
export const identityService = defineService({ name: 'identity', contract: identity, demo: identityDemo })
