/** The identity service's demo step. */
export { identityDemo } from './identity-demo.js'
