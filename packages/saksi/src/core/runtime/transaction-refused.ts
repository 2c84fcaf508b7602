import { SaksiError, type ErrorKind } from '../errors.js'

/**
 * A transaction refused at admission for what its call is or would do (PROTOCOL sections 3 and 7):
 * an unknown contract or method, arguments that fail the schema or hold personal data, or a call
 * with sealed arguments that would fail. The API answers 409 for a conflict and 422 otherwise,
 * whatever status the same code has elsewhere (an unknown contract in a query is a 404).
 */
export class TransactionRefused extends SaksiError {
  /**
   * @param code the refusal's code (a runtime code or the contract's own)
   * @param message what to fix
   * @param details structured context (`path`, `reason`)
   * @param kind the code's kind in its table
   */
  constructor(code: string, message: string, details: Record<string, unknown> | undefined, kind: ErrorKind) {
    super(code, message, details, kind)
  }

}
