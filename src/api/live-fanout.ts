import type { Receipt } from 'saksi'
import type { SaksiNode } from '../node/index.js'

/** A committed block's receipts as events, serialized once for every live stream. */
export interface FormattedBlock {
  /** The log index of the first receipt. */
  readonly first: number
  /** The log index of the last receipt. */
  readonly last: number
  /** Every event of the block, as sent. */
  readonly bytes: Buffer
  /** Each receipt's event text, for a stream that already has the first few. */
  readonly events: readonly string[]
}

/** A stream that takes live blocks. */
export interface LiveMember {
  /** Called once per committed block while the member is joined. */
  deliver(block: FormattedBlock): void
}

/** One Server-Sent Event: `id` is the log index, `data` the receipt (PROTOCOL section 7). */
export function formatReceiptEvent(receipt: Receipt): string {
  // JSON.stringify never writes CR or LF, so the receipt is one `data:` line.
  return `id: ${receipt.index}\ndata: ${JSON.stringify(receipt)}\n\n`
}

/**
 * Live delivery to every stream that has caught up with the log: one subscription to the node,
 * while any stream is joined, and each committed block serialized once into one buffer that every
 * member is handed (the receipts of a block arrive together; they are sent after the block).
 */
export class LiveFanout {
  readonly #node: SaksiNode
  readonly #members = new Set<LiveMember>()
  #unsubscribe: (() => void) | undefined
  #batch: string[] = []
  #batchFirst = 0
  /** Receipts serialized so far, whatever the number of members (for tests). */
  serialized = 0

  /** @param node the node whose committed receipts to fan out */
  constructor(node: SaksiNode) {
    this.#node = node
  }

  /** Members joined now. */
  get size(): number {
    return this.#members.size
  }

  /** Adds `member`; it gets every block committed from now on. */
  join(member: LiveMember): void {
    this.#members.add(member)
    if (!this.#unsubscribe) this.#unsubscribe = this.#node.subscribe(this.#node.size(), (r) => this.#onReceipt(r))
  }

  /** Removes `member`; the subscription ends with the last one. */
  leave(member: LiveMember): void {
    this.#members.delete(member)
    if (this.#members.size > 0 || !this.#unsubscribe) return
    this.#unsubscribe()
    this.#unsubscribe = undefined
    this.#batch = []
  }

  #onReceipt(receipt: Receipt): void {
    if (this.#batch.length === 0) {
      this.#batchFirst = receipt.index
      queueMicrotask(() => this.#flush())
    }
    this.#batch.push(formatReceiptEvent(receipt))
    this.serialized++
  }

  #flush(): void {
    const events = this.#batch
    if (events.length === 0) return
    this.#batch = []
    const block: FormattedBlock = { first: this.#batchFirst, last: this.#batchFirst + events.length - 1, bytes: Buffer.from(events.join('')), events }
    for (const m of [...this.#members]) m.deliver(block)
  }
}
