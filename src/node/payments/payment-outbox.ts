import type { JsonObject, KeyPair, Receipt } from 'saksi'
import { signTx } from 'saksi'
import { CursorSaver, type Follower, type FollowerCursor } from '../followers/index.js'
import type { SaksiNode } from '../saksi-node.js'
import type { PaymentAdapter, PaymentOrder, PaymentOutcome } from './payment-adapter.js'

/** The event a contract emits to have a payment made: `<contract>.PaymentRequested`. */
export interface PaymentRequest {
  instruction: string
  amount: number
  currency: 'IDR'
  payee: string
  idempotencyKey: string
  attempt: number
  /** Arguments of `<contract>.confirmPayment` / `failPayment` besides `reference` / `reason`. */
  settle: JsonObject
}

/** Options of {@link PaymentOutbox}. */
export interface PaymentOutboxOptions {
  node: SaksiNode
  adapter: PaymentAdapter
  /** The payment service's key (role `payments.gateway`): signs confirmations and failures. */
  key: KeyPair
  cursor: FollowerCursor
  /** Payments in flight at once (default 16). */
  concurrency?: number
  /** Wait before trying again after the bank could not be reached or the node was busy (default 1,000 ms). */
  retryDelayMs?: number
  /** Save the cursor at most this often (default 200 ms; always on stop). */
  saveEveryMs?: number
  onError?: (error: unknown) => void
}

interface Job {
  index: number
  contract: string
  request: PaymentRequest | undefined
}

const isRequest = (type: string) => type.endsWith('.PaymentRequested')

/**
 * The payment outbox (DESIGN "Contracts"): follows the committed log from its cursor, and for each
 * `<contract>.PaymentRequested` event asks the payment adapter to pay, then reports the outcome to
 * the contract as a signed transaction (`confirmPayment` with the bank's reference, or `failPayment`
 * with its reason). The cursor advances only past entries whose payments are reported, and is kept
 * on disk; after a crash the outbox resumes from it. A payment replayed after a crash is harmless:
 * the outbox skips an instruction the contract already settled or re-sent, and the bank pays an
 * idempotency key at most once. A {@link Follower} named `payment-outbox`.
 */
export class PaymentOutbox implements Follower {
  /** Its name among the node's followers (metrics label). */
  readonly name = 'payment-outbox'
  readonly #o: Required<Omit<PaymentOutboxOptions, 'onError'>> & Pick<PaymentOutboxOptions, 'onError'>
  readonly #queue: Job[] = []
  /** Indexes handed out and not finished, to know how far the cursor may move. */
  readonly #open = new Set<number>()
  #next: number
  readonly #saver: CursorSaver
  #active = 0
  #unsubscribe: (() => void) | undefined
  #stopped = false
  readonly #idle: (() => void)[] = []
  #processed = 0

  constructor(options: PaymentOutboxOptions) {
    this.#o = { concurrency: 16, retryDelayMs: 1000, saveEveryMs: 200, ...options }
    this.#next = this.#o.cursor.load()
    this.#saver = new CursorSaver(this.#o.cursor, () => this.nextIndex, this.#o.saveEveryMs, this.#next)
  }

  /** Payments reported so far by this outbox (since it started). */
  get processed(): number {
    return this.#processed
  }

  /** The first log index not yet finished: entries before it are paid and reported, or needed no payment. */
  get nextIndex(): number {
    return this.#open.size === 0 ? this.#next : Math.min(...this.#open)
  }

  /** The same as {@link nextIndex}: the position the cursor is saved at. */
  get cursor(): number {
    return this.nextIndex
  }

  /** Starts following the log from the saved cursor. */
  start(): void {
    this.#unsubscribe = this.#o.node.subscribe(this.#next, (r) => this.#receive(r))
  }

