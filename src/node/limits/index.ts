/** The node's admission limits (PROTOCOL-NOTES "Admission limits"). Import them from here. */
export { AdmissionGuard, type AdmissionGuardOptions, type CommittedCall } from './admission-guard.js'
export { DEFAULT_ADMISSION_LIMITS, NO_RATE_LIMITS, AdmissionSection, resolveAdmissionLimits, type AdmissionLimits, type RateLimit } from './admission-limits.js'
export { clientId } from './client-id.js'
export { rateLimited, type RateLimitScope } from './rate-limited.js'
export { TokenBuckets } from './token-buckets.js'
