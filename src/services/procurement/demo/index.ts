/** The procurement service's demo step. */
export { procurementDemo } from './procurement-demo.js'
