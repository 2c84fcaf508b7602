import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/** The node's Prometheus metrics (served at `/metrics`). */
export interface NodeMetrics {
  registry: Registry
  admitted: Counter
  refused: Counter<'code'>
  committed: Counter<'status'>
  blocks: Counter
  queueDepth: Gauge
  logSize: Gauge
  blockTxs: Histogram
  blockCommitSeconds: Histogram
  commitLatencySeconds: Histogram
  stateCacheEntries: Gauge
  stateCacheEvictions: Counter
  stateLoads: Counter
  /** 1 while block production is halted (the watchdog interrupted a block), else 0. */
  halted: Gauge
  /** Blocks the watchdog interrupted. */
  watchdogTrips: Counter
  /** Exposes the state integrity (`saksi_state_integrity`: 1 ok, 0 checking, -1 corrupt), read at each scrape. */
  trackIntegrity(status: () => 'checking' | 'ok' | 'corrupt'): void
}

const INTEGRITY_VALUE = { ok: 1, checking: 0, corrupt: -1 } as const

/** Creates a fresh registry with the node's metrics and Node's default process metrics. */
export function createNodeMetrics(): NodeMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'saksi_process_' })
  const registers = [registry]
  let integrity: () => keyof typeof INTEGRITY_VALUE = () => 'checking'
  new Gauge({
    name: 'saksi_state_integrity',
    help: "The committed state against its digest: 1 ok, 0 being checked after opening, -1 corrupt (writes and state reads refused with STATE_CORRUPT)",
    registers,
    collect() {
      this.set(INTEGRITY_VALUE[integrity()])
    },
  })
  return {
    trackIntegrity: (status) => {
      integrity = status
    },
    registry,
    admitted: new Counter({ name: 'saksi_tx_admitted_total', help: 'Transactions admitted to the queue', registers }),
    refused: new Counter({ name: 'saksi_tx_refused_total', help: 'Transactions refused at admission, by code', labelNames: ['code'], registers }),
    committed: new Counter({ name: 'saksi_tx_committed_total', help: 'Transactions committed, by result status', labelNames: ['status'], registers }),
    blocks: new Counter({ name: 'saksi_blocks_total', help: 'Blocks committed', registers }),
    queueDepth: new Gauge({ name: 'saksi_queue_depth', help: 'Admitted transactions not yet committed', registers }),
    logSize: new Gauge({ name: 'saksi_log_size', help: 'Entries in the log', registers }),
    blockTxs: new Histogram({
      name: 'saksi_block_transactions',
      help: 'Transactions per block',
      buckets: [1, 10, 50, 100, 250, 500, 1000, 2000, 5000],
      registers,
    }),
    blockCommitSeconds: new Histogram({
      name: 'saksi_block_commit_seconds',
      help: 'Time to execute and durably commit a block',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    }),
    commitLatencySeconds: new Histogram({
      name: 'saksi_commit_latency_seconds',
      help: 'From admission to durable commit',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    stateCacheEntries: new Gauge({ name: 'saksi_state_cache_entries', help: 'Committed-state keys and key ranges held in the cache', registers }),
    stateCacheEvictions: new Counter({ name: 'saksi_state_cache_evictions_total', help: 'Keys and key ranges evicted from the committed-state cache', registers }),
    halted: new Gauge({ name: 'saksi_block_production_halted', help: 'Block production halted: 1 after the execution watchdog interrupted a block (see /v1/health), else 0', registers }),
    watchdogTrips: new Counter({ name: 'saksi_execution_watchdog_trips_total', help: 'Blocks whose execution the watchdog interrupted', registers }),
    stateLoads: new Counter({ name: 'saksi_state_loads_total', help: 'Batched loads of state a block or query read and the cache did not hold (stores without synchronous reads)', registers }),
  }
}
