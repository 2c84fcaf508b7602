/** Where the next page starts: pass both to the same action. */
export interface NextPage {
  after: string
  limit: number
}

/** One page of a list, and the next page when there is more (the `Link: rel="next"` header). */
export interface Page<T> {
  items: T[]
  next?: NextPage
}
