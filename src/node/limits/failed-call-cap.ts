const DAY_MS = 86_400_000

/**
 * Committed failed calls per signer and UTC day, counted from the receipts of committed blocks (by
 * their block time). A signer at the cap is refused at admission until the next UTC day. At most
 * `tracked` signers are counted at once; beyond, the earliest counted is forgotten (bounded memory
 * over a complete count: to be forgotten, a signer needs `tracked` other failing signers, each of
 * them a registered key whose failures are logged).
 */
export class FailedCallCap {
  readonly #counts = new Map<string, number>()
  /** The UTC day counted, as ms at its start. */
  #day = -1

  /**
   * @param perDay failed calls a signer may have in a day
   * @param tracked most signers counted at once
   */
  constructor(
    private readonly perDay: number,
    private readonly tracked: number,
  ) {}

  /** Signers counted now. */
  get size(): number {
    return this.#counts.size
  }

  /** Counts one committed failed call of `signer` in a block of time `blockMs`. */
  failed(signer: string, blockMs: number): void {
    const day = blockMs - (blockMs % DAY_MS)
    if (day < this.#day) return
    this.#roll(day)
    const n = this.#counts.get(signer)
    if (n === undefined && this.#counts.size >= this.tracked) this.#counts.delete(this.#counts.keys().next().value!)
    this.#counts.set(signer, (n ?? 0) + 1)
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

  #roll(day: number): void {
    if (day <= this.#day) return
    this.#day = day
    this.#counts.clear()
  }
}
