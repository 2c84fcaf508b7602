import { ERROR_CODE_PATTERN, SaksiError, type ErrorKind } from '../errors.js'

/** Longest failure message recorded in an entry; longer ones are cut. */
export const MAX_FAILURE_MESSAGE_LENGTH = 500

/**
 * A contract call or query that fails with a stable code. `ctx.fail` throws one; the runtime turns
 * it into a `failed` result (for calls) or a coded error (for queries).
 */
export class ContractFailure extends SaksiError {
  /**
   * @param code stable upper-case code, e.g. `IDENTITY_EXISTS`
   * @param message human-readable explanation (recorded in the entry; keep personal data out)
   * @param kind the failure kind, for queries answered over HTTP (default `validation`)
   */
  constructor(code: string, message?: string, kind: ErrorKind = 'validation') {
    super(code, message ?? code, undefined, kind)
  }
}

/** True when `code` may be recorded: upper-case words joined by underscores, at most 64 characters. */
export function isFailureCode(code: unknown): code is string {
  return typeof code === 'string' && code.length <= 64 && ERROR_CODE_PATTERN.test(code)
}

/** A message as it may be recorded: well-formed UTF-16, at most {@link MAX_FAILURE_MESSAGE_LENGTH} characters. */
export function recordableMessage(message: unknown): string | undefined {
  if (typeof message !== 'string' || message === '') return undefined
  const m = message.toWellFormed()
  return m.length <= MAX_FAILURE_MESSAGE_LENGTH ? m : m.slice(0, MAX_FAILURE_MESSAGE_LENGTH - 1).toWellFormed() + '…'
}