  /** Resolves when nothing is queued or in flight (tests, shutdown). */
  idle(): Promise<void> {
    if (this.#queue.length === 0 && this.#active === 0) return Promise.resolve()
    return new Promise((resolve) => this.#idle.push(resolve))
  }

  /** Stops taking new entries, lets the payments in flight finish and saves the cursor. */
  async stop(): Promise<void> {
    this.#stopped = true
    this.#unsubscribe?.()
    this.#queue.length = 0
    while (this.#active > 0) await new Promise((r) => setTimeout(r, 10))
    this.#saver.flush()
  }

  #receive(r: Receipt): void {
    if (this.#stopped) return
    this.#next = r.index + 1
    const requests = r.status === 'ok' ? r.events.filter((e) => isRequest(e.type)) : []
    if (requests.length === 0) {
      this.#scheduleSave()
      return
    }
    this.#open.add(r.index)
    // One job per request; the entry is finished when all of them are.
    const pending = { n: requests.length }
    for (const e of requests) {
      const job: Job = { index: r.index, contract: e.type.slice(0, e.type.indexOf('.')), request: e.data as unknown as PaymentRequest }
      ;(job as Job & { pending: { n: number } }).pending = pending
      this.#queue.push(job)
    }
    this.#pump()
  }

  #pump(): void {
    while (!this.#stopped && this.#active < this.#o.concurrency && this.#queue.length > 0) {
      const job = this.#queue.shift()! as Job & { pending: { n: number } }
      this.#active++
      void this.#run(job).catch((e: unknown) => {
        this.#o.onError?.(e)
        return false
      }).then((finished) => {
        this.#active--
        // An unfinished job keeps its entry open, so the cursor never passes it: replayed on restart.
        if (finished && --job.pending.n === 0) {
          this.#open.delete(job.index)
          this.#scheduleSave()
        }
        this.#pump()
        if (this.#queue.length === 0 && this.#active === 0) for (const f of this.#idle.splice(0)) f()
      })
    }
  }

  /** @returns true once the job needs nothing more (reported and committed, or no longer due). */
  async #run(job: Job): Promise<boolean> {
    const request = job.request!
    if (!(await this.#stillDue(job.contract, request))) return true
    const order: PaymentOrder = {
      idempotencyKey: request.idempotencyKey,
      amount: request.amount,
      currency: request.currency,
      payee: request.payee,
      reference: request.instruction,
      attempt: request.attempt,
    }
    let outcome: PaymentOutcome | undefined
    while (!this.#stopped && !outcome) {
      try {
        outcome = await this.#o.adapter.pay(order)
      } catch (e) {
        // The bank could not be reached: nothing was booked under this key yet, or it was and the
        // same key answers it. Either way the same order is safe to send again.
        this.#o.onError?.(e)
        await new Promise((r) => setTimeout(r, this.#o.retryDelayMs))
      }
    }
    if (!outcome) return false
    const method = outcome.status === 'paid' ? 'confirmPayment' : 'failPayment'
    const args = outcome.status === 'paid' ? { ...request.settle, reference: outcome.bankReference } : { ...request.settle, reason: outcome.reason.slice(0, 300) }
    // Reported even while stopping: the bank has answered, and its answer must reach the log.
    const reported = await this.#report(job.contract, method, args)
    if (reported) this.#processed++
    return reported
  }

  /** False when the contract already settled or re-sent this instruction (a replay after a crash). */
  async #stillDue(contract: string, request: PaymentRequest): Promise<boolean> {
    try {
      const now = (await this.#o.node.query(contract, 'instruction', request.settle)) as { status?: string; attempt?: number } | null
      return now?.status === 'instructed' && now.attempt === request.attempt
    } catch {
      return true // no such query, or not found yet: let the contract decide
    }
  }

  /**
   * Submits the outcome and waits until it is committed: only then may the cursor pass the entry,
   * or a crash in between would leave a paid transfer unreported. Signed afresh on each attempt, so
   * that a report that waited past its expiry is not lost.
   * @returns false if the node would not take it (closed, or refused it): the entry then stays
   *   before the cursor and is replayed after a restart (the bank answers a replay without paying)
   */
  async #report(contract: string, method: string, args: JsonObject): Promise<boolean> {
    const info = this.#o.node.info()
    for (let attempt = 0; attempt < 100; attempt++) {
      const signed = signTx({ network: info.network, contract, method, args, ttlSeconds: 600 }, this.#o.key)
      try {
        await this.#o.node.submit(JSON.stringify(signed.envelope))
      } catch (e) {
        const code = (e as { code?: string }).code
        if (code === 'NODE_OVERLOADED') {
          await new Promise((r) => setTimeout(r, this.#o.retryDelayMs))
          continue
        }
        this.#o.onError?.(e)
        return false
      }
      if (await this.#o.node.waitForReceipt(signed.txId, 30_000)) return true
      if (!(await this.#stillDueAfterReport(contract, args))) return true
    }
    return false
  }

  /** Whether the instruction is still waiting for a report (false once any report of it committed). */
  async #stillDueAfterReport(contract: string, args: JsonObject): Promise<boolean> {
    try {
      const now = (await this.#o.node.query(contract, 'instruction', args)) as { status?: string } | null
      return now?.status === 'instructed'
    } catch {
      return true
    }
  }

  #scheduleSave(): void {
    if (!this.#stopped) this.#saver.schedule()
  }
}
