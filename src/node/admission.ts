import { ConflictError, SaksiError, VerificationError, checkTxWindow, parseEnvelope } from 'saksi'
import type { Runtime, ParsedEnvelope } from 'saksi'
import type { LedgerStore } from '../store/index.js'
import type { NodeMetrics } from './metrics.js'
import type { SignaturePool } from './signature-pool.js'
import { CommittedCheck } from './committed-check.js'
import type { ArgumentAdmission } from './argument-admission.js'
import type { AdmissionGuard } from './limits/index.js'

/** The rules admission applies. */
export interface AdmissionRules {
  network: string
  maxValiditySeconds: number
  /** Most transactions admitted and not yet committed; beyond it, `NODE_OVERLOADED` (503). */
  maxPending: number
  /** The `Retry-After` advice when overloaded, in seconds. */
  retryAfterSeconds: number
  /** The network's rules version (genesis `rules`, 1 when absent). */
  rules: number
}

/**
 * The door of the node (DESIGN principle 5): a malformed, expired, foreign, screened-out, duplicate
 * or badly signed transaction is refused here with its code and never reaches the log. Cheap checks
 * come first; the signature check runs last, on the worker pool. The pending map is bounded, which is
 * the node's back-pressure.
 */
export class Admission {
  /** Admitted and not yet committed, by txId, with the admission time (ms) for latency metrics. */
  readonly pending = new Map<string, number>()
  readonly #committed: CommittedCheck

  constructor(
    private readonly rules: AdmissionRules,
    private readonly runtime: Runtime,
    store: LedgerStore,
    private readonly args: ArgumentAdmission,
    private readonly pool: SignaturePool,
    private readonly metrics: NodeMetrics,
    private readonly guard: AdmissionGuard,
    private readonly now: () => number = Date.now,
  ) {
    this.#committed = new CommittedCheck(store)
  }

  /**
   * Checks a transaction envelope and reserves its txId.
   * @param client the client's address, when the envelope came over the network (its rate limit)
   * @returns the parsed envelope, to be handed to the orderer
   * @throws SaksiError with the refusal's code
   */
  async admit(body: unknown, client?: string): Promise<ParsedEnvelope> {
    try {
      return await this.#admit(body, client)
    } catch (e) {
      this.metrics.refused.inc({ code: e instanceof SaksiError ? e.code : 'INTERNAL' })
      throw e
    }
  }

  /**
   * The checks of {@link admit} for a simulation (`POST /v1/tx/simulate`): the same refusals, but
   * the txId is not reserved, no failed-call cap or per-key bucket applies (the client's bucket
   * does) and a sealed call is not run here: the caller runs it.
   * @param client the client's address, when the envelope came over the network
   * @returns the parsed envelope
   * @throws SaksiError with the refusal's code, as {@link admit} would
   */
  async simulate(body: unknown, client?: string): Promise<ParsedEnvelope> {
    const { parsed } = this.#door(body, client)
    if (this.pending.has(parsed.txId)) throw new ConflictError('TX_DUPLICATE', 'this transaction is already admitted', { txId: parsed.txId })
    await this.#verify(parsed)
    await this.guard.checkSigner(parsed)
    return parsed
  }

  async #admit(body: unknown, client: string | undefined): Promise<ParsedEnvelope> {
    if (this.pending.size >= this.rules.maxPending) {
      throw new SaksiError('NODE_OVERLOADED', 'the node is at capacity; retry shortly', { retryAfterSeconds: this.rules.retryAfterSeconds }, 'internal')
    }
    const { parsed, sealed } = this.#door(body, client)
    const { txId } = parsed
    if (this.pending.has(txId)) throw new ConflictError('TX_DUPLICATE', 'this transaction is already admitted', { txId })
    // Reserve before the awaits below, so that a concurrent copy is refused as a duplicate.
    this.pending.set(txId, this.now())
    try {
      await this.#verify(parsed)
      await this.guard.afterSignature(parsed)
      if (sealed) await this.args.dryRun(parsed)
    } catch (e) {
      this.pending.delete(txId)
      throw e
    }
    this.metrics.admitted.inc()
    return parsed
  }

  /** The checks that need no signature: parse, network and window, the cheap limits, the arguments. */
  #door(body: unknown, client: string | undefined): { parsed: ParsedEnvelope; sealed: boolean } {
    const parsed = parseEnvelope(body)
    checkTxWindow(parsed, { network: this.rules.network, now: this.now(), maxValiditySeconds: this.rules.maxValiditySeconds })
    // The cheap limits first (the client's bucket, the arguments' size), then the argument checks.
    this.guard.beforeSignature(parsed, client)
    return { parsed, sealed: this.args.check(parsed) }
  }

  /** Not committed already, and signed by `tx.signer`. */
  async #verify(parsed: ParsedEnvelope): Promise<void> {
    const { txId } = parsed
    // Both questions at once: the duplicate check (batched per event-loop turn) and the signature.
    const [committed, signed] = await Promise.all([this.#committed.isCommitted(txId), this.pool.verify(parsed.publicKey, parsed.signingInput, parsed.signature)])
    if (committed) throw new ConflictError('TX_DUPLICATE', 'this transaction is already committed', { txId })
    if (!signed) throw new VerificationError('TX_BAD_SIGNATURE', 'the signature does not verify for tx.signer', { txId })
  }
}
