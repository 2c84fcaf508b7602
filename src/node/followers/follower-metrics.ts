import { Gauge, type Registry } from 'prom-client'

/** Name of the gauge of each follower's next log index, labelled `follower`. */
export const FOLLOWER_NEXT_INDEX_METRIC = 'saksi_follower_next_index'
/** Name of the gauge of committed entries each follower has not finished, labelled `follower`. */
export const FOLLOWER_LAG_METRIC = 'saksi_follower_lag_entries'

/** A follower's place against the committed head. */
export interface FollowerPosition {
  name: string
  /** The first log index the follower has not finished. */
  nextIndex: number
  /** The committed log size when read. */
  head: number
  /** `head - nextIndex`, at least 0: committed entries the follower has still to finish. */
  lag: number
}

type PositionSource = () => FollowerPosition[]

/** The sources read by each registry's gauges (one pair of gauges per registry, any number of sets). */
const sources = new WeakMap<Registry, Set<PositionSource>>()

/**
 * Exposes follower positions in a registry (the node's `/metrics`): the gauges are read from
 * `source` at each scrape, so they are never stale.
 * @param registry the node's registry
 * @param source reads the current positions
 * @returns removes `source` again
 */
export function trackFollowerPositions(registry: Registry, source: PositionSource): () => void {
  let set = sources.get(registry)
  if (!set) {
    const all = (set = new Set())
    sources.set(registry, all)
    const read = () => [...all].flatMap((s) => s())
    new Gauge({
      name: FOLLOWER_NEXT_INDEX_METRIC,
      help: 'The first log index each follower has not finished (entries processed)',
      labelNames: ['follower'],
      registers: [registry],
      collect() {
        this.reset()
        for (const p of read()) this.set({ follower: p.name }, p.nextIndex)
      },
    })
    new Gauge({
      name: FOLLOWER_LAG_METRIC,
      help: 'Committed entries each follower has not finished yet',
      labelNames: ['follower'],
      registers: [registry],
      collect() {
        this.reset()
        for (const p of read()) this.set({ follower: p.name }, p.lag)
      },
    })
  }
  const mine = set
  mine.add(source)
  return () => void mine.delete(source)
}
