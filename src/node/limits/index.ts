/** The node's admission limits (PROTOCOL-NOTES "Admission limits"). Import them from here. */
export { AdmissionGuard, type AdmissionGuardOptions, type CommittedCall } from './admission-guard.js'
export { DEFAULT_ADMISSION_LIMITS, NO_RATE_LIMITS, AdmissionSection, resolveAdmissionLimits, type AdmissionLimits, type RateLimit } from './admission-limits.js'
