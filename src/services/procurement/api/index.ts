/** The procurement service's HTTP routes (`/v1/procurement`). */
export { procurementRoutes, type ProcurementOptions } from './procurement-routes.js'
