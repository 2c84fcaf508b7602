import { SaksiError } from 'saksi'

/**
 * What a `RATE_LIMITED` refusal limited (its `details.scope`): a signer's or a client's admission
 * bucket, a signer's failed calls today, a client's sign-in bucket, a client's outstanding
 * sign-in challenges.
 */
export type RateLimitScope = 'key' | 'client' | 'failed-calls' | 'sign-in' | 'challenges'

/**
 * A `RATE_LIMITED` refusal (429): the API answers `details.retryAfterSeconds` as `Retry-After`.
 * @param scope what was limited
 * @param ms how long until the caller may try again, in ms (at least 1 s is advised)
 * @param message why, without the wait (added here)
 */
export function rateLimited(scope: RateLimitScope, ms: number, message: string): SaksiError {
  const retryAfterSeconds = Math.max(1, Math.ceil(ms / 1000))
  return new SaksiError('RATE_LIMITED', `${message}; retry after ${retryAfterSeconds} s`, { scope, retryAfterSeconds })
}
