import { errorOfKind, type ErrorCatalogue, type SaksiError } from '../core/index.js'

/**
 * Builds the error for any code Saksi gives, of the kind the catalogue declares for it (e.g. a
 * contract's code read from a receipt). A code the catalogue does not hold is a `ValidationError`.
 * @param catalogue the catalogue that knows the code (`catalogueOf`)
 * @param code the stable code
 * @param message human-readable detail (defaults to the code's English message)
 * @param details structured context for the client
 * @returns the error, for the caller to throw
 */
export function catalogueError(catalogue: ErrorCatalogue, code: string, message?: string, details?: Record<string, unknown>): SaksiError {
  const spec = catalogue.get(code)
  return errorOfKind(spec?.kind ?? 'validation', code, message ?? spec?.en ?? code, details)
}
