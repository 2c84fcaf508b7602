import { chmod, mkdir, readdir } from 'node:fs/promises'
import { PRIVATE_DIR_MODE } from '../../store/index.js'
import { CliError } from '../cli-error.js'
import { DATA_DIR_WORDS as W } from './data-dir-words.js'
import { bilingual } from '../words/words.js'

/** Mode of data directories: only their owner may enter them. */
export const DATA_DIR_MODE = PRIVATE_DIR_MODE

/**
 * Makes `dir` ready for a new network: creates it (mode 0700), or accepts an existing empty one.
 * @param dir absolute path
 * @param initialised whether it already holds a network (for the error message)
 * @throws CliError (exit 2) if the directory holds anything
 */
export async function prepareNewDir(dir: string, initialised: (entries: string[]) => boolean): Promise<void> {
  let entries: string[] | undefined
  try {
    entries = await readdir(dir)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOTDIR') throw new CliError(bilingual(W, (w) => w.isAFile(dir)))
    if (code !== 'ENOENT') throw new CliError(bilingual(W, (w) => w.cannotRead(dir, code ?? (e as Error).message)))
  }
  if (entries !== undefined && entries.length > 0) {
    if (initialised(entries)) throw new CliError(bilingual(W, (w) => w.holdsNetwork(dir)))
    throw new CliError(bilingual(W, (w) => w.notEmpty(dir)))
  }
  try {
    await mkdir(dir, { recursive: true, mode: DATA_DIR_MODE })
    await chmod(dir, DATA_DIR_MODE)
  } catch (e) {
    throw new CliError(bilingual(W, (w) => w.cannotCreate(dir, (e as NodeJS.ErrnoException).code ?? (e as Error).message)))
  }
}
