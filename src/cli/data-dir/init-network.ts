import { mkdir, chmod, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { toBase64, genesisHash, isSaksiError, KeyPair, formatVerifierKey } from 'saksi'
import { createGenesis, openNode } from '../../node/index.js'
import type { Contract } from 'saksi'
import type { LedgerStore } from '../../store/index.js'
import { CliError } from '../cli-error.js'
import { writeKeyFile } from '../key-file.js'
import { adminKeyPath, dataDirPaths, type DataDirPaths } from './data-dir-paths.js'
import { DEFAULT_NETWORK, KOTA_CONTOH_ORGANISATIONS, defaultOrigin, type OrganisationSpec } from './kota-contoh.js'
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
  /** Network id (default `kota-contoh`). */
  network?: string
  /** Log origin (default `saksi.example/<network>`). */
  origin?: string
  /** Genesis organisations, each with a generated admin key (default: the Kota Contoh agencies). */
  organisations?: readonly OrganisationSpec[]
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
  admins: { org: string; did: string; path: string }[]
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
  const network = input.network ?? DEFAULT_NETWORK
  const origin = input.origin ?? defaultOrigin(network)
  const orgs = input.organisations ?? KOTA_CONTOH_ORGANISATIONS
  const nodeKey = KeyPair.generate()
  const admins = orgs.map((o) => ({ org: o, key: KeyPair.generate() }))
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
      organisations: admins.map(({ org, key }) => ({
        id: org.id,
        name: org.name,
        admins: [key.did],
        ...(org.grants ? { grants: org.grants } : {}),
        ...(gateway && org === treasury ? { members: [{ did: gateway.did, roles: [GATEWAY_ROLE] }] } : {}),
      })),
    })
  } catch (e) {
    if (isSaksiError(e)) throw new CliError(bilingual(W, (w) => w.badNetwork(e.message)))
    throw e
  }

  await prepareNewDir(paths.dir, (entries) => entries.includes(basename(paths.genesis)))
  await writeKeyFile(paths.nodeKey, nodeKey)
  await mkdir(paths.keys, { mode: DATA_DIR_MODE })
  await chmod(paths.keys, DATA_DIR_MODE)
  for (const { org, key } of admins) await writeKeyFile(adminKeyPath(paths, org.id), key)
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
    admins: admins.map(({ org, key }) => ({ org: org.id, did: key.did, path: adminKeyPath(paths, org.id) })),
    ...(gateway && treasury ? { gateway: { org: treasury.id, did: gateway.did, path: paths.gatewayKey } } : {}),
  }
}
