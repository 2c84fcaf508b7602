import { AuthorizationError, ConflictError, NotFoundError, SaksiError, StorageError, ValidationError, VerificationError, type ErrorKind } from '../errors.js'
import type { CodeTable } from './define-codes.js'

/**
 * Builds the error of a kind, of the class the kind calls for (`ValidationError` for `validation`,
 * `NotFoundError` for `not_found`, ..., a plain `SaksiError` for `internal`).
 * @param kind the failure kind
 * @param code the stable code
 * @param message human-readable detail
 * @param details structured context (never secrets or personal data)
 * @returns the error, for the caller to throw
 */
export function errorOfKind(kind: ErrorKind, code: string, message: string, details?: Record<string, unknown>): SaksiError {
  switch (kind) {
    case 'validation':
      return new ValidationError(code, message, details)
    case 'authorization':
      return new AuthorizationError(code, message, details)
    case 'not_found':
      return new NotFoundError(code, message, details)
    case 'conflict':
      return new ConflictError(code, message, details)
    case 'verification':
      return new VerificationError(code, message, details)
    case 'storage':
      return new StorageError(code, message, details)
    default:
      return new SaksiError(code, message, details, kind)
  }
}

/**
 * Builds the error for a code of a table, of the class its kind calls for ({@link errorOfKind}).
 * @param table the table that declares the code
 * @param code the code
 * @param message human-readable detail (defaults to the code's English message)
 * @param details structured context (never secrets or personal data)
 * @returns the error, for the caller to throw
 */
export function codedError<C extends string>(table: CodeTable<C>, code: C, message?: string, details?: Record<string, unknown>): SaksiError {
  const spec = table[code]
  return errorOfKind(spec.kind, code, message ?? spec.en, details)
}
