/**
 * The welfare (bansos) service: programmes with rules as data, households with personal data in
 * the vault, decisions and appeals, disbursement through the payment outbox (README.md).
 */
import { welfare } from './contract/index.js'
import { welfareRoutes } from './api/welfare-routes.js'
import { welfareCommand } from './cli/welfare-command.js'
import { welfareDemo } from './demo/welfare-demo.js'
import { defineService } from '../service.js'

/** The welfare service's descriptor. */
export const welfareService = defineService({ name: 'welfare', contract: welfare, routes: welfareRoutes, commands: [welfareCommand], demo: welfareDemo })
