import { readFile } from 'node:fs/promises'
import type { JsonObject } from 'saksi'
import { parseJson, isSaksiError } from 'saksi'
import { CliError } from '../cli-error.js'
import { DATA_DIR_WORDS as W } from './data-dir-words.js'
import { bilingual, type Bilingual } from '../words/words.js'

/**
 * Reads a genesis document (strict JSON: no duplicate keys, no unsafe numbers).
 * @param path the file
 * @param hint what to tell the user when the file is missing
 * @throws CliError when it is missing, not JSON or not an object
 */
export async function readGenesisFile(path: string, hint?: Bilingual): Promise<JsonObject> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new CliError(code === 'ENOENT' ? { id: W.id.doesNotExist(path) + (hint?.id ?? ''), en: W.en.doesNotExist(path) + (hint?.en ?? '') } : bilingual(W, (w) => w.cannotRead(path, code ?? (e as Error).message)))
  }
  let value
  try {
    value = parseJson(text)
  } catch (e) {
    if (isSaksiError(e)) throw new CliError(bilingual(W, (w) => w.notGenesis(path, e.message)))
    throw e
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CliError(bilingual(W, (w) => w.notGenesis(path, w.notAnObject)))
  return value
}
