import { readFile } from 'node:fs/promises'
import { CliError } from './cli-error.js'
import { COMMON_WORDS as W } from './words/common-words.js'
import { bilingual } from './words/words.js'

/**
 * Reads a file the user named, as UTF-8.
 * @throws CliError naming the file and why it cannot be read (ENOENT, EACCES...)
 */
export async function readTextFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (e) {
    throw new CliError(bilingual(W, (w) => w.cannotRead(file, (e as NodeJS.ErrnoException).code ?? (e as Error).message)))
  }
}
