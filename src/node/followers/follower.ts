/**
 * Something that follows the committed log in order from a durable cursor, after tessera's
 * `Follower` (name, follow, entries processed): the payment outbox now; query projections, the
 * witness client, anchoring and webhooks next. A follower owns its cursor: it saves it as it goes
 * (throttled, see `CursorSaver`) and on `stop`, and never past an entry it has not finished, so
 * that a crash replays from the cursor instead of losing work. Work after commit must therefore be
 * idempotent. `FollowerSet` starts followers, reports their positions and stops them at shutdown.
 */
export interface Follower {
  /**
   * Stable and unique per node (`[a-z][a-z0-9-]*`): names the follower's metrics series and its
   * cursor file (`<data>/followers/<name>.json`, see `followerCursorFile`).
   */
  readonly name: string
  /** Starts following from the durable cursor; returns at once (the work runs in the background). */
  start(): void
  /**
   * The first log index not yet finished: every entry before it is processed, and a restart resumes
   * here (tessera's `EntriesProcessed`: the number of entries processed). Never decreases.
   */
  readonly nextIndex: number
  /**
   * False for a follower that works on a schedule rather than entry by entry (the scheduled audit,
   * which re-checks the whole log now and then): shutdown does not wait for it to reach the head.
   * Default true.
   */
  readonly drains?: boolean
  /**
   * Stops taking new entries, lets the work in flight finish (or gives it up, to be replayed), and
   * saves `nextIndex` to the cursor. May be called more than once.
   */
  stop(): Promise<void>
}
