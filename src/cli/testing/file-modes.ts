import { readdir, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'

/**
 * The permission bits of everything under a directory (itself included as `.`), by relative path.
 * @param root the directory
 */
export async function fileModes(root: string): Promise<Record<string, number>> {
  const out: Record<string, number> = { '.': (await stat(root)).mode & 0o777 }
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, e.name)
      out[relative(root, path)] = (await stat(path)).mode & 0o777
      if (e.isDirectory()) await walk(path)
    }
  }
  await walk(root)
  return out
}

/**
 * The entries of {@link fileModes} that are not private: directories other than 0700, files other than 0600.
 * @param modes as `fileModes` answers
 * @param dirs the relative paths that are directories
 */
export function notPrivate(modes: Record<string, number>, dirs: readonly string[]): string[] {
  return Object.entries(modes)
    .filter(([path, mode]) => mode !== (dirs.includes(path) ? 0o700 : 0o600))
    .map(([path, mode]) => `${path} ${mode.toString(8)}`)
}
