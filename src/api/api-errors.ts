import { SaksiError, type ErrorKind } from '../core/index.js'

/**
 * Codes the HTTP layer itself gives, beside the node's (`TX_*`, `JSON_*`, `NODE_*`, `*_NOT_FOUND`,
 * ...). Each is stable and listed with its status in src/api/README.md.
 */
export const API_ERROR_CODES = {
  PARAM_INVALID: 'a path parameter, query parameter or header does not have the form the route takes',
  PARAM_MISSING: 'a required query parameter is missing',
  PARAM_UNKNOWN: 'a query parameter the route does not define is present',
  PARAM_REPEATED: 'a query parameter is given more than once',
  REQUEST_INVALID: 'the request fails the route schema in some other way',
  REQUEST_MALFORMED: 'the request is not well-formed HTTP, or its URL cannot be decoded',
  REQUEST_TOO_LARGE: 'the request body is larger than the route accepts',
  MEDIA_TYPE_UNSUPPORTED: 'the body is not sent as application/json (UTF-8, no content coding)',
  ROUTE_NOT_FOUND: 'no route has this path',
  METHOD_NOT_ALLOWED: 'the path exists but not with this method (see the Allow header)',
  URI_TOO_LONG: 'a path parameter is longer than any route accepts',
  HEADERS_TOO_LARGE: 'the request headers are too large',
  REQUEST_TIMEOUT: 'the request was not received in time',
  INTERNAL: 'the node failed; nothing about the request was wrong',
} as const

/** A code the HTTP layer gives. */
export type ApiErrorCode = keyof typeof API_ERROR_CODES

const KIND: Partial<Record<ApiErrorCode, ErrorKind>> = {
  ROUTE_NOT_FOUND: 'not_found',
  INTERNAL: 'internal',
}

/**
 * Builds the error for an API code; the error handler gives it its status.
 * @param code the stable code
 * @param message human-readable explanation (defaults to the code's description)
 * @param details structured context for the client
 * @returns the error, to be thrown or sent
 */
export function apiError(code: ApiErrorCode, message?: string, details?: Record<string, unknown>): SaksiError {
  return new SaksiError(code, message ?? API_ERROR_CODES[code], details, KIND[code] ?? 'validation')
}
