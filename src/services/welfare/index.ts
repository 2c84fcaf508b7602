/**
 * The welfare (bansos) service: programmes with rules as data, households with personal data in
 * the vault, decisions and appeals, disbursement through the payment outbox (README.md).
 */
import { welfare } from './contract/index.js'
import { welfareRoutes } from './api/index.js'
import { welfareCommand } from './cli/index.js'
import { welfareDemo } from './demo/index.js'
import { defineService } from '../../cli/index.js'

/** The welfare service's descriptor. */
export const welfareService = defineService({ name: 'welfare', contract: welfare, routes: welfareRoutes, commands: [welfareCommand], demo: welfareDemo })
