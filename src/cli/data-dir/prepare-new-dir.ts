import { chmod, mkdir, readdir } from 'node:fs/promises'
import { PRIVATE_DIR_MODE } from '../../store/index.js'
import { CliError } from '../cli-error.js'

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
    if (code === 'ENOTDIR') throw new CliError(`${dir} is a file, not a directory`)
    if (code !== 'ENOENT') throw new CliError(`cannot read ${dir}: ${code ?? (e as Error).message}`)
  }
  if (entries !== undefined && entries.length > 0) {
    if (initialised(entries)) throw new CliError(`${dir} already holds a Saksi network; use saksi start --data ${dir}, or choose another directory`)
    throw new CliError(`${dir} is not empty; saksi init needs a new or empty directory`)
  }
  try {
    await mkdir(dir, { recursive: true, mode: DATA_DIR_MODE })
    await chmod(dir, DATA_DIR_MODE)
  } catch (e) {
    throw new CliError(`cannot create ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
}
