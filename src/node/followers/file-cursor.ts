import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { FollowerCursor } from './follower-cursor.js'
import { assertFollowerName, followerError } from './follower-errors.js'

/**
 * Where a follower's cursor lives in a data directory: `<data>/followers/<name>.json`. (The payment
 * outbox keeps `<data>/outbox.json`, where data directories written before followers keep it.)
 * @param dataDir the data directory
 * @param name the follower's name
 * @throws ValidationError `FOLLOWER_NAME_INVALID`
 */
export function followerCursorFile(dataDir: string, name: string): string {
  assertFollowerName(name)
  return join(dataDir, 'followers', `${name}.json`)
}

/**
 * A cursor in a small JSON file, `{"next": <index>}`, replaced atomically: written to a temporary
 * file, flushed to disk, then renamed over the old one, so that a crash (even of the machine)
 * leaves the old value or the new one, never half of one. A missing file reads as 0; its folder is
 * created on the first save.
 * @param file e.g. `<data>/outbox.json` or `followerCursorFile(data, name)`
 * @returns the cursor; `load` throws StorageError `FOLLOWER_CURSOR_INVALID` on a file that does not
 *   hold a log index (never silently read as 0: that would replay the whole log)
 */
export function fileCursor(file: string): FollowerCursor {
  let folderMade = false
  return {
    load() {
      let text: string
      try {
        text = readFileSync(file, 'utf8')
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0
        throw e
      }
      return parseCursor(file, text)
    },
    save(index) {
      if (!Number.isSafeInteger(index) || index < 0) throw followerError('FOLLOWER_CURSOR_INVALID', `cannot save ${index} as a log index in ${file}`, { file })
      if (!folderMade) mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
      folderMade = true
      const tmp = `${file}.tmp`
      const fd = openSync(tmp, 'w', 0o600)
      try {
        writeSync(fd, `${JSON.stringify({ next: index })}\n`)
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      renameSync(tmp, file)
    },
  }
}

function parseCursor(file: string, text: string): number {
  const invalid = (why: string) =>
    followerError('FOLLOWER_CURSOR_INVALID', `${file} ${why}, not a follower cursor like {"next": 42}; restore it, or remove it to follow the log from its start (every entry is then processed again)`, { file })
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw invalid(text.trim() === '' ? 'is empty' : 'is not JSON')
  }
  const next = typeof value === 'object' && value !== null ? (value as { next?: unknown }).next : undefined
  if (typeof next !== 'number' || !Number.isSafeInteger(next) || next < 0) throw invalid('holds no "next" log index (a whole number, 0 or more)')
  return next
}
