import { chmod, readFile, stat, writeFile } from 'node:fs/promises'
import { isSaksiError, KeyPair } from 'saksi'
import { CliError } from './cli-error.js'
import { COMMON_WORDS as W } from './words/common-words.js'
import { bilingual, prefixed } from './words/words.js'
import { saksiErrorText } from './words/saksi-error-text.js'
import type { Language } from 'saksi/catalogue'

/** Mode of key files: read and write by the owner only. */
export const KEY_FILE_MODE = 0o600

/**
 * Writes a key as a PKCS#8 PEM file readable only by its owner. Never overwrites.
 * @param path where to write
 * @param key the key pair
 * @throws CliError if the file exists or cannot be written
 */
export async function writeKeyFile(path: string, key: KeyPair): Promise<void> {
  try {
    // 'wx' fails on an existing file: a key is never silently replaced.
    await writeFile(path, key.toPem(), { mode: KEY_FILE_MODE, flag: 'wx' })
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw new CliError(bilingual(W, (w) => w.keyExists(path)))
    throw new CliError(bilingual(W, (w) => w.cannotWrite(path, (e as Error).message)))
  }
  // The process umask may have narrowed the mode at creation, never widened it; set it exactly anyway.
  await chmod(path, KEY_FILE_MODE)
}

/** A key read from a file, with a warning when others may read the file. */
export interface LoadedKey {
  key: KeyPair
  /** Set when the file's mode lets group or others read it. */
  warning?: string
}

/**
 * Reads a PKCS#8 PEM Ed25519 key file (as `saksi keys new` and `openssl genpkey -algorithm ed25519` write).
 * @param path the file
 * @param lang the language of the warning (default English)
 * @returns the key, and a warning if the file is readable by others
 * @throws CliError if the file is missing or does not hold an Ed25519 private key
 */
export async function readKeyFile(path: string, lang: Language = 'en'): Promise<LoadedKey> {
  let text: string
  let mode: number
  try {
    text = await readFile(path, 'utf8')
    mode = (await stat(path)).mode
  } catch (e) {
    throw new CliError(bilingual(W, (w) => w.cannotReadKey(path, (e as NodeJS.ErrnoException).code ?? (e as Error).message)))
  }
  let key: KeyPair
  try {
    key = KeyPair.fromPem(text)
  } catch (e) {
    if (isSaksiError(e)) throw new CliError(prefixed(`${path}: `, saksiErrorText(e, { code: false })))
    throw e
  }
  const loaded: LoadedKey = { key }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    loaded.warning = W[lang].readableByOthers(path, (mode & 0o777).toString(8))
  }
  return loaded
}
