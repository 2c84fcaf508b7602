import { CliError } from '../cli-error.js'

/**
 * The first thing an audit found wrong: what (`where`: `block 7`, `entry 41`, `checkpoint of block 7`,
 * `state identity/citizen/...`, `genesis`, `network`), a stable code, and why.
 */
export class AuditFailure extends Error {
  /** What does not verify, e.g. `entry 41`. */
  readonly where: string
  /** A stable upper-case code: the core's verification code, or an `AUDIT_*` code. */
  readonly code: string

  /**
   * @param where what does not verify
   * @param code stable code
   * @param message why
   */
  constructor(where: string, code: string, message: string) {
    super(`${where}: ${code}: ${message}`)
    this.name = 'AuditFailure'
    this.where = where
    this.code = code
  }
}

/**
 * Runs `check` and turns any error it throws into an {@link AuditFailure} about `where`.
 * @param where what is being checked
 * @param check the check; its SaksiError code is kept
 * @param fallbackCode code for errors without one
 */
export async function attribute<T>(where: string, check: () => T | Promise<T>, fallbackCode = 'AUDIT_READ_FAILED'): Promise<T> {
  try {
    return await check()
  } catch (e) {
    // A source that cannot be read (an unreachable node) means no verdict, not a failed audit.
    if (e instanceof CliError) throw e
    throw asFailure(where, e, fallbackCode)
  }
}

/**
 * The {@link AuditFailure} for an error thrown while checking `where` (kept as is if it is one already).
 * @param where what was being checked
 * @param e the error
 * @param fallbackCode code for errors without one
 */
export function asFailure(where: string, e: unknown, fallbackCode = 'AUDIT_READ_FAILED'): AuditFailure {
  if (e instanceof AuditFailure) return e
  const code = typeof (e as { code?: unknown })?.code === 'string' && /^[A-Z][A-Z0-9_]*$/.test((e as { code: string }).code) ? (e as { code: string }).code : fallbackCode
  return new AuditFailure(where, code, e instanceof Error ? e.message : String(e))
}
