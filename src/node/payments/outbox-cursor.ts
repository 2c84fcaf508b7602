import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'

/** Where the outbox remembers the first log index it has not finished with. */
export interface OutboxCursor {
  load(): number
  save(index: number): void
}

/** A cursor in memory (tests, throwaway nodes). */
export function memoryCursor(start = 0): OutboxCursor {
  let at = start
  return { load: () => at, save: (i) => void (at = i) }
}

/**
 * A cursor in a small JSON file, replaced atomically (write, then rename), so that a crash leaves
 * the old or the new value, never half of one.
 * @param file e.g. `<data>/outbox.json`
 */
export function fileCursor(file: string): OutboxCursor {
  return {
    load() {
      if (!existsSync(file)) return 0
      const n = (JSON.parse(readFileSync(file, 'utf8')) as { next?: unknown }).next
      if (!Number.isSafeInteger(n) || (n as number) < 0) throw new Error(`${file} holds no valid outbox cursor`)
      return n as number
    },
    save(index) {
      writeFileSync(`${file}.tmp`, `${JSON.stringify({ next: index })}\n`)
      renameSync(`${file}.tmp`, file)
    },
  }
}
