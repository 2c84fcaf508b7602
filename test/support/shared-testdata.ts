import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * Path of a file or folder in the project's shared test vectors: `../shared/testdata` beside the
 * repository (where CI and developers have it), or `$SAKSI_SHARED_TESTDATA` when set.
 * @throws Error naming where it looked, so a missing checkout fails loudly instead of testing nothing
 */
export function sharedTestdata(...parts: string[]): string {
  const base = process.env.SAKSI_SHARED_TESTDATA ?? resolve(repoRoot, '../shared/testdata')
  const path = resolve(base, ...parts)
  if (!existsSync(path)) throw new Error(`shared test vectors not found at ${path}: check out shared/ beside the repository or set SAKSI_SHARED_TESTDATA`)
  return path
}
