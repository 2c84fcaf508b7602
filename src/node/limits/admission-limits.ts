import { z } from 'zod'
import { ValidationError, type JsonObject } from 'saksi'

/** A token bucket: `burst` tokens at most, refilled at `perSecond`. */
export interface RateLimit {
  burst: number
  perSecond: number
}

/**
 * The node's admission limits (PROTOCOL-NOTES "Admission limits"). Admission only: they decide
 * what reaches the log, never how a logged call executes, so changing them cannot make a replay
 * diverge. `null` turns a limit off.
 */
export interface AdmissionLimits {
  /** Per signer (after its signature verifies): one token per transaction. */
  perKey: RateLimit | null
  /** Per client address (IPv4, or IPv6 /64): one token per started KiB of envelope. */
  perClient: RateLimit | null
  /** Committed failed calls a signer may have per UTC day before its calls are refused. */
  failedCallsPerDay: number | null
  /** Most bytes of `tx.args` (JCS) for a method that declares no `maxArgsBytes` of its own. */
  maxArgsBytes: number | null
  /** Whether a key the directory does not know may call `identity.register` only. */
  registeredOnly: boolean
  /** Most keys (and, apart, clients and failing signers) tracked at once; the least recent go first. */
  tracked: number
}

/** The defaults, for a network whose genesis has no `admission` section. */
export const DEFAULT_ADMISSION_LIMITS: Readonly<AdmissionLimits> = Object.freeze({
  perKey: Object.freeze({ burst: 500, perSecond: 50 }),
  perClient: Object.freeze({ burst: 4_000, perSecond: 400 }),
  failedCallsPerDay: 1_000,
  maxArgsBytes: 16 * 1024,
  registeredOnly: true,
  tracked: 100_000,
})

/** No limit at all (benchmarks). The registered-signer rule stays: it is not a rate. */
export const NO_RATE_LIMITS: Partial<AdmissionLimits> = Object.freeze({ perKey: null, perClient: null, failedCallsPerDay: null })

const Rate = z.strictObject({ burst: z.number().int().min(1).max(1e9), perSecond: z.number().positive().max(1e9) }).nullable()

/** The genesis document's optional `admission` section: any of the fields, the rest default. */
export const AdmissionSection = z
  .strictObject({
    perKey: Rate,
    perClient: Rate,
    failedCallsPerDay: z.number().int().min(1).nullable(),
    maxArgsBytes: z.number().int().min(2).nullable(),
    registeredOnly: z.boolean(),
    tracked: z.number().int().min(1).max(10_000_000),
  })
  .partial()

/**
 * The limits a node applies: the defaults, then the genesis document's `admission` section (the
 * network's own), then the node's options (an operator's, or a test's).
 * @throws ValidationError `GENESIS_INVALID` for a malformed section or option
 */
export function resolveAdmissionLimits(genesis: JsonObject, options: Partial<AdmissionLimits> = {}): AdmissionLimits {
  const parse = (value: unknown, where: string) => {
    const r = AdmissionSection.safeParse(value)
    if (r.success) return r.data
    const issue = r.error.issues[0]!
    throw new ValidationError('GENESIS_INVALID', `${where}.${issue.path.join('.')}: ${issue.message}`)
  }
  const section = genesis.admission === undefined ? {} : parse(genesis.admission, 'genesis.admission')
  return { ...DEFAULT_ADMISSION_LIMITS, ...section, ...parse(options, 'options.admission') }
}
