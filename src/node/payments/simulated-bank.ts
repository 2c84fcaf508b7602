import Database from 'better-sqlite3'
import { privateSqliteFile } from '../../store/index.js'
import type { PaymentAdapter, PaymentOrder, PaymentOutcome } from './payment-adapter.js'

/** Options of {@link SimulatedBank}. */
export interface SimulatedBankOptions {
  /** Where the bank keeps its books (default `:memory:`); a file survives the node's restarts. */
  path?: string
  /** Share of attempts refused (0-1), decided by a hash of the key and attempt: reproducible. */
  failureRate?: number
  /** Share of calls that throw as if the network failed, before anything is booked (0-1). */
  outageRate?: number
  /** Delay per call in ms, [min, max] (default [0, 0]). */
  delayMs?: [number, number]
}

const REASONS = ['Rekening tidak aktif / account dormant', 'Nama penerima tidak cocok / payee name mismatch', 'Bank tujuan tidak merespons / receiving bank timed out']

/**
 * FNV-1a of a text with murmur3's finaliser, in [0, 1): deterministic "randomness" so test runs
 * repeat. The finaliser matters: without it, texts that differ only in their last character (attempt
 * 1, 2, 3 of one key) land close together, and a refused transfer would be refused again and again.
 */
function unit(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32
}

/**
 * A bank for tests and the demo that behaves like one where it matters: it takes time, it refuses
 * some transfers, it sometimes cannot be reached, and it pays an idempotency key at most once — a
 * retry of a key it already paid answers the first payment's reference without paying again. Its
 * books (a SQLite table) can live in a file, so that a restarted node meets the same bank.
 */
export class SimulatedBank implements PaymentAdapter {
  readonly #db: Database.Database
  readonly #options: Required<Omit<SimulatedBankOptions, 'path'>>
  readonly #s

  constructor(options: SimulatedBankOptions = {}) {
    const path = options.path ?? ':memory:'
    // The books name payees and amounts: private like every data file.
    privateSqliteFile(path)
    this.#db = new Database(path)
    this.#db.pragma('journal_mode = WAL')
    this.#db.exec(`CREATE TABLE IF NOT EXISTS transfer (
      idempotency_key TEXT PRIMARY KEY, amount INTEGER NOT NULL, payee TEXT NOT NULL, reference TEXT NOT NULL,
      bank_reference TEXT NOT NULL, attempt INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE IF NOT EXISTS refusal (idempotency_key TEXT NOT NULL, attempt INTEGER NOT NULL, reason TEXT NOT NULL) STRICT;`)
    this.#options = { failureRate: options.failureRate ?? 0, outageRate: options.outageRate ?? 0, delayMs: options.delayMs ?? [0, 0] }
    this.#s = {
      paid: this.#db.prepare<{ bank_reference: string; amount: number }>('SELECT bank_reference, amount FROM transfer WHERE idempotency_key = ?'),
      pay: this.#db.prepare('INSERT INTO transfer VALUES (?, ?, ?, ?, ?, ?)'),
      refuse: this.#db.prepare('INSERT INTO refusal VALUES (?, ?, ?)'),
      count: this.#db.prepare<{ n: number; total: number | null }>('SELECT count(*) AS n, sum(amount) AS total FROM transfer'),
      refusals: this.#db.prepare<{ n: number }>('SELECT count(*) AS n FROM refusal'),
    }
  }

  /** @inheritdoc */
  async pay(order: PaymentOrder): Promise<PaymentOutcome> {
    const [lo, hi] = this.#options.delayMs
    if (hi > 0) await new Promise((r) => setTimeout(r, lo + unit(`d:${order.idempotencyKey}:${order.attempt}`) * (hi - lo)))
    if (unit(`o:${order.idempotencyKey}:${order.attempt}`) < this.#options.outageRate) throw new Error('simulated bank: connection reset')
    const done = this.#s.paid.get(order.idempotencyKey)
    if (done) {
      if (done.amount !== order.amount) return { status: 'failed', reason: `idempotency key reused for another amount (${done.amount})` }
      return { status: 'paid', bankReference: done.bank_reference }
    }
    if (unit(`f:${order.idempotencyKey}:${order.attempt}`) < this.#options.failureRate) {
      const reason = REASONS[Math.floor(unit(`r:${order.idempotencyKey}`) * REASONS.length)]!
      this.#s.refuse.run(order.idempotencyKey, order.attempt, reason)
      return { status: 'failed', reason }
    }
    const bankReference = `SIM-${(unit(`b:${order.idempotencyKey}`) * 1e12).toFixed(0).padStart(12, '0')}`
    this.#s.pay.run(order.idempotencyKey, order.amount, order.payee, order.reference, bankReference, order.attempt)
    return { status: 'paid', bankReference }
  }

  /** Transfers made (one per idempotency key at most) and their total. */
  books(): { transfers: number; total: number; refusals: number } {
    const c = this.#s.count.get()!
    return { transfers: c.n, total: c.total ?? 0, refusals: this.#s.refusals.get()!.n }
  }

  close(): void {
    if (this.#db.open) this.#db.close()
  }
}
