/**
 * Where a follower remembers the first log index it has not finished with, across restarts.
 * `load` answers 0 when nothing was saved yet (follow from the start of the log).
 */
export interface FollowerCursor {
  load(): number
  save(index: number): void
}

/**
 * A cursor in memory (tests, throwaway nodes): forgotten when the process ends.
 * @param start the index `load` answers until the first save
 */
export function memoryCursor(start = 0): FollowerCursor {
  let at = start
  return { load: () => at, save: (i) => void (at = i) }
}
