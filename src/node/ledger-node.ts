import type { SignedBlock, JsonObject, JsonValue, KeyPair, Policy, PolicyRequest, Refusal, Runtime, Entry } from 'saksi'
import { NotFoundError, SaksiError, ValidationError, consistencyProofAsync, inclusionProofAsync, receiptOf, type Receipt } from 'saksi'
import type { FailedCallStore, LedgerStore } from '../store/index.js'
import { Admission } from './admission.js'
import { ArgumentAdmission } from './argument-admission.js'
import type { BlockProducer } from './block-producer.js'
import type { CommittedState } from './committed-state.js'
import { AdmissionGuard, type AdmissionLimits } from './limits/index.js'
import type { NodeMetrics } from './metrics.js'
import type { Orderer, OrderedBatch } from './orderer.js'
import { ReceiptHub } from './receipt-hub.js'
import { ExecutionTimeout } from './execution-watchdog.js'
import type { NetworkInfo, NodeHalt, NodeHealth, PendingReceipt, ReceiptListener, SaksiNode, SimulatedReceipt, SubmitOptions } from './saksi-node.js'
import type { SignaturePool } from './signature-pool.js'
import type { StateIntegrity } from './state-integrity.js'

/** The parts a {@link LedgerNode} is assembled from (see `openNode`). */
export interface LedgerNodeParts {
  info: NetworkInfo
  genesis: JsonObject
  /** The network's rules version (genesis `rules`, 1 when absent). */
  rules: number
  store: LedgerStore
  /** Committed state as execution and queries read it (the producer's). */
  state: CommittedState
  runtime: Runtime
  key: KeyPair
  producer: BlockProducer
  orderer: Orderer
  pool: SignaturePool
  metrics: NodeMetrics
  /** Whether the committed state can be trusted (the state digest check started at open). */
  integrity: StateIntegrity
  maxPending: number
  retryAfterSeconds: number
  /** The admission limits (rates, failed calls, argument sizes, registered signers). */
  limits: AdmissionLimits
  /** Where signers' failed calls of the day outlive the process (default: memory only). */
  failedCalls?: FailedCallStore
  now?: () => number
  /** Called when a block fails to commit (the node keeps running from the stored head). */
  onError?: (error: unknown) => void
  /** Called once when block production halts (the watchdog interrupted a block), to log it. */
  onHalt?: (halt: NodeHalt) => void
}

function receiptFromBytes(bytes: Uint8Array): Receipt {
  // Our own committed bytes: plain JSON.parse is enough here (auditors re-check them strictly).
  return receiptOf(JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as Entry)
}

/**
 * The embedded node: admission, ordering, block production, storage and receipts wired together
 * behind {@link SaksiNode}.
 */
export class LedgerNode implements SaksiNode {
  readonly metrics
  /** Whether the committed state can be trusted: writes wait for its opening check, and are refused when corrupt. */
  readonly stateIntegrity: StateIntegrity
  readonly #p: LedgerNodeParts
  readonly #admission: Admission
  readonly #args: ArgumentAdmission
  readonly #guard: AdmissionGuard
  readonly #hub: ReceiptHub
  #closed = false
  /** The cache's figures when the metrics were last updated. */
  #stateSeen = { evictions: 0, loads: 0 }
  /** Set once block production halted. */
  #halt: NodeHalt | undefined

  constructor(parts: LedgerNodeParts) {
    this.#p = parts
    this.metrics = parts.metrics.registry
    this.#guard = new AdmissionGuard({ limits: parts.limits, runtime: parts.runtime, authorize: (p, r) => this.authorize(p, r), now: parts.now ?? Date.now, failedCalls: parts.failedCalls, onError: parts.onError })
    this.stateIntegrity = parts.integrity
    parts.metrics.trackIntegrity(() => parts.integrity.info().status)
    this.#args = new ArgumentAdmission(parts.runtime, parts.state, parts.rules, () => ({ size: parts.producer.size, height: parts.producer.head.header.height }), parts.now)
    this.#admission = new Admission(
      { network: parts.info.network, maxValiditySeconds: parts.info.maxValiditySeconds, maxPending: parts.maxPending, retryAfterSeconds: parts.retryAfterSeconds, rules: parts.rules },
      parts.runtime,
      parts.store,
      this.#args,
      parts.pool,
      parts.metrics,
      this.#guard,
      parts.now,
    )
    this.#hub = new ReceiptHub((from, to) => this.readReceipts(from, to), () => this.size())
    parts.metrics.logSize.set(this.size())
    parts.orderer.start((batch) => this.#commit(batch))
  }

