import { toBase64, canonicalJson, ValidationError, genesisHash, buildBlockHeader, signBlock, EMPTY_ROOT, signCheckpoint, formatVerifierKey, createRuntime, type Runtime, executeGenesis } from 'saksi'
import type { JsonObject, KeyPair, Contract } from 'saksi'
import type { LedgerStore } from '../store/index.js'
import { BlockProducer } from './block-producer.js'
import { CommittedState } from './committed-state.js'
import { parseGenesis } from './genesis.js'
import { LedgerNode } from './ledger-node.js'
import { LocalOrderer } from './local-orderer.js'
import { createNodeMetrics } from './metrics.js'
import type { Orderer } from './orderer.js'
import { SignaturePool } from './signature-pool.js'
import { StateIntegrity } from './state-integrity.js'

/** How to open a node. */
export interface OpenNodeOptions {
  /** The node's storage (SQLite in the embedded default). */
  store: LedgerStore
  /** The node key: signs blocks and checkpoints; must be the genesis document's `nodeKey`. */
  key: KeyPair
  /** The genesis document; required for a new store, checked against the stored one otherwise. */
  genesis?: JsonObject
  /**
   * The contracts to install, in order (the services' contracts from the registry,
   * `src/services/registry.ts`). Every node of a network and its auditors use the same list.
   */
  contracts: readonly Contract[]
  /** The orderer (default: a {@link LocalOrderer}). */
  orderer?: Orderer
  /** Cut a block at this many transactions (default 2,000). */
  maxBlockTxs?: number
  /** Cut a block this many ms after its first transaction (default 5). */
  maxBlockDelayMs?: number
  /** Blocks executed ahead of the disk: the next block runs while these commit (default 2; 1 = none ahead). */
  maxBlocksInFlight?: number
  /** Bound on admitted, uncommitted transactions before answering 503 (default 20,000). */
  maxPending?: number
  /** Most state keys (and known key ranges) the committed-state cache holds (default 100,000). */
  stateCacheSize?: number
  /** Signature worker threads (default: one per core; 0 = verify on the main thread). */
  signatureWorkers?: number
  /** Clock for admission and block times (tests). */
  now?: () => number
  /** Told about a block that failed to commit. */
  onError?: (error: unknown) => void
  /**
   * Recompute the state digest from the stored state at open and compare it with the head's
   * (default true). It runs in the background: reads are served at once, writes wait for it, and a
   * mismatch refuses every write and state read with `STATE_CORRUPT`.
   */
  checkStateDigest?: boolean
}

/**
 * Opens the embedded node on a store: initialises a new store from the genesis document (block 0
 * with the contracts' genesis state, and the first checkpoint), or resumes an existing one from its
 * head block without replaying the log, then starts ordering. The state digest check starts in the
 * background (see {@link StateIntegrity}).
 * @throws ValidationError `GENESIS_INVALID`, `GENESIS_MISMATCH`, `NODE_KEY_MISMATCH`
 */
export async function openNode(options: OpenNodeOptions): Promise<LedgerNode> {
  const { store, key } = options
  const runtime = createRuntime({ contracts: [...options.contracts] })
  let doc = await store.genesis()
  if (doc === undefined) {
    if (!options.genesis) throw new ValidationError('GENESIS_INVALID', 'a new data store needs a genesis document')
    doc = options.genesis
    await initialise(store, runtime, key, doc)
  } else if (options.genesis && canonicalJson(options.genesis) !== canonicalJson(doc)) {
    throw new ValidationError('GENESIS_MISMATCH', 'this store holds another genesis document')
  }
  const genesis = parseGenesis(doc)
  if (genesis.nodeKey !== key.did) throw new ValidationError('NODE_KEY_MISMATCH', 'the node key is not the genesis nodeKey')

  const integrity = options.checkStateDigest === false ? new StateIntegrity(undefined, options.now) : StateIntegrity.check(store, options.now)
  const state = new CommittedState({ reader: store.state, sync: store.syncState, capacity: options.stateCacheSize ?? 100_000 })
  const producer = await BlockProducer.resume(store, state, runtime, key, genesis.origin)
  const orderer = options.orderer ?? new LocalOrderer({ maxBlockTxs: options.maxBlockTxs, maxBlockDelayMs: options.maxBlockDelayMs, maxInFlight: options.maxBlocksInFlight, now: options.now })
  if (orderer instanceof LocalOrderer) orderer.lastTime = Date.parse(producer.head.header.time)
  return new LedgerNode({
    info: {
      network: genesis.network,
      origin: genesis.origin,
      vkey: formatVerifierKey(genesis.origin, key.publicKey),
      genesisHash: toBase64(genesisHash(doc)),
      maxValiditySeconds: genesis.maxValiditySeconds,
      contracts: runtime.describe(),
    },
    genesis: doc,
    store,
    state,
    runtime,
    key,
    producer,
    orderer,
    pool: new SignaturePool({ workers: options.signatureWorkers }),
    metrics: createNodeMetrics(),
    integrity,
    maxPending: options.maxPending ?? 20_000,
    retryAfterSeconds: 1,
    now: options.now,
    onError: options.onError,
  })
}

/** Writes block 0: no entries, the contracts' genesis writes, the empty log's checkpoint. */
async function initialise(store: LedgerStore, runtime: Runtime, key: KeyPair, doc: JsonObject): Promise<void> {
  const genesis = parseGenesis(doc)
  if (genesis.nodeKey !== key.did) throw new ValidationError('NODE_KEY_MISMATCH', 'the node key is not the genesis nodeKey')
  const g = executeGenesis({ runtime, genesis: doc, time: genesis.time })
  const header = buildBlockHeader(
    { network: genesis.network, genesisHash: genesisHash(doc) },
    { time: genesis.time, size: 0, logRoot: EMPTY_ROOT, stateDigest: g.stateDigest, proposer: key.did },
  )
  const checkpoint = signCheckpoint({ origin: genesis.origin, size: 0, root: EMPTY_ROOT }, key)
  await store.initialise(doc, { block: signBlock(header, key), checkpoint, entries: [], nodes: [], writes: g.writes })
}
