import { AuthorizationError, SaksiError, formatTime, type DidKey, type ParsedEnvelope, type Policy, type PolicyRequest, type Refusal, type Runtime } from 'saksi'
import type { FailedCallStore } from '../../store/index.js'
import type { AdmissionLimits } from './admission-limits.js'
import { argsBytes } from './args-size.js'
import { clientId } from './client-id.js'
import { FailedCallCap } from './failed-call-cap.js'
import { rateLimited } from './rate-limited.js'
import { KnownSigners, PendingRegistrations, REGISTER_CALL, knownSigner } from './registered-signer.js'
import { TokenBuckets } from './token-buckets.js'

/** What an {@link AdmissionGuard} needs from the node. */
export interface AdmissionGuardOptions {
  limits: AdmissionLimits
  runtime: Runtime
  /** Checks a policy on committed state (`SaksiNode.authorize`). */
  authorize: (policy: Policy, request: PolicyRequest) => Promise<Refusal | undefined>
  now: () => number
  /** Where failed calls are counted durably (a data directory's `requests.sqlite`); default: memory only. */
  failedCalls?: FailedCallStore
  /** Told when the failed-call store cannot be read or written. */
  onError?: (error: unknown) => void
}

/** A committed transaction as the guard counts it. */
export interface CommittedCall {
  txId: string
  status: 'ok' | 'failed'
}

/**
 * The admission limits of finding 3 of issue 12 (PROTOCOL-NOTES "Admission limits"): per-client
 * and per-key token buckets, the daily cap on a signer's committed failed calls, per-method argument
 * sizes, and the rule that an unknown key may only register. They decide what is admitted, never
 * how a committed call executes. What depends on the signer runs after its signature verified, so
 * that a forged `tx.signer` cannot spend someone else's allowance.
 */
export class AdmissionGuard {
  readonly #o: AdmissionGuardOptions
  readonly #clients: TokenBuckets | undefined
  readonly #keys: TokenBuckets | undefined
  readonly #failed: FailedCallCap | undefined
  readonly #registering = new PendingRegistrations()
  readonly #known: KnownSigners
  readonly #registeredOnly: boolean

  constructor(options: AdmissionGuardOptions) {
    const { limits } = options
    this.#o = options
    this.#clients = limits.perClient ? new TokenBuckets(limits.perClient, limits.tracked) : undefined
    this.#keys = limits.perKey ? new TokenBuckets(limits.perKey, limits.tracked) : undefined
    this.#failed = limits.failedCallsPerDay ? new FailedCallCap(limits.failedCallsPerDay, limits.tracked, options.failedCalls, options.onError) : undefined
    this.#known = new KnownSigners(limits.tracked)
    // Without a directory contract nobody is known: the rule would refuse everything.
    this.#registeredOnly = limits.registeredOnly && [...options.runtime.contracts.values()].some((c) => c.directory !== undefined)
  }

  /**
   * The checks that need no signature: the client's bucket (one token per started KiB of the
   * transaction) and the method's argument size.
   * @param client the client's address, when the transaction came over the network
   * @throws SaksiError `RATE_LIMITED` (429, details.scope `client`), `ARGS_TOO_LARGE` (413)
   */
  beforeSignature(parsed: ParsedEnvelope, client: string | undefined): void {
    if (client !== undefined && this.#clients) {
      const ms = this.#clients.take(clientId(client), Math.ceil(parsed.signingInput.byteLength / 1024), this.#o.now())
      if (ms > 0) throw rateLimited('client', ms, 'too many transactions from this client address')
    }
    const { contract, method } = parsed.envelope.tx
    const limit = this.#o.runtime.contracts.get(contract)?.methods.get(method)?.maxArgsBytes ?? this.#o.limits.maxArgsBytes
    if (limit === null) return
    const bytes = argsBytes(parsed)
    if (bytes > limit) throw new SaksiError('ARGS_TOO_LARGE', `the arguments of ${contract}.${method} take ${bytes} bytes; at most ${limit} are admitted`, { bytes, limit })
  }

  /**
   * The checks of a verified signer: registered (or registering), under today's failed-call cap,
   * and with a token in its bucket. An admitted registration is remembered until it commits.
   * @throws SaksiError `SIGNER_NOT_REGISTERED` (422), `RATE_LIMITED` (429, details.scope `key` or `failed-calls`)
   */
  async afterSignature(parsed: ParsedEnvelope): Promise<void> {
    const { signer, contract, method } = parsed.envelope.tx
    const now = this.#o.now()
    const registering = contract === REGISTER_CALL.contract && method === REGISTER_CALL.method
    // Awaited only when the directory must be asked: a registration is recorded in the same turn,
    // before a call of the same key admitted right after it looks.
    if (this.#unknown(parsed)) await this.checkSigner(parsed)
    const capped = this.#failed?.refusal(signer, now)
    if (capped !== undefined) throw rateLimited('failed-calls', capped * 1000, `this key has ${this.#o.limits.failedCallsPerDay} failed calls today, the most a day`)
    const ms = this.#keys?.take(signer, 1, now) ?? 0
    if (ms > 0) throw rateLimited('key', ms, 'too many transactions from this key')
    if (registering && this.#registeredOnly) this.#registering.add(parsed.txId, signer)
  }

  /**
   * The rule that an unknown key may only register (or have a registration admitted), alone: what
   * a simulation checks of the signer (it spends no allowance).
   * @throws SaksiError `SIGNER_NOT_REGISTERED` (422)
   */
  async checkSigner(parsed: ParsedEnvelope): Promise<void> {
    if (!this.#unknown(parsed)) return
    const { signer, contract, method } = parsed.envelope.tx
    const now = this.#o.now()
    const refusal = await this.#o.authorize(knownSigner, { caller: signer as DidKey, contract, method, args: {}, time: { iso: formatTime(now), ms: now } })
    if (refusal) throw new AuthorizationError(refusal.code, refusal.message, { signer })
    this.#known.add(signer)
  }

  // Whether the registered-signer rule must ask the directory about this call's signer.
  #unknown(parsed: ParsedEnvelope): boolean {
    const { signer, contract, method } = parsed.envelope.tx
    const registering = contract === REGISTER_CALL.contract && method === REGISTER_CALL.method
    return this.#registeredOnly && !registering && !this.#registering.has(signer) && !this.#known.has(signer)
  }

  /**
   * Takes a committed block's outcome: counts its failed calls against their signers' cap.
   * @param txs the block's transactions (for their signers)
   * @param receipts their receipts
   * @param blockMs the block time
   */
  committed(txs: readonly ParsedEnvelope[], receipts: readonly CommittedCall[], blockMs: number): void {
    for (const t of txs) this.#registering.settle(t.txId)
    this.#known.committed(txs.map((t) => t.envelope.tx))
    if (!this.#failed || !receipts.some((r) => r.status === 'failed')) return
    const signers = new Map(txs.map((t) => [t.txId, t.envelope.tx.signer]))
    this.#failed.committed(
      receipts.flatMap((r) => (r.status === 'failed' ? [signers.get(r.txId)!] : [])),
      blockMs,
    )
  }

  /** Forgets transactions that left the queue uncommitted (expired, or a block that failed to commit). */
  released(txs: readonly ParsedEnvelope[]): void {
    for (const t of txs) this.#registering.settle(t.txId)
  }
}
