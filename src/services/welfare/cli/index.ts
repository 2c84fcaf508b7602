/** The welfare service's commands (`saksi welfare`). */
export { welfareCommand } from './welfare-command.js'
