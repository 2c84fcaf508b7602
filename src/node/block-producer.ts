import { fromBase64 } from '../core/encoding/base64.js'
import type { BlockHeader, SignedBlock } from '../core/block/block-header.js'
import { buildBlockHeader } from '../core/block/build-block-header.js'
import { signBlock } from '../core/block/sign-block.js'
import type { KeyPair } from '../core/keys/key-pair.js'
import { leafHash } from '../core/merkle/hash.js'
import { MerkleAppender, type MerkleNode } from '../core/merkle/merkle-appender.js'
import { rootPlan } from '../core/merkle/root-plan.js'
import { signCheckpoint } from '../core/note/sign-checkpoint.js'
import type { Runtime } from '../core/runtime/create-runtime.js'
import { executeBlock } from '../core/runtime/execute-block.js'
import type { Receipt } from '../core/runtime/receipt.js'
import type { ParsedEnvelope } from '../core/tx/types.js'
import type { LedgerStore, StoredEntry } from '../store/ledger-store.js'
import type { OrderedBatch } from './orderer.js'

/** What a committed block produced, for the node to announce. */
export interface ProducedBlock {
  block: SignedBlock
  checkpoint: string
  receipts: Receipt[]
  /** Transactions dropped because they expired before their block's time. */
  expired: ParsedEnvelope[]
}

/**
 * Turns ordered batches into committed blocks: executes them through the contract runtime, appends
 * the entries' leaves to the Merkle tree, builds and signs the header and the checkpoint, and hands
 * everything to the store in one storage transaction. Keeps the chain head and the Merkle frontier in
 * memory so that a block costs O(entries + log n), never a replay.
 */
export class BlockProducer {
  #head: SignedBlock
  #checkpoint: string
  #appender: MerkleAppender

  private constructor(
    private readonly store: LedgerStore,
    private readonly runtime: Runtime,
    private readonly key: KeyPair,
    private readonly origin: string,
    head: SignedBlock,
    checkpoint: string,
    appender: MerkleAppender,
  ) {
    this.#head = head
    this.#checkpoint = checkpoint
    this.#appender = appender
  }

  /**
   * Resumes from the store's head: reads the head block and the O(log n) frontier hashes.
   * @throws StorageError if the store is not initialised or inconsistent
   */
  static async resume(store: LedgerStore, runtime: Runtime, key: KeyPair, origin: string): Promise<BlockProducer> {
    const head = await store.head()
    if (!head) throw new Error('store is not initialised')
    const appender = await restoreAppender(store, head.block.header.size)
    return new BlockProducer(store, runtime, key, origin, head.block, head.checkpoint, appender)
  }

  /** The latest committed block. */
  get head(): SignedBlock {
    return this.#head
  }

  /** The checkpoint signed after the latest block. */
  get checkpoint(): string {
    return this.#checkpoint
  }

  /** Committed log size. */
  get size(): number {
    return this.#head.header.size
  }

  /**
   * Executes and commits one batch as the next block.
   * @throws whatever the store throws; the producer then rewinds to the stored head
   */
  async produce(batch: OrderedBatch): Promise<ProducedBlock> {
    const header0 = this.#head.header
    const blockMs = Date.parse(batch.time)
    const expired = batch.txs.filter((t) => t.expiresAtMs <= blockMs)
    const txs = expired.length === 0 ? batch.txs : batch.txs.filter((t) => t.expiresAtMs > blockMs)
    const exec = executeBlock({
      runtime: this.runtime,
      state: this.store.state,
      height: header0.height + 1,
      time: batch.time,
      firstIndex: header0.size,
      txs,
      prevStateDigest: fromBase64(header0.stateDigest, 32, 'stateDigest'),
    })
    const nodes: MerkleNode[] = []
    const entries: StoredEntry[] = exec.entries.map((e, i) => {
      for (const n of this.#appender.append(leafHash(exec.entryBytes[i]!))) nodes.push(n)
      return { index: e.index, txId: e.txId, signer: e.tx.signer, bytes: exec.entryBytes[i]! }
    })
    const root = this.#appender.root()
    const header: BlockHeader = buildBlockHeader(header0, {
      time: batch.time,
      size: this.#appender.size,
      logRoot: root,
      stateDigest: exec.stateDigest,
      proposer: this.key.did,
    })
    const block = signBlock(header, this.key)
    const checkpoint = signCheckpoint({ origin: this.origin, size: header.size, root }, this.key)
    try {
      await this.store.commitBlock({ block, checkpoint, entries, nodes, writes: exec.writes })
    } catch (e) {
      // Nothing was stored: forget the in-memory appends and carry on from the stored head.
      this.#appender = await restoreAppender(this.store, header0.size)
      throw e
    }
    this.#head = block
    this.#checkpoint = checkpoint
    return { block, checkpoint, receipts: exec.receipts, expired }
  }
}

async function restoreAppender(store: LedgerStore, size: number): Promise<MerkleAppender> {
  const plan = rootPlan(size)
  const hashes = plan.length === 0 ? [] : await store.merkle.getNodes(plan)
  return MerkleAppender.restore(size, [...hashes])
}
