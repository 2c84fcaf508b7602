import type { JsonObject, Contract } from 'saksi'
import { isSaksiError } from 'saksi'
import type { LedgerNode } from '../../node/index.js'
import { openNode, type OpenNodeOptions } from '../../node/index.js'
import type { DirectoryLock, LedgerStore } from '../../store/index.js'
import { lockDirectory, SqliteRequestGuardStore } from '../../store/index.js'
import { CliError } from '../cli-error.js'
import { readKeyFile } from '../key-file.js'
import { dataDirPaths, type DataDirPaths } from './data-dir-paths.js'
import { openDataStore } from './open-data-store.js'
import { privateDataDir } from './private-data-dir.js'
import { readGenesisFile } from './read-genesis-file.js'
import { openDataServices, type DataServices } from './open-data-services.js'
import { DATA_DIR_WORDS as W } from './data-dir-words.js'
import { bilingual } from '../words/words.js'
import type { Language } from 'saksi/catalogue'

/** A node opened on a data directory. */
export interface DataNode {
  node: LedgerNode
  paths: DataDirPaths
  genesis: JsonObject
  /** The vault, NIK hasher and payment outbox beside the node. */
  services: DataServices
  /** Warnings to show (e.g. a key file readable by others, a service without its key). */
  warnings: string[]
  /**
   * Stops the services (the followers reach the head or their deadline and save their cursors),
   * then closes the node.
   * @returns lines for the operator about followers that did not finish (none normally)
   */
  close(): Promise<string[]>
}

/** Options of {@link openDataNode}. */
export interface OpenDataNodeOptions {
  /** Opens the store (default: SQLite at `ledger.sqlite`). */
  openStore?: (path: string) => Promise<LedgerStore>
  /** Node tuning passed to `openNode`. */
  node?: Omit<OpenNodeOptions, 'store' | 'key' | 'genesis' | 'contracts'>
  /** The language of the warnings and errors (default English). */
  lang?: Language
}

/**
 * Opens the node of a data directory made by `saksi init`: its genesis document, node key and
 * store. The node resumes from the store's head block. The directory is locked for the node's life
 * (`lockDirectory`): a second node on it is refused, naming the first one's pid.
 * @param dir the data directory
 * @param contracts the contracts to install (the services' contracts, in registry order)
 * @throws CliError when the directory is not a Saksi data directory, its files do not agree, or
 *   another process holds it (`STORE_LOCKED`)
 */
export async function openDataNode(dir: string, contracts: readonly Contract[], options: OpenDataNodeOptions = {}): Promise<DataNode> {
  const paths = dataDirPaths(dir)
  const lang = options.lang ?? 'en'
  const genesis = await readGenesisFile(paths.genesis, bilingual(W, (w) => w.notDataDirCreate(paths.dir)))
  const { key, warning } = await readKeyFile(paths.nodeKey, lang)
  const lock = takeLock(paths.dir)
  const modeWarnings = await privateDataDir(paths, lang)
  let store: LedgerStore
  let guards: SqliteRequestGuardStore
  try {
    store = await (options.openStore ?? openDataStore)(paths.store)
  } catch (e) {
    lock.release()
    throw e
  }
  try {
    guards = new SqliteRequestGuardStore(paths.requests)
  } catch (e) {
    await store.close().catch(() => undefined)
    lock.release()
    throw e
  }
  try {
    // The node counts failed calls in requests.sqlite too: closed after the node's last block.
    const node = await openNode({ ...options.node, store, key, genesis, contracts, failedCalls: guards })
    const services = await openDataServices(paths, node, guards, process.env, { contracts, genesis }, lang).catch(async (e: unknown) => {
      await node.close()
      throw e
    })
    const close = async (): Promise<string[]> => {
      const notes = await services.close()
      try {
        await node.close()
      } finally {
        guards.close()
        lock.release()
      }
      return notes
    }
    return { node, paths, genesis, services, warnings: [...(warning ? [warning] : []), ...modeWarnings, ...services.warnings], close }
  } catch (e) {
    await store.close().catch(() => undefined)
    guards.close()
    lock.release()
    if (isSaksiError(e)) throw new CliError(bilingual(W, (w) => w.cannotOpenNode(paths.dir, e.code, e.message)))
    throw e
  }
}

/** The directory's lock, or a CliError that names the holder. */
function takeLock(dir: string): DirectoryLock {
  try {
    return lockDirectory(dir)
  } catch (e) {
    if (isSaksiError(e)) throw new CliError(bilingual(W, (w) => w.cannotOpenNode(dir, e.code, e.message)))
    throw e
  }
}
