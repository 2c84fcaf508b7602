import type { FollowerCursor } from './follower-cursor.js'

/**
 * Saves a follower's position to its cursor at most once every `everyMs` (a follower may finish
 * thousands of entries a second; a file write each would cost more than the work), and at once on
 * `flush`. Writes only when the position moved since the last save.
 */
export class CursorSaver {
  readonly #cursor: FollowerCursor
  readonly #position: () => number
  readonly #everyMs: number
  #saved: number
  #timer: ReturnType<typeof setTimeout> | undefined

  /**
   * @param cursor where to save
   * @param position reads the position to save (the follower's `nextIndex`)
   * @param everyMs the least time between two timed saves
   * @param saved the position the cursor holds already (what the follower loaded from it)
   */
  constructor(cursor: FollowerCursor, position: () => number, everyMs: number, saved: number) {
    this.#cursor = cursor
    this.#position = position
    this.#everyMs = everyMs
    this.#saved = saved
  }

  /** Asks for a save within `everyMs` (one timer at a time; it does not keep the process alive). */
  schedule(): void {
    if (this.#timer) return
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      this.#save()
    }, this.#everyMs)
    this.#timer.unref?.()
  }

  /** Saves now if the position moved, and cancels the pending timed save. */
  flush(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = undefined
    this.#save()
  }

  #save(): void {
    const at = this.#position()
    if (at === this.#saved) return
    this.#cursor.save(at)
    this.#saved = at
  }
}
