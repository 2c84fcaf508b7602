import { join, resolve } from 'node:path'

/** The files of a Saksi data directory, as `saksi init` lays it out. */
export interface DataDirPaths {
  /** The directory itself (absolute). */
  dir: string
  /** The node key (signs blocks and checkpoints), mode 0600. */
  nodeKey: string
  /** Admin keys of the genesis organisations, `<org>-admin.pem`, mode 0600. */
  keys: string
  /** The genesis document (public: its hash is block 0's `prev`). */
  genesis: string
  /** The SQLite ledger store. */
  store: string
}

/**
 * The paths inside a data directory.
 * @param dir the data directory (relative paths resolve against the working directory)
 */
export function dataDirPaths(dir: string): DataDirPaths {
  const abs = resolve(dir)
  return {
    dir: abs,
    nodeKey: join(abs, 'node-key.pem'),
    keys: join(abs, 'keys'),
    genesis: join(abs, 'genesis.json'),
    store: join(abs, 'ledger.sqlite'),
  }
}

/**
 * The admin key file of a genesis organisation.
 * @param paths the data directory's paths
 * @param org the organisation id
 */
export function adminKeyPath(paths: DataDirPaths, org: string): string {
  return join(paths.keys, `${org}-admin.pem`)
}
