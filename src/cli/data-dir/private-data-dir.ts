import { chmod, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../store/index.js'
import type { DataDirPaths } from './data-dir-paths.js'
import { DATA_DIR_WORDS as W } from './data-dir-words.js'
import type { Language } from 'saksi/catalogue'

/**
 * Makes a data directory private as a node opens it: the directory and its folders (`keys`,
 * `followers`, ...) mode 0700, every file in them mode 0600 (the ledger, the vault, the bank's
 * books, cursors, keys, secrets and the genesis document, which is public but gains nothing from
 * being readable by others here). Directories written before this was done had 0644 databases.
 * Files the node creates later are born 0600 (the store, the vault, the bank, cursors).
 * @param paths the directory's paths
 * @returns warnings for files whose mode could not be set (another owner), none normally
 */
export async function privateDataDir(paths: DataDirPaths, lang: Language = 'en'): Promise<string[]> {
  const warnings: string[] = []
  const walk = async (dir: string): Promise<void> => {
    await set(dir, PRIVATE_DIR_MODE)
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      const path = join(dir, e.name)
      if (e.isDirectory()) await walk(path)
      else if (e.isFile()) await set(path, PRIVATE_FILE_MODE)
    }
  }
  const set = async (path: string, mode: number): Promise<void> => {
    try {
      await chmod(path, mode)
    } catch (e) {
      warnings.push(W[lang].notPrivate(path, mode.toString(8), (e as NodeJS.ErrnoException).code ?? (e as Error).message))
    }
  }
  await walk(paths.dir)
  return warnings
}
