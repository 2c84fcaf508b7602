import type { SaksiNode } from '../saksi-node.js'
import type { Follower } from './follower.js'
import { assertFollowerName, followerError } from './follower-errors.js'
import { trackFollowerPositions, type FollowerPosition } from './follower-metrics.js'

/** Options of {@link FollowerSet}. */
export interface FollowerSetOptions {
  /** The log followed: its committed size is the head; its registry gets the follower gauges. */
  log: Pick<SaksiNode, 'size' | 'metrics'>
  /** How long shutdown waits for every follower to reach the head (default 5,000 ms). */
  drainMs?: number
  /** How long shutdown then waits for each follower's `stop` (default 3,000 ms). */
  stopMs?: number
  /** How often shutdown looks at the positions while it waits (default 20 ms). */
  pollMs?: number
}

/** How a follower ended at shutdown. */
export interface FollowerShutdown extends FollowerPosition {
  /**
   * True when it had finished every committed entry when the wait for the head ended, or does not
   * drain (`Follower.drains` false). (Entries
   * committed while the followers stop, such as the payment outbox's last reports, are left to the
   * next start: `nextIndex`, `head` and `lag` are read after the stop.)
   */
  reachedHead: boolean
  /** True when its `stop` (which saves its cursor) returned within `stopMs`. */
  stopped: boolean
  /** What its `stop` threw, if it threw. */
  error?: unknown
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * The followers of one node: starts them, reports where each is against the committed head (also
 * as `saksi_follower_next_index` and `saksi_follower_lag_entries` in the node's metrics), and shuts
 * them down in order: wait until every follower has reached the head or `drainMs` has passed, then
 * stop each (it finishes its work in flight and saves its cursor) within `stopMs`. Stop taking new
 * work (close the HTTP server) before `shutdown`, and close the node after it: followers may still
 * submit transactions while they drain (the payment outbox reports the bank's answers).
 */
export class FollowerSet {
  readonly #log: FollowerSetOptions['log']
  readonly #drainMs: number
  readonly #stopMs: number
  readonly #pollMs: number
  readonly #followers: Follower[] = []
  readonly #untrack: () => void
  #started = false
  #shutdown: Promise<FollowerShutdown[]> | undefined

  constructor(options: FollowerSetOptions) {
    this.#log = options.log
    this.#drainMs = options.drainMs ?? 5_000
    this.#stopMs = options.stopMs ?? 3_000
    this.#pollMs = options.pollMs ?? 20
    this.#untrack = trackFollowerPositions(options.log.metrics, () => this.positions())
  }

  /**
   * Adds a follower; started at once if the set has started.
   * @throws SaksiError `FOLLOWER_NAME_INVALID`, `FOLLOWER_DUPLICATE`, `FOLLOWERS_STOPPED` (shutting down)
   */
  add(follower: Follower): this {
    assertFollowerName(follower.name)
    if (this.#shutdown) throw followerError('FOLLOWERS_STOPPED', `cannot add follower ${follower.name}: the followers are shutting down`, { name: follower.name })
    if (this.#followers.some((f) => f.name === follower.name)) throw followerError('FOLLOWER_DUPLICATE', `a follower named ${follower.name} is already in the set`, { name: follower.name })
    this.#followers.push(follower)
    if (this.#started) follower.start()
    return this
  }

  /** Starts every follower added (each from its own cursor). */
  start(): void {
    if (this.#started || this.#shutdown) return
    this.#started = true
    for (const f of this.#followers) f.start()
  }

  /** Where each follower is against the committed head, in the order they were added. */
  positions(): FollowerPosition[] {
    const head = this.#log.size()
    return this.#followers.map((f) => ({ name: f.name, nextIndex: f.nextIndex, head, lag: Math.max(0, head - f.nextIndex) }))
  }

  /**
   * Waits for the followers to reach the head (at most `drainMs`), then stops each (at most
   * `stopMs`; a follower that does not return in time keeps the cursor it saved last, which never
   * passes unfinished work). Called again, answers the same.
   * @returns how each follower ended, in the order they were added
   */
  shutdown(): Promise<FollowerShutdown[]> {
    this.#shutdown ??= this.#shutDown()
    return this.#shutdown
  }

  async #shutDown(): Promise<FollowerShutdown[]> {
    const end = Date.now() + this.#drainMs
    const drains = this.#followers.map((f) => f.drains !== false)
    const behind = () => this.#started && this.positions().some((p, i) => drains[i] && p.lag > 0)
    while (behind() && Date.now() < end) await sleep(Math.min(this.#pollMs, end - Date.now()))
    const drained = this.positions().map((p, i) => (drains[i] ? p : { ...p, lag: 0 }))
    const ended = await Promise.all(this.#followers.map((f) => this.#stop(f)))
    const positions = this.positions()
    this.#untrack()
    return positions.map((p, i) => ({ ...p, reachedHead: drained[i]!.lag === 0, ...ended[i]! }))
  }

  async #stop(follower: Follower): Promise<{ stopped: boolean; error?: unknown }> {
    let timer: ReturnType<typeof setTimeout> | undefined
    const late = new Promise<{ stopped: boolean }>((resolve) => (timer = setTimeout(() => resolve({ stopped: false }), this.#stopMs)))
    const stopping = Promise.resolve()
      .then(() => follower.stop())
      .then(
        () => ({ stopped: true }),
        (error: unknown) => ({ stopped: false, error }),
      )
    try {
      return await Promise.race([stopping, late])
    } finally {
      clearTimeout(timer)
    }
  }
}
