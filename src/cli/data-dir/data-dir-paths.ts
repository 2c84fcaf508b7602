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
  /** The personal-data vault's master key (32 bytes, base64), mode 0600; `SAKSI_VAULT_KEY` overrides it. */
  vaultKey: string
  /** The network's secret for keyed NIK hashes, mode 0600; `SAKSI_NIK_KEY` overrides it. */
  nikKey: string
  /** The personal-data vault (SQLite, secure_delete), kept apart from the ledger. */
  vault: string
  /** The payment service's key (role `payments.gateway` in BPKAD): signs the bank's answers. */
  gatewayKey: string
  /** The simulated bank's books (demo and pilots without a bank connection). */
  bank: string
  /** The payment outbox's cursor. */
  outbox: string
  /** Signed requests already used and daily quotas (node-local SQLite, mode 0600; never on the log). */
  requests: string
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
    vaultKey: join(abs, 'vault.key'),
    nikKey: join(abs, 'nik.key'),
    vault: join(abs, 'vault.sqlite'),
    gatewayKey: join(abs, 'keys', 'bpkad-payments.pem'),
    bank: join(abs, 'bank-sim.sqlite'),
    outbox: join(abs, 'outbox.json'),
    requests: join(abs, 'requests.sqlite'),
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
