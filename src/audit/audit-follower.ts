import type { Registry } from 'prom-client'
import type { Follower } from '../node/index.js'
import { auditLedger, type AuditContracts, type AuditSummary } from './audit-ledger.js'
import { AuditFailure } from './audit-failure.js'
import { createAuditMetrics, type AuditMetrics, type AuditResult } from './audit-metrics.js'
import type { AuditSource } from './audit-source.js'

/** Options of {@link AuditFollower}. */
export type AuditFollowerOptions = AuditContracts & {
  /** Opens what one run audits (a read-only store on the node's data directory); closed after the run. */
  openSource: () => Promise<AuditSource>
  /** Time between the end of one run and the start of the next, and before the first (ms). */
  intervalMs: number
  /** The node's metrics registry, for the audit's series. */
  metrics: Registry
  /** Told about each failed audit (a verdict): the node marks its state corrupt. */
  onFailure?: (failure: AuditFailure) => void
  /** Told about a run without a verdict (the source could not be read) or that broke. */
  onError?: (error: unknown) => void
  /** Signature worker threads of each run (default 1: the node keeps the other cores). */
  signatureWorkers?: number
  /** The clock (tests). */
  now?: () => number
}

class Stopped extends Error {}

/**
 * Re-audits the whole ledger from genesis on a schedule (`auditLedger`: signatures, chain,
 * checkpoints, Merkle roots, full re-execution, and the stored state when no block was committed
 * meanwhile), beside the node, and reports each run in `/metrics` (see `createAuditMetrics`).
 * A follower whose position is the log size its last passed audit covered; it does not hold up
 * shutdown (`drains` false): `stop` abandons a run in flight at its next block.
 */
export class AuditFollower implements Follower {
  readonly name = 'audit'
  readonly drains = false
  #nextIndex = 0
  readonly #o: AuditFollowerOptions
  readonly #metrics: AuditMetrics
  #timer: ReturnType<typeof setTimeout> | undefined
  #running: Promise<unknown> | undefined
  #stopped = false
  #started = false

  constructor(options: AuditFollowerOptions) {
    if (!(options.intervalMs > 0)) throw new RangeError('intervalMs must be above 0')
    this.#o = options
    this.#metrics = createAuditMetrics(options.metrics)
  }

  /** Entries covered by the last audit that passed. */
  get nextIndex(): number {
    return this.#nextIndex
  }

  /** @inheritdoc */
  start(): void {
    if (this.#started || this.#stopped) return
    this.#started = true
    this.#schedule()
  }

  /**
   * Runs one audit now (the schedule's step; tests call it directly).
   * @returns the summary of a passed audit, or undefined (failed, no verdict, or stopped)
   */
  runOnce(): Promise<AuditSummary | undefined> {
    const run = this.#run()
    this.#running = run
    return run
  }

  /** @inheritdoc */
  async stop(): Promise<void> {
    this.#stopped = true
    clearTimeout(this.#timer)
    await this.#running?.catch(() => undefined)
  }

  #schedule(): void {
    if (this.#stopped) return
    this.#timer = setTimeout(() => void this.runOnce().finally(() => this.#schedule()), this.#o.intervalMs)
    this.#timer.unref()
  }

  async #run(): Promise<AuditSummary | undefined> {
    const now = this.#o.now ?? Date.now
    const began = now()
    let entries = 0
    let source: AuditSource | undefined
    let result: AuditResult
    let summary: AuditSummary | undefined
    try {
      source = await this.#o.openSource()
      const contracts: AuditContracts = this.#o.runtime ? { runtime: this.#o.runtime } : { contracts: this.#o.contracts! }
      const progress = {
        start: () => undefined,
        update: (done: { entries: number }) => {
          if (this.#stopped) throw new Stopped('the audit follower is stopping')
          entries = done.entries
        },
        stop: () => undefined,
      }
      summary = await auditLedger(source, { ...contracts, progress, signatureWorkers: this.#o.signatureWorkers ?? 1 })
      entries = summary.entries
      this.#nextIndex = Math.max(this.#nextIndex, summary.entries)
      result = 'passed'
    } catch (e) {
      if (e instanceof Stopped) return undefined
      // Only a verdict marks the state corrupt: a source that could not be read (or a fault of the
      // audit itself) leaves the question open and is told as an error.
      if (e instanceof AuditFailure) {
        result = 'failed'
        this.#o.onFailure?.(e)
      } else {
        result = 'no_verdict'
        this.#o.onError?.(e)
      }
    } finally {
      await source?.close().catch(() => undefined)
    }
    this.#metrics.record(result, entries, (now() - began) / 1000, now())
    return summary
  }
}
