import type { SignedBlock, Contract } from 'saksi'
import { parseEntry, bytesEqual, toBase64, createRuntime, type Runtime } from 'saksi'
import { SignaturePool } from '../node/index.js'
import { verifyCheckpoint } from 'saksi/verify'
import { AuditFailure, attribute } from './audit-failure.js'
import { NO_PROGRESS, type AuditProgress } from './audit-progress.js'
import type { AuditSource } from './audit-source.js'
import { establishTrust } from './audit-trust.js'
import { ChainAuditor, type PreparedBlock } from './chain-auditor.js'
import { compareState } from './compare-state.js'
import { PagedReader, PageReadError } from './paged-reader.js'
import { ProofSamples } from './proof-samples.js'
import { TxIdIndex } from './txid-index.js'

/** Blocks read and prepared ahead of the one being re-executed. */
const BLOCKS_AHEAD = 3

interface Loaded {
  block: SignedBlock
  prepared?: PreparedBlock
}

/** Options of {@link auditLedger}. */
/** What to re-execute with: the node's contracts, in the node's order, or a runtime built from them. */
export type AuditContracts = { contracts: readonly Contract[]; runtime?: undefined } | { runtime: Runtime; contracts?: undefined }

/** Options of {@link auditLedger}. */
export type AuditOptions = AuditContracts & AuditTuning

/** How an audit runs. */
export interface AuditTuning {
  progress?: AuditProgress
  /** Signature worker threads (default one per core; 0 verifies on this thread). */
  signatureWorkers?: number
  /** Entries per request to the source (default 500). */
  pageSize?: number
  /** Pages requested ahead (default 4). */
  ahead?: number
  /** Inclusion and consistency proofs to spot-check when the source serves proofs (default 16 each). */
  proofSamples?: number
}

/** What a passed audit covered. */
export interface AuditSummary {
  network: string
  origin: string
  blocks: number
  entries: number
  /** Checkpoints whose signature and root were checked. */
  checkpoints: number
  /** The audited checkpoint's size and root. */
  size: number
  root: string
  /** Keys of stored state compared with the re-executed state, or why the comparison was skipped. */
  state: { compared: number } | { skipped: string }
  proofs?: { inclusion: number; consistency: number }
  seconds: number
}

/**
 * Audits a ledger from genesis, trusting only the genesis document: every block's signature and
 * chain link; every checkpoint's signature (each block's where the source keeps them, else the
 * latest); every entry's strict parse and transaction signature; the Merkle root recomputed from
 * all entries against every block's `logRoot` and the checkpoints' roots (which proves every
 * entry's inclusion and the consistency of successive checkpoints); full re-execution from genesis
 * comparing each entry's bytes and each `stateDigest`; the final stored state where the source has
 * it; and a sample of the node's own proofs where it serves them.
 * @throws AuditFailure naming the first block, entry, checkpoint or state key that does not verify
 */
