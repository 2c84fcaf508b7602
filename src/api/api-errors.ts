import { API_ERROR_CODES, codedError, type ApiErrorCode, type SaksiError } from 'saksi'

/** Codes the HTTP layer itself gives; the table lives in core for browser-safe clients. */
export { API_ERROR_CODES, type ApiErrorCode }

/**
 * Builds the error for an API code, of the kind its table gives; the error handler gives it its status.
 * @param code the stable code
 * @param message human-readable explanation (defaults to the code's English message)
 * @param details structured context for the client
 * @returns the error, to be thrown or sent
 */
export function apiError(code: ApiErrorCode, message?: string, details?: Record<string, unknown>): SaksiError {
  return codedError(API_ERROR_CODES, code, message, details)
}
