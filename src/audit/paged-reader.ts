/** A page that could not be read: `from` and `to` say which items. */
export class PageReadError extends Error {
  /** First item of the page. */
  readonly from: number
  /** One past the last item of the page. */
  readonly to: number
  /** What the source threw. */
  override readonly cause: unknown

  constructor(from: number, to: number, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause))
    this.name = 'PageReadError'
    this.from = from
    this.to = to
    this.cause = cause
  }
}

interface Page<T> {
  from: number
  to: number
  items: Promise<T[]>
}

/**
 * Reads items `from`..`end` in order, a page at a time, keeping up to `ahead` pages requested
 * before they are needed so that the source's latency overlaps with the caller's work. Memory is
 * bounded by (1 + ahead) pages.
 */
export class PagedReader<T> {
  readonly #fetch: (from: number, to: number) => Promise<T[]>
  #end: number
  readonly #pageSize: number
  readonly #ahead: number
  readonly #pages: Page<T>[] = []
  #nextPage: number
  #current: T[] = []
  #offset = 0
  #position: number
  #gap: PageReadError | undefined

  /**
   * @param fetch reads items [from, to); fewer items than asked mean the source ended early
   * @param from the first item
   * @param end one past the last item
   * @param pageSize items per request
   * @param ahead pages requested ahead of the one in use
   */
  constructor(fetch: (from: number, to: number) => Promise<T[]>, from: number, end: number, pageSize: number, ahead: number) {
    this.#fetch = fetch
    this.#end = end
    this.#pageSize = pageSize
    this.#ahead = ahead
    this.#nextPage = from
    this.#position = from
  }

  /** Lets the reader go up to `end` (never back): for a source whose extent is learnt as it is read. */
  extendTo(end: number): void {
    if (end > this.#end) this.#end = end
  }

  /** The index of the next item {@link take} returns. */
  get position(): number {
    return this.#position
  }

  /**
   * The next `count` items.
   * @throws PageReadError when a page fails or holds fewer items than asked
   */
  async take(count: number): Promise<T[]> {
    const out: T[] = []
    while (out.length < count) {
      if (this.#offset >= this.#current.length) await this.#advance()
      const n = Math.min(count - out.length, this.#current.length - this.#offset)
      for (let i = 0; i < n; i++) out.push(this.#current[this.#offset + i]!)
      this.#offset += n
      this.#position += n
    }
    return out
  }

  async #advance(): Promise<void> {
    // A short page is kept: its items are good, and the gap is reported only when reached.
    if (this.#gap) throw this.#gap
    this.#fill()
    const page = this.#pages.shift()
    if (!page) throw new PageReadError(this.#position, this.#position + 1, missing('read past the end'))
    let items: T[]
    try {
      items = await page.items
    } catch (e) {
      throw new PageReadError(page.from, page.to, e)
    }
    if (items.length < page.to - page.from) {
      const from = page.from + items.length
      this.#gap = new PageReadError(from, page.to, missing(`the source has no item ${from}`))
    }
    this.#current = items.slice(0, page.to - page.from)
    this.#offset = 0
    if (!this.#gap) this.#fill()
  }

  #fill(): void {
    while (this.#pages.length <= this.#ahead && this.#nextPage < this.#end) {
      const from = this.#nextPage
      const to = Math.min(this.#end, from + this.#pageSize)
      const items = this.#fetch(from, to)
      // Consumed (and its error reported) when its turn comes; until then, not an unhandled rejection.
      items.catch(() => undefined)
      this.#pages.push({ from, to, items })
      this.#nextPage = to
    }
  }
}

function missing(message: string): Error {
  return Object.assign(new Error(message), { code: 'AUDIT_MISSING' })
}
