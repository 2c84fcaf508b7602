import { mkdir, chmod, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { toBase64, genesisHash, isSaksiError, KeyPair, formatVerifierKey, DEFAULT_EXECUTION_LIMITS, type DidKey, type ExecutionLimits } from 'saksi'
import { createGenesis, openNode } from '../../node/index.js'
import type { Contract } from 'saksi'
import { MemoryLedgerStore, type LedgerStore } from '../../store/index.js'
import { CliError } from '../cli-error.js'
import { writeKeyFile } from '../key-file.js'
import { adminKeyPath, dataDirPaths, type DataDirPaths } from './data-dir-paths.js'
import { readCityConfig, type CityConfig } from './city-config.js'
import { DEFAULT_NETWORK, KOTA_CONTOH_CONFIG, defaultOrigin } from './kota-contoh.js'
import { DATA_DIR_MODE, prepareNewDir } from './prepare-new-dir.js'
import { openDataStore } from './open-data-store.js'
import { createSecretFile, PRIVATE_FILE_MODE } from '../../store/index.js'
import { DATA_DIR_WORDS as W } from './data-dir-words.js'
import { bilingual } from '../words/words.js'

const GATEWAY_ROLE = 'payments.gateway'

/** What {@link initNetwork} takes. */
export interface InitNetworkInput {
  /** The data directory: new, or empty. */
  dir: string
  /**
   * The city's configuration (`saksi init --config`). Absent: the Kota Contoh file
   * (`config/kota-contoh.json`) with `network` and `origin` below.
   */
  config?: CityConfig
  /** Network id without a configuration (default `kota-contoh`). */
  network?: string
  /** Log origin without a configuration (default `saksi.example/<network>`). */
  origin?: string
  /** Where the configuration came from, for error messages (default `the configuration`). */
  configName?: string
  /** Opens the store (default: SQLite at `ledger.sqlite`). */
  openStore?: (path: string) => Promise<LedgerStore>
  /** The contracts whose genesis state block 0 holds (the services' contracts, in registry order). */
  contracts: readonly Contract[]
}

/** What {@link initNetwork} created. */
export interface InitNetworkResult {
  paths: DataDirPaths
  network: string
  origin: string
  nodeDid: string
  /** The checkpoint verifier key. */
  vkey: string
  /** base64 SHA-256 of JCS(genesis). */
  genesisHash: string
  /** Each organisation's first admins: `path` for a key generated here, absent for one the configuration gave. */
  admins: { org: string; did: string; path?: string }[]
  /** The payment service's key, a genesis member of the treasury (absent without one). */
  gateway?: { org: string; did: string; path: string }
}

/**
 * Creates a network in a new data directory: the node key and one admin key per organisation
 * (mode 0600), the genesis document, and the store with block 0 (through `openNode`).
 * @throws CliError (exit 2) for a non-empty directory or an invalid network id or origin
 */
export async function initNetwork(input: InitNetworkInput): Promise<InitNetworkResult> {
  const paths = dataDirPaths(input.dir)
  // The demo city grants the roles of every service; a build may leave some out.
  const config = input.config ?? (await readCityConfig(KOTA_CONTOH_CONFIG, input.contracts, false))
  const network = input.config ? config.network : (input.network ?? DEFAULT_NETWORK)
  const origin = input.config ? (config.origin ?? defaultOrigin(network)) : (input.origin ?? defaultOrigin(network))
  const orgs = config.organisations
  const nodeKey = KeyPair.generate()
  // An organisation without admin keys in the configuration gets one, generated here.
  const admins = orgs.map((o) => ({ org: o, key: o.admins ? undefined : KeyPair.generate(), dids: o.admins ?? [] }))
  for (const a of admins) if (a.key) a.dids = [a.key.did]
  // The payment service's key is a genesis member of the treasury, when the network has one that
  // may grant the role: the node's payment outbox signs the bank's answers with it.
  const treasury = orgs.find((o) => o.grants?.includes(GATEWAY_ROLE))
  const gateway = treasury ? KeyPair.generate() : undefined
  let genesis
  try {
    genesis = createGenesis({
      network,
      origin,
      nodeKey: nodeKey.did,
      ...(config.maxValiditySeconds === undefined ? {} : { maxValiditySeconds: config.maxValiditySeconds }),
      ...(config.executionLimits === undefined ? {} : { executionLimits: { ...DEFAULT_EXECUTION_LIMITS, ...config.executionLimits } as ExecutionLimits }),
      extra: { ...(config.city === undefined ? {} : { city: config.city }), ...(config.admission === undefined ? {} : { admission: config.admission }) },
      organisations: admins.map(({ org, dids }) => ({
        id: org.id,
        name: org.name,
        ...(org.kind ? { kind: org.kind } : {}),
        admins: dids as DidKey[],
        ...(org.grants ? { grants: org.grants } : {}),
        ...(gateway && org === treasury ? { members: [{ did: gateway.did, roles: [GATEWAY_ROLE] }] } : {}),
      })),
    })
    // The contracts' own sections (identity's organisations) are checked when block 0 is executed,
    // below, after files are written: run it first on a scratch store so a bad document writes nothing.
    const scratch = await openNode({ store: new MemoryLedgerStore(), key: nodeKey, genesis, signatureWorkers: 0, contracts: input.contracts })
    await scratch.close()
  } catch (e) {
    if (isSaksiError(e)) throw new CliError(bilingual(W, (w) => (input.config ? w.badConfig(input.configName ?? 'city.json', e.message) : w.badNetwork(e.message))))
    throw e
  }

  await prepareNewDir(paths.dir, (entries) => entries.includes(basename(paths.genesis)))
  await writeKeyFile(paths.nodeKey, nodeKey)
  await mkdir(paths.keys, { mode: DATA_DIR_MODE })
  await chmod(paths.keys, DATA_DIR_MODE)
  for (const { org, key } of admins) if (key) await writeKeyFile(adminKeyPath(paths, org.id), key)
  if (gateway) await writeKeyFile(paths.gatewayKey, gateway)
  createSecretFile(paths.vaultKey)
  createSecretFile(paths.nikKey)

  const store = await (input.openStore ?? openDataStore)(paths.store)
  // Block 0 is written by openNode itself, so that init and start agree on what genesis means.
  const node = await openNode({ store, key: nodeKey, genesis, signatureWorkers: 0, contracts: input.contracts })
  await node.close()
  // Written last: its presence marks a directory whose store holds block 0.
  await writeFile(paths.genesis, JSON.stringify(genesis, null, 2) + '\n', { flag: 'wx', mode: PRIVATE_FILE_MODE })

  return {
    paths,
    network,
    origin,
    nodeDid: nodeKey.did,
    vkey: formatVerifierKey(origin, nodeKey.publicKey),
    genesisHash: toBase64(genesisHash(genesis)),
    admins: admins.flatMap(({ org, key, dids }) => (key ? [{ org: org.id, did: key.did, path: adminKeyPath(paths, org.id) }] : dids.map((did) => ({ org: org.id, did })))),
    ...(gateway && treasury ? { gateway: { org: treasury.id, did: gateway.did, path: paths.gatewayKey } } : {}),
  }
}
