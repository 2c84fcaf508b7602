/** One unit of work: a page of replay, read and sent. */
export type TurnTask = () => Promise<void> | void

/**
 * Runs many streams' replay pages in turn, first come first served, a bounded slice of time per
 * turn of the event loop: past `budgetMs`, the rest waits for `setImmediate`, so requests (and
 * sockets draining) are served between slices however many streams replay. A task never runs in
 * the call that schedules it.
 */
export class TurnScheduler {
  readonly #budgetMs: number
  #queue: TurnTask[] = []
  #head = 0
  #scheduled = false
  /** Turns of the event loop used so far (for tests). */
  turns = 0

  /** @param budgetMs time spent on tasks in one turn before yielding */
  constructor(budgetMs: number) {
    this.#budgetMs = budgetMs
  }

  /** Tasks waiting. */
  get waiting(): number {
    return this.#queue.length - this.#head
  }

  /** Queues `task`; it runs in a later turn. Its errors are its own to handle. */
  run(task: TurnTask): void {
    this.#queue.push(task)
    this.#wake()
  }

  #wake(): void {
    if (this.#scheduled) return
    this.#scheduled = true
    setImmediate(() => void this.#drain())
  }

  async #drain(): Promise<void> {
    this.turns++
    const started = performance.now()
    while (this.#head < this.#queue.length && performance.now() - started < this.#budgetMs) {
      const task = this.#queue[this.#head++]!
      try {
        await task()
      } catch {
        // A task reports its own failure (its stream is destroyed); the others go on.
      }
    }
    if (this.#head === this.#queue.length) {
      this.#queue = []
      this.#head = 0
    } else if (this.#head > 1024) {
      this.#queue = this.#queue.slice(this.#head)
      this.#head = 0
    }
    this.#scheduled = false
    if (this.#head < this.#queue.length) this.#wake()
  }
}
