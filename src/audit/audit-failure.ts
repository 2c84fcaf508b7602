import { SaksiNetworkError } from 'saksi/client'
import { AUDIT_ERROR_CODES, SaksiError } from 'saksi'

/**
 * The first thing an audit found wrong: what (`where`: `block 7`, `entry 41`, `checkpoint of block 7`,
 * `state identity/citizen/...`, `genesis`, `network`), a stable code, and why.
 */
export class AuditFailure extends SaksiError {
  /** What does not verify, e.g. `entry 41`. */
  readonly where: string

  /**
   * @param where what does not verify
   * @param code stable code
   * @param message why
   */
  constructor(where: string, code: string, message: string) {
    super(code, `${where}: ${code}: ${message}`, { where }, 'verification')
    this.name = 'AuditFailure'
    this.where = where
  }
}

/**
 * The audit could not read its source (a node that cannot be reached, a node that serves no
 * genesis document): no verdict either way, unlike an {@link AuditFailure}.
 */
export class AuditSourceUnavailable extends SaksiError {
  /** @param message what could not be read, and what to do */
  constructor(message: string) {
    super('AUDIT_SOURCE_UNAVAILABLE', message, undefined, AUDIT_ERROR_CODES.AUDIT_SOURCE_UNAVAILABLE.kind)
    this.name = 'AuditSourceUnavailable'
  }
}

/** True for an error that leaves an audit without a verdict (see {@link AuditSourceUnavailable}). */
export function isNoVerdict(e: unknown): boolean {
  return e instanceof AuditSourceUnavailable || e instanceof SaksiNetworkError
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
    if (isNoVerdict(e)) throw e
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
