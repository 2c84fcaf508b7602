/** The client's own codes: the table is core's, so that the message catalogue holds them. */
export { CLIENT_ERROR_CODES, type ClientErrorCode } from '../../core/index.js'
