import type { Contract } from 'saksi'
import { identityService } from './identity/index.js'
import { procurementService } from './procurement/index.js'
import type { ServiceDescriptor } from '../cli/index.js'
import { welfareService } from './welfare/index.js'

/**
 * The services this build of Saksi runs, in order: the one list the node (contracts), the API
 * (routes), the CLI (commands) and the demo (steps) take them from. The order is part of the
 * network: contracts are installed in it, so every node and auditor must use the same list, and
 * demo steps run in it (identity first: the others need its people). Adding a service means
 * adding its descriptor here and nothing else outside its folder (docs/ARCHITECTURE.md).
 */
export const SERVICES: readonly ServiceDescriptor[] = [identityService, welfareService, procurementService]

/**
 * The contracts of the registry's services, in order.
 * @param services default: {@link SERVICES}
 */
export function serviceContracts(services: readonly ServiceDescriptor[] = SERVICES): Contract[] {
  return services.map((s) => s.contract)
}
