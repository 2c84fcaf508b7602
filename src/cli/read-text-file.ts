import { readFile } from 'node:fs/promises'
import { CliError } from './cli-error.js'

/**
 * Reads a file the user named, as UTF-8.
 * @throws CliError naming the file and why it cannot be read (ENOENT, EACCES...)
 */
export async function readTextFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
}
