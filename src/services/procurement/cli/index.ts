/** The procurement service's commands (`saksi procurement`). */
export { procurementCommand } from './procurement-command.js'
