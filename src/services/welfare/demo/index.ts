/** The welfare service's demo step. */
export { welfareDemo } from './welfare-demo.js'
