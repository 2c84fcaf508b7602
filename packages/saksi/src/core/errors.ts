/**
 * Saksi's error model. Every failure that can reach a caller carries a stable, upper-case `code`
 * (e.g. `TX_BAD_SIGNATURE`), the same in receipts, the HTTP API and the tests. The API maps the
 * error's `kind` to an HTTP status in one place; nothing else decides status codes.
 */

/** The broad kinds of failure; the API's error handler maps each to a status. */
export type ErrorKind =
  | 'validation'
  | 'authorization'
  | 'not_found'
  | 'conflict'
  | 'verification'
  | 'storage'
  | 'internal'

/** Stable error codes are upper-case words joined by underscores. */
export const ERROR_CODE_PATTERN = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/

/** Base class of every Saksi error. */
export class SaksiError extends Error {
  /** Stable machine-readable code, e.g. `JSON_DUPLICATE_KEY`. */
  readonly code: string
  /** What kind of failure this is; decides the HTTP status. */
  readonly kind: ErrorKind
  /** Extra structured context (field names, limits); never secrets or personal data. */
  readonly details: Record<string, unknown> | undefined

  /**
   * @param code stable upper-case code
   * @param message human-readable explanation
   * @param details structured context for clients
   * @param kind the failure kind (defaults to `validation`)
   */
  constructor(code: string, message: string, details?: Record<string, unknown>, kind: ErrorKind = 'validation') {
    super(message)
    this.name = new.target.name
    this.code = code
    this.kind = kind
    this.details = details
  }
}

/** Input that is malformed or breaks a rule of the protocol. */
export class ValidationError extends SaksiError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, details, 'validation')
  }
}

/** The caller may not do what it asked. */
export class AuthorizationError extends SaksiError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, details, 'authorization')
  }
}

/** The thing asked for does not exist. */
export class NotFoundError extends SaksiError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, details, 'not_found')
  }
}

/** The request conflicts with current state (e.g. a duplicate). */
export class ConflictError extends SaksiError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, details, 'conflict')
  }
}

/** A signature, proof or digest does not verify. */
export class VerificationError extends SaksiError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, details, 'verification')
  }
}

/** The storage layer failed or found corrupt data. */
export class StorageError extends SaksiError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, details, 'storage')
  }
}

/** True when `e` is a SaksiError (of this copy of the module). */
export function isSaksiError(e: unknown): e is SaksiError {
  return e instanceof SaksiError
}
