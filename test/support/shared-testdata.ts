import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * Path of a file or folder in the project's test vectors, kept in the repository (`test/vectors`, a
 * copy of the shared vectors: see its README), or in `$SAKSI_SHARED_TESTDATA` when set (to run the
 * tests against another copy).
 * @throws Error naming where it looked, so a missing file fails loudly instead of testing nothing
 */
export function sharedTestdata(...parts: string[]): string {
  const base = process.env.SAKSI_SHARED_TESTDATA ?? resolve(repoRoot, 'test/vectors')
  const path = resolve(base, ...parts)
  if (!existsSync(path)) throw new Error(`test vectors not found at ${path}: see test/vectors/README.md`)
  return path
}
