/**
 * Codes the client itself gives, beside the node's protocol codes (`TX_NOT_FOUND`, `TX_DUPLICATE`,
 * ...) that a {@link SaksiApiError} carries as they came. Each is stable.
 */
export const CLIENT_ERROR_CODES = {
  CLIENT_URL_INVALID: 'the node URL is not an http or https URL',
  CLIENT_NETWORK: 'no answer: nothing listens there, the name does not resolve, or the connection broke',
  CLIENT_TIMEOUT: 'no answer within the client timeout',
  CLIENT_ABORTED: "the caller's signal aborted the request",
  CLIENT_HTTP_STATUS: 'the node answered a status the action does not expect, without a protocol error body',
  CLIENT_NOT_JSON: 'the node answered a body that is not JSON where the action expects JSON',
  CLIENT_WAIT_TIMEOUT: 'the transaction was not committed within the wait',
} as const

/** A code the client gives. */
export type ClientErrorCode = keyof typeof CLIENT_ERROR_CODES