export async function auditLedger(source: AuditSource, options: AuditOptions): Promise<AuditSummary> {
  const started = performance.now()
  const progress = options.progress ?? NO_PROGRESS
  const trust = await establishTrust(source)
  // Re-executed under the budget the genesis fixes (none for a genesis written before limits).
  const contracts = options.runtime ? [...options.runtime.contracts.values()] : [...options.contracts]
  const runtime = createRuntime({ contracts, limits: trust.genesis.executionLimits })
  const { origin, network } = trust.genesis
  const head = await attribute('head', () => source.head())
  const latest = await attribute('latest checkpoint', () => verifyCheckpoint(head.checkpoint, [trust.vkey], { origin }))
  const end = await expectedSize(source, head.height)
  const pageSize = options.pageSize ?? 500
  const ahead = options.ahead ?? 4

  const pool = new SignaturePool({ workers: options.signatureWorkers })
  const txIds = new TxIdIndex(async (i) => parseEntry((await source.entries(i, i + 1))[0]!).txId)
  const chain = new ChainAuditor(trust, runtime, pool, txIds)
  const samples = source.proofs ? new ProofSamples(latest.size, options.proofSamples ?? 16) : undefined
  const blocks = new PagedReader((from, to) => Promise.all(range(from, to).map((h) => source.block(h))), 0, head.height + 1, 16, ahead)
  const entries = new PagedReader((from, to) => source.entries(from, to), 0, end, pageSize, ahead)
  // Each block's checkpoint where the source keeps them (the latest is the last block's), else the latest.
  let checkpoints = source.checkpointAt ? 0 : 1
  let latestMatched = false
  progress.start({ blocks: head.height + 1, entries: end })
  // Blocks ahead: the next blocks are read, their headers checked and their signatures sent to
  // the workers while this thread re-executes the current one. A failure of a later block surfaces
  // only after every earlier block passed.
  const load = async (height: number): Promise<Loaded> => {
    const raw = await read(() => blocks.take(1), () => `block ${height}`)
    const block = await chain.header(raw[0], height)
    if (height === 0) return { block }
    entries.extendTo(block.header.size)
    const bytes = await read(() => entries.take(block.header.size - block.header.firstIndex), (e) => `entry ${e.from}`)
    return { block, prepared: chain.prepare(block, bytes) }
  }
  const queue: Promise<Loaded>[] = []
  let last: Promise<unknown> = Promise.resolve()
  let nextHeight = 0
  const fill = (): void => {
    // Loads run one after another (headers link in order; the readers are sequential).
    for (; queue.length <= BLOCKS_AHEAD && nextHeight <= head.height; nextHeight++) {
      const height = nextHeight
      const p = last.then(() => load(height))
      p.catch(() => undefined)
      queue.push(p)
      last = p
    }
  }
  try {
    for (let height = 0; height <= head.height; height++) {
      fill()
      const { block, prepared } = await queue.shift()!
      fill()
      const { header } = block
      if (prepared) await chain.block(prepared, samples && ((i, leaf) => samples.leaf(i, leaf)))
      else await chain.genesisBlock(block)
      samples?.tree(header.size, header.logRoot)
      if (source.checkpointAt) {
        await checkBlockCheckpoint(source, block, trust.vkey, origin)
        checkpoints++
      }
      if (header.size === latest.size) {
        if (!bytesEqual(latest.root, chain.root())) throw new AuditFailure('latest checkpoint', 'AUDIT_CHECKPOINT_MISMATCH', `its root is not the root of entries 0..${latest.size - 1}`)
        latestMatched = true
      }
      progress.update({ blocks: height + 1, entries: header.size })
    }
    if (!latestMatched) throw new AuditFailure('latest checkpoint', 'AUDIT_CHECKPOINT_MISMATCH', `no block ends at its size ${latest.size}`)
    const proofs = samples && source.proofs ? await samples.verify(source.proofs, latest.root) : undefined
    const state = await checkState(source, chain, runtime, head.height)
    const summary: AuditSummary = { network, origin, blocks: head.height + 1, entries: end, checkpoints, size: latest.size, root: toBase64(latest.root), state, seconds: (performance.now() - started) / 1000 }
    if (proofs) summary.proofs = proofs
    return summary
  } finally {
    progress.stop()
    await last.catch(() => undefined)
    await pool.close()
  }
}

async function expectedSize(source: AuditSource, height: number): Promise<number> {
  // Only for paging and progress: the walk checks every header before trusting its size.
  const raw = (await source.block(height).catch(() => undefined)) as Partial<SignedBlock> | undefined
  const size = raw?.header?.size
  return typeof size === 'number' && Number.isSafeInteger(size) && size >= 0 ? size : 0
}

async function read<T>(take: () => Promise<T>, where: (e: PageReadError) => string): Promise<T> {
  try {
    return await take()
  } catch (e) {
    if (e instanceof PageReadError) return attribute(where(e), () => Promise.reject(e.cause))
    throw e
  }
}

async function checkBlockCheckpoint(source: AuditSource, block: SignedBlock, vkey: string, origin: string): Promise<void> {
  const { header } = block
  const where = `checkpoint of block ${header.height}`
  const note = await attribute(where, () => source.checkpointAt!(header.height))
  if (note === undefined) throw new AuditFailure(where, 'AUDIT_CHECKPOINT_MISSING', 'the source has no checkpoint for this block')
  const cp = await attribute(where, () => verifyCheckpoint(note, [vkey], { origin }))
  if (cp.size !== header.size || cp.rootBase64 !== header.logRoot) {
    throw new AuditFailure(where, 'AUDIT_CHECKPOINT_MISMATCH', `it says size ${cp.size} root ${cp.rootBase64}; the block says size ${header.size} root ${header.logRoot}`)
  }
}

async function checkState(source: AuditSource, chain: ChainAuditor, runtime: Runtime, height: number): Promise<AuditSummary['state']> {
  if (!source.stateRange) return { skipped: 'the source does not expose its stored state' }
  const now = await attribute('head', () => source.currentHeight!())
  if (now !== height) return { skipped: `the node committed blocks ${height + 1}..${now} during the audit; stop it to compare its state` }
  const compared = await compareState(chain.state, (c, after, limit) => source.stateRange!(c, after, limit), [...runtime.contracts.keys()].sort())
  return { compared }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i)
}
