/** The services of Saksi and their registry. */
export { SERVICES, serviceContracts } from './registry.js'
export { defineService, type ServiceDescriptor } from '../cli/index.js'
export { identityService } from './identity/index.js'
export { welfareService } from './welfare/index.js'
export { procurementService } from './procurement/index.js'
