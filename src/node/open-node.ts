import { toBase64, canonicalJson, ValidationError, genesisHash, buildBlockHeader, signBlock, EMPTY_ROOT, signCheckpoint, formatVerifierKey, createRuntime, type Runtime, executeGenesis, rulesVersion } from 'saksi'
import type { JsonObject, KeyPair, Contract } from 'saksi'
import type { FailedCallStore, LedgerStore } from '../store/index.js'
import { BlockProducer } from './block-producer.js'
import { CommittedState } from './committed-state.js'
import { ExecutionWatchdog } from './execution-watchdog.js'
import { parseGenesis } from './genesis.js'
import { resolveAdmissionLimits, type AdmissionLimits } from './limits/index.js'
import { LedgerNode } from './ledger-node.js'
import { LocalOrderer } from './local-orderer.js'
import { createNodeMetrics } from './metrics.js'
import type { Orderer } from './orderer.js'
import type { NodeHalt } from './saksi-node.js'
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
  /**
   * Admission limits of this node, over the genesis document's `admission` section and the defaults
   * (PROTOCOL-NOTES "Admission limits"); `NO_RATE_LIMITS` for benchmarks.
   */
  admission?: Partial<AdmissionLimits>
  /**
   * Where each signer's committed failed calls of the day are counted so that a restart does not
   * forgive them (`SqliteRequestGuardStore` on a data directory's `requests.sqlite`); default: in
   * memory. Not closed by the node.
   */
  failedCalls?: FailedCallStore
  /** Clock for admission and block times (tests). */
  now?: () => number
  /** Told about a block that failed to commit, or failed calls that could not be counted in `failedCalls`. */
  onError?: (error: unknown) => void
  /**
   * Milliseconds a block's execution may take before the watchdog interrupts it and block
   * production halts (default {@link DEFAULT_EXECUTION_TIMEOUT_MS}; 0 = no watchdog).
   */
  executionTimeoutMs?: number
  /** Told once when block production halts (log it: the node keeps answering reads). */
  onHalt?: (halt: NodeHalt) => void
  /**
   * Recompute the state digest from the stored state at open and compare it with the head's
   * (default true). It runs in the background: reads are served at once, writes wait for it, and a
   * mismatch refuses every write and state read with `STATE_CORRUPT`.
   */
  checkStateDigest?: boolean
}

/**
 * Default watchdog timeout of a block's execution. A block of 2,000 transactions executes in tens
 * of milliseconds (docs/PERFORMANCE.md): two seconds leaves room for a slow or busy machine and
 * bounds how long a runaway contract holds the node's thread before reads are answered again.
 */
export const DEFAULT_EXECUTION_TIMEOUT_MS = 2000

/**
 * Opens the embedded node on a store: initialises a new store from the genesis document (block 0
 * with the contracts' genesis state, and the first checkpoint), or resumes an existing one from its
 * head block without replaying the log, then starts ordering. The state digest check starts in the
 * background (see {@link StateIntegrity}).
 * @throws ValidationError `GENESIS_INVALID`, `GENESIS_MISMATCH`, `NODE_KEY_MISMATCH`
 */
export async function openNode(options: OpenNodeOptions): Promise<LedgerNode> {
  const { store, key } = options
  let doc = await store.genesis()
  const isNew = doc === undefined
  if (doc === undefined) {
    if (!options.genesis) throw new ValidationError('GENESIS_INVALID', 'a new data store needs a genesis document')
    doc = options.genesis
  } else if (options.genesis && canonicalJson(options.genesis) !== canonicalJson(doc)) {
    throw new ValidationError('GENESIS_MISMATCH', 'this store holds another genesis document')
  }
  const genesis = parseGenesis(doc)
  // The genesis fixes each call's budget; a genesis without limits runs calls without one, as before.
  const runtime = createRuntime({ contracts: [...options.contracts], limits: genesis.executionLimits })
  if (isNew) await initialise(store, runtime, key, doc)
  if (genesis.nodeKey !== key.did) throw new ValidationError('NODE_KEY_MISMATCH', 'the node key is not the genesis nodeKey')
  const limits = resolveAdmissionLimits(doc, options.admission)

  const integrity = options.checkStateDigest === false ? new StateIntegrity(undefined, options.now) : StateIntegrity.check(store, options.now)
  const state = new CommittedState({ reader: store.state, sync: store.syncState, capacity: options.stateCacheSize ?? 100_000 })
  const rules = rulesVersion(genesis.rules)
  const timeoutMs = options.executionTimeoutMs ?? DEFAULT_EXECUTION_TIMEOUT_MS
  const producer = await BlockProducer.resume(store, state, runtime, key, genesis.origin, rules, timeoutMs > 0 ? new ExecutionWatchdog(timeoutMs) : undefined)
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
    rules,
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
    limits,
    failedCalls: options.failedCalls,
    now: options.now,
    onError: options.onError,
    onHalt: options.onHalt,
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
