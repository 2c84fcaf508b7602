/**
 * The procurement service: plans, tenders with sealed bids, awards from published criteria,
 * purchase orders, tracked shipments, inspections that release payments, disputes, audit, and the
 * OCDS 1.1 export (README.md).
 */
import { procurement } from './contract/index.js'
import { procurementRoutes, type ProcurementOptions } from './api/index.js'
import { procurementCommand } from './cli/index.js'
import { procurementDemo } from './demo/index.js'
import { defineService } from '../../cli/index.js'

/** The procurement service's descriptor; its options hold the OCDS ocid prefix (default `ocds-saksi`). */
export const procurementService = defineService<ProcurementOptions | undefined>({
  name: 'procurement',
  contract: procurement,
  routes: procurementRoutes,
  options: { ocidPrefix: 'ocds-saksi' },
  commands: [procurementCommand],
  demo: procurementDemo,
})
