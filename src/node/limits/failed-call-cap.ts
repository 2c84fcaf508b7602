import type { FailedCallStore } from '../../store/index.js'

const DAY_MS = 86_400_000

/** A UTC day as ms at its start, as the store names it (`YYYY-MM-DD`). */
function dayName(dayMs: number): string {
  return new Date(dayMs).toISOString().slice(0, 10)
}

/**
 * Committed failed calls per signer and UTC day, counted from the receipts of committed blocks (by
 * their block time). A signer at the cap is refused at admission until the next UTC day. At most
 * `tracked` signers are counted at once; beyond, the earliest counted is forgotten (bounded memory
 * over a complete count: to be forgotten, a signer needs `tracked` other failing signers, each of
 * them a registered key whose failures are logged).
 *
 * With a store (a data directory's `requests.sqlite`), each block's failures are also written
 * there, in one transaction per block, and a day's counts are read back when the cap first sees the
 * day: a restart does not forgive the day. Without one (tests, a node in memory) a restart does.
 */
export class FailedCallCap {
  readonly #counts = new Map<string, number>()
  /** The UTC day counted, as ms at its start. */
  #day = -1

  /**
   * @param perDay failed calls a signer may have in a day
   * @param tracked most signers counted at once
   * @param store where the counts outlive the process, if anywhere
   * @param onStoreError told when the store cannot be written (the count in memory stands)
   */
  constructor(
    private readonly perDay: number,
    private readonly tracked: number,
    private readonly store?: FailedCallStore,
    private readonly onStoreError?: (error: unknown) => void,
  ) {}

  /** Signers counted now. */
  get size(): number {
    return this.#counts.size
  }

  /**
   * Counts the failed calls of one committed block.
   * @param signers the signer of each failed call of the block (a signer once per failure)
   * @param blockMs the block time
   */
  committed(signers: readonly string[], blockMs: number): void {
    if (signers.length === 0) return
    const day = blockMs - (blockMs % DAY_MS)
    if (day < this.#day) return
    this.#roll(day)
    const block = new Map<string, number>()
    for (const signer of signers) block.set(signer, (block.get(signer) ?? 0) + 1)
    for (const [signer, n] of block) this.#add(signer, n)
    if (!this.store) return
    try {
      this.store.addFailedCalls(dayName(day), block)
    } catch (e) {
      this.onStoreError?.(e)
    }
  }

  /**
   * Whether `signer` has reached today's cap.
   * @returns undefined when it may call; otherwise the seconds until the next UTC day
   */
  refusal(signer: string, now: number): number | undefined {
    const day = now - (now % DAY_MS)
    this.#roll(day)
    if ((this.#counts.get(signer) ?? 0) < this.perDay) return undefined
    return Math.max(1, Math.ceil((day + DAY_MS - now) / 1000))
  }

  #add(signer: string, n: number): void {
    const had = this.#counts.get(signer)
    if (had === undefined && this.#counts.size >= this.tracked) this.#counts.delete(this.#counts.keys().next().value!)
    this.#counts.set(signer, (had ?? 0) + n)
  }

  #roll(day: number): void {
    if (day <= this.#day) return
    this.#day = day
    this.#counts.clear()
    if (!this.store) return
    try {
      // Lowest first, so that the map's order (the first forgotten) is the least failing.
      const stored = [...this.store.failedCalls(dayName(day), this.tracked)].reverse()
      for (const [signer, n] of stored) this.#counts.set(signer, n)
    } catch (e) {
      this.onStoreError?.(e)
    }
  }
}
