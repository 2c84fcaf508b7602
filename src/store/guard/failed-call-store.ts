/**
 * Where a node keeps its signers' committed failed calls per UTC day between restarts (node-local,
 * never on the log), so that a restart does not forgive a day's failed calls (admission limits,
 * `failedCallsPerDay`). The node counts in memory and writes each committed block's failures here.
 */
export interface FailedCallStore {
  /**
   * Adds one block's failed calls to their signers' counts of `day`, in one transaction. Counts of
   * earlier days are removed when a new day's first block is added.
   * @param day a UTC date, `YYYY-MM-DD` (the block's time)
   * @param counts failed calls per signer in the block
   */
  addFailedCalls(day: string, counts: ReadonlyMap<string, number>): void
  /**
   * The counts of `day`, the highest first.
   * @param day a UTC date, `YYYY-MM-DD`
   * @param limit most signers answered
   */
  failedCalls(day: string, limit: number): Map<string, number>
}