  info(): NetworkInfo {
    return { ...this.#p.info, state: this.#p.integrity.info() }
  }

  genesis(): JsonObject {
    return this.#p.genesis
  }

  health(): NodeHealth {
    const head = this.#p.producer.head.header
    const health: NodeHealth = { status: this.#halt ? 'halted' : 'ok', height: head.height, size: head.size, pending: this.#admission.pending.size }
    if (this.#halt) health.halt = { ...this.#halt }
    return health
  }

  async submit(body: string | Uint8Array, options: SubmitOptions = {}): Promise<{ txId: string }> {
    if (this.#closed) throw new SaksiError('NODE_CLOSED', 'the node is shutting down', undefined, 'internal')
    if (this.#halt) throw new SaksiError('NODE_HALTED', `block production is halted: ${this.#halt.message}`, { since: this.#halt.since }, 'internal')
    await this.#p.integrity.whenWritable()
    const parsed = await this.#admission.admit(body, options.client)
    this.#p.orderer.submit(parsed)
    this.#p.metrics.queueDepth.set(this.#admission.pending.size)
    return { txId: parsed.txId }
  }

  async simulate(body: string | Uint8Array, options: SubmitOptions = {}): Promise<SimulatedReceipt> {
    if (this.#closed) throw new SaksiError('NODE_CLOSED', 'the node is shutting down', undefined, 'internal')
    // A simulation is a read: answered while the opening check runs, refused once the state is corrupt.
    this.#p.integrity.assertReadable()
    const parsed = await this.#admission.simulate(body, options.client)
    return this.#args.simulate(parsed)
  }

  async waitForReceipt(txId: string, timeoutMs: number): Promise<Receipt | undefined> {
    const wait = this.#hub.wait(txId, timeoutMs)
    // Registered before looking in storage, so a commit in between cannot be missed.
    const now = await this.receipt(txId)
    if (now && now.status !== 'pending') return now
    if (!now) return undefined
    return wait
  }

  async receipt(txId: string): Promise<Receipt | PendingReceipt | undefined> {
    if (this.#admission.pending.has(txId)) return { txId, status: 'pending' }
    const at = await this.#p.store.findTx(txId)
    if (!at) return undefined
    const bytes = await this.#p.store.getEntry(at.index)
    return bytes ? receiptFromBytes(bytes) : undefined
  }

  async checkpoint(): Promise<string> {
    return this.#p.producer.checkpoint
  }

  size(): number {
    return this.#p.producer.size
  }

  async entry(index: number): Promise<Uint8Array> {
    const bytes = Number.isSafeInteger(index) && index >= 0 ? await this.#p.store.getEntry(index) : undefined
    if (!bytes) throw new NotFoundError('ENTRY_NOT_FOUND', `no entry at index ${index}; the log has ${this.size()}`, { size: this.size() })
    return bytes
  }

  async inclusionProof(index: number, size: number): Promise<Uint8Array[]> {
    const logSize = this.size()
    if (!isCount(index) || !isCount(size) || index >= size || size > logSize) {
      throw new ValidationError('PROOF_RANGE_INVALID', `need 0 <= index < size <= ${logSize}`, { logSize })
    }
    return inclusionProofAsync(this.#p.store.merkle, index, size)
  }

  async consistencyProof(from: number, to: number): Promise<Uint8Array[]> {
    const logSize = this.size()
    if (!isCount(from) || !isCount(to) || from < 1 || from > to || to > logSize) {
      throw new ValidationError('PROOF_RANGE_INVALID', `need 1 <= from <= to <= ${logSize}`, { logSize })
    }
    return consistencyProofAsync(this.#p.store.merkle, from, to)
  }

  async block(height: number | 'latest'): Promise<SignedBlock> {
    if (height === 'latest') return this.#p.producer.head
    const b = isCount(height) ? await this.#p.store.getBlock(height) : undefined
    if (!b) throw new NotFoundError('BLOCK_NOT_FOUND', `no block at height ${height}`, { latest: this.#p.producer.head.header.height })
    return b
  }

  async query(contract: string, query: string, args: Record<string, JsonValue>): Promise<JsonValue> {
    const { state, runtime } = this.#p
    this.#p.integrity.assertReadable()
    const answer = await state.run(
      () => runtime.query(state, contract, query, args),
      (a) => a,
    )
    if (answer === undefined) throw new NotFoundError('NOT_FOUND', `${contract}.${query} found nothing for these arguments`)
    return answer
  }

  queryPolicy(contract: string, query: string): Policy | undefined {
    return this.#p.runtime.contracts.get(contract)?.queries.get(query)?.allow
  }

  async authorize(policy: Policy, request: PolicyRequest): Promise<Refusal | undefined> {
    const { state, runtime } = this.#p
    this.#p.integrity.assertReadable()
    // As a query: on the committed state, loading what the policy reads first on an async store.
    return state.run(
      () => runtime.authorize(state, policy, request),
      (refusal) => refusal,
    )
  }

  async readReceipts(from: number, to: number): Promise<Receipt[]> {
    return (await this.#p.store.getEntries(from, to)).map((e) => receiptFromBytes(e.bytes))
  }

  subscribe(from: number, listener: ReceiptListener): () => void {
    return this.#hub.subscribe(from, listener)
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#p.orderer.stop()
    // The opening check reads the store (on its own thread): let it finish before the store closes.
    await this.#p.integrity.ready
    this.#hub.close()
    await this.#p.pool.close()
    await this.#p.store.close()
  }

  #stateFigures(): void {
    const { metrics: m, state } = this.#p
    const last = this.#stateSeen
    m.stateCacheEntries.set(state.cache.size)
    m.stateCacheEvictions.inc(state.cache.evictions - last.evictions)
    m.stateLoads.inc(state.loads - last.loads)
    this.#stateSeen = { evictions: state.cache.evictions, loads: state.loads }
  }

  /**
   * The watchdog interrupted a block (this batch's or an earlier one): nothing of it was stored.
   * Its transactions stay admitted and pending (their ids are not freed, so nobody resubmits a
   * transaction that might yet be committed), and so do those of every batch after it.
   */
  #halted(e: ExecutionTimeout, batch: OrderedBatch): void {
    const m = this.#p.metrics
    if (!this.#halt) {
      this.#halt = { code: e.code, message: e.message, since: new Date((this.#p.now ?? Date.now)()).toISOString(), held: 0 }
      m.halted.set(1)
      m.watchdogTrips.inc()
      this.#halt.held += batch.txs.length
      this.#p.onHalt?.({ ...this.#halt })
      return
    }
    this.#halt.held += batch.txs.length
  }

  async #commit(batch: OrderedBatch): Promise<void> {
    const m = this.#p.metrics
    const started = performance.now()
    const pending = this.#admission.pending
    try {
      const produced = await this.#p.producer.produce(batch)
      const now = (this.#p.now ?? Date.now)()
      for (const r of produced.receipts) {
        const admittedAt = pending.get(r.txId)
        if (admittedAt !== undefined) m.commitLatencySeconds.observe((now - admittedAt) / 1000)
        pending.delete(r.txId)
        m.committed.inc({ status: r.status })
      }
      for (const t of produced.expired) pending.delete(t.txId)
      this.#guard.committed(batch.txs, produced.receipts, Date.parse(batch.time))
      this.#guard.released(produced.expired)
      m.blocks.inc()
      m.blockTxs.observe(produced.receipts.length)
      m.blockCommitSeconds.observe((performance.now() - started) / 1000)
      m.logSize.set(this.size())
      m.queueDepth.set(pending.size)
      this.#stateFigures()
      this.#hub.committed(produced.receipts)
    } catch (e) {
      if (e instanceof ExecutionTimeout) {
        this.#halted(e, batch)
        return
      }
      // Not stored: the clients were never told "committed"; free their ids so they may retry.
      for (const t of batch.txs) pending.delete(t.txId)
      this.#guard.released(batch.txs)
      m.queueDepth.set(pending.size)
      this.#p.onError?.(e)
    }
  }
}

function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0
}
