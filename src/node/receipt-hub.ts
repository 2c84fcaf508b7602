import type { Receipt } from 'saksi'
import type { ReceiptListener } from './saksi-node.js'

interface Subscriber {
  /** The next log index this subscriber needs. */
  next: number
  listener: ReceiptListener
  /** True while catching up from storage; live receipts are then left to the catch-up. */
  replaying: boolean
  closed: boolean
}

/** Reads committed receipts `[from, to)` from storage, in order. */
export type ReceiptReader = (from: number, to: number) => Promise<Receipt[]>

/**
 * Delivers receipts to whoever waits for them: clients waiting on one transaction
 * (`POST /v1/tx?wait=true`) and event streams that resume from a log index (`GET /v1/events`).
 * A stream first replays from storage in pages, then switches to live delivery without gaps or
 * repeats.
 */
export class ReceiptHub {
  readonly #waiters = new Map<string, Set<(r: Receipt | undefined) => void>>()
  readonly #subscribers = new Set<Subscriber>()
  readonly #read: ReceiptReader
  readonly #size: () => number
  readonly #page: number

  /**
   * @param read reads committed receipts from storage
   * @param size the current log size
   * @param page receipts read per storage round trip while replaying
   */
  constructor(read: ReceiptReader, size: () => number, page = 500) {
    this.#read = read
    this.#size = size
    this.#page = page
  }

  /** Waits for `txId`'s receipt; resolves `undefined` after `timeoutMs` or when the hub closes. */
  wait(txId: string, timeoutMs: number): Promise<Receipt | undefined> {
    return new Promise((resolve) => {
      let set = this.#waiters.get(txId)
      if (!set) this.#waiters.set(txId, (set = new Set()))
      const done = (r: Receipt | undefined) => {
        clearTimeout(timer)
        set.delete(done)
        if (set.size === 0 && this.#waiters.get(txId) === set) this.#waiters.delete(txId)
        resolve(r)
      }
      const timer = setTimeout(() => done(undefined), timeoutMs)
      set.add(done)
    })
  }

  /** Subscribes from log index `from`; returns the unsubscribe function. */
  subscribe(from: number, listener: ReceiptListener): () => void {
    const sub: Subscriber = { next: Math.max(0, from), listener, replaying: false, closed: false }
    this.#subscribers.add(sub)
    void this.#catchUp(sub)
    return () => {
      sub.closed = true
      this.#subscribers.delete(sub)
    }
  }

  /** Called once a block is durably committed, with its receipts in log order. */
  committed(receipts: readonly Receipt[]): void {
    for (const r of receipts) {
      const set = this.#waiters.get(r.txId)
      if (set) for (const done of [...set]) done(r)
    }
    if (receipts.length === 0) return
    const first = receipts[0]!.index
    for (const sub of this.#subscribers) {
      if (sub.replaying || sub.closed) continue
      if (sub.next < first) {
        void this.#catchUp(sub)
        continue
      }
      for (const r of receipts) if (r.index >= sub.next) this.#deliver(sub, r)
    }
  }

  /** Wakes every waiter with `undefined` and drops every stream. */
  close(): void {
    for (const set of this.#waiters.values()) for (const done of [...set]) done(undefined)
    for (const sub of this.#subscribers) sub.closed = true
    this.#subscribers.clear()
  }

  #deliver(sub: Subscriber, r: Receipt): void {
    if (sub.closed) return
    sub.next = r.index + 1
    try {
      sub.listener(r)
    } catch {
      sub.closed = true
      this.#subscribers.delete(sub)
    }
  }

  async #catchUp(sub: Subscriber): Promise<void> {
    if (sub.replaying) return
    sub.replaying = true
    try {
      while (!sub.closed && sub.next < this.#size()) {
        const to = Math.min(this.#size(), sub.next + this.#page)
        for (const r of await this.#read(sub.next, to)) this.#deliver(sub, r)
      }
    } catch {
      sub.closed = true
      this.#subscribers.delete(sub)
    } finally {
      sub.replaying = false
    }
    // A block may have committed during the last read: go round again if it did.
    if (!sub.closed && sub.next < this.#size()) void this.#catchUp(sub)
  }
}
