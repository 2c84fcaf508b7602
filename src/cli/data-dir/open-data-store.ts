import { existsSync } from 'node:fs'
import { isSaksiError } from 'saksi'
import type { LedgerStore } from '../../store/index.js'
import { openSqliteLedgerStore } from '../../store/index.js'
import { CliError } from '../cli-error.js'
import { DATA_DIR_WORDS as W } from './data-dir-words.js'
import { bilingual } from '../words/words.js'

/** Options of {@link openDataStore}. */
export interface OpenDataStoreOptions {
  /** Open an existing store for reading only (audits). */
  readonly?: boolean
}

/**
 * Opens the SQLite ledger store of a data directory.
 * @param path the store file (`DIR/ledger.sqlite`)
 * @param options read-only for audits
 * @throws CliError when a read-only store does not exist or the database cannot be opened
 */
export async function openDataStore(path: string, options: OpenDataStoreOptions = {}): Promise<LedgerStore> {
  if (options.readonly && !existsSync(path)) throw new CliError(bilingual(W, (w) => w.storeMissing(path)))
  try {
    return await openSqliteLedgerStore(path, options.readonly ? { readonly: true } : {})
  } catch (e) {
    if (isSaksiError(e)) throw new CliError(bilingual(W, (w) => w.cannotOpenStore(path, e.code, e.message)))
    throw e
  }
}
