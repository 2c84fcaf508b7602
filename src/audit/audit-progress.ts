/** Told how far an audit has come. */
export interface AuditProgress {
  /** The audit knows its extent (entries may be 0 when the latest block was unreadable). */
  start(totals: { blocks: number; entries: number }): void
  /** Blocks and entries verified so far. */
  update(done: { blocks: number; entries: number }): void
  /** The audit ended (passed or failed). */
  stop(): void
}

/** An {@link AuditProgress} that shows nothing. */
export const NO_PROGRESS: AuditProgress = { start: () => undefined, update: () => undefined, stop: () => undefined }
