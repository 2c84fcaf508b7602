import { fromBase64, buildBlockHeader, signBlock, leafHash, MerkleAppender, type MerkleNode, rootPlan, signCheckpoint, StateOverlay, executeBlock, type BlockExecution } from 'saksi'
import type { BlockHeader, SignedBlock, KeyPair, StateStore, Runtime, Receipt, ParsedEnvelope } from 'saksi'
import type { LedgerStore, StoredEntry } from '../store/index.js'
import type { CommittedState } from './committed-state.js'
import { ExecutionTimeout, type ExecutionWatchdog } from './execution-watchdog.js'
import type { OrderedBatch } from './orderer.js'

/** What a committed block produced, for the node to announce. */
export interface ProducedBlock {
  block: SignedBlock
  checkpoint: string
  receipts: Receipt[]
  /** Transactions dropped because they expired before their block's time. */
  expired: ParsedEnvelope[]
}

/** One execution of a batch, not yet handed over. */
interface Execution {
  /** The header the block follows. */
  header0: BlockHeader
  /** The state it was executed on (the previous block's overlay, or committed state). */
  state: StateStore
  exec: BlockExecution
  expired: ParsedEnvelope[]
  time: string
}

/** A block handed to the store. */
interface Staged {
  /** The producer's generation when it was handed over. */
  generation: number
  mine: InFlight
  exec: BlockExecution
  block: SignedBlock
  checkpoint: string
  expired: ParsedEnvelope[]
  /** The store's commit of it. */
  commit: Promise<void>
}

/** A block executed and handed to the store, not yet known to be committed. */
interface InFlight {
  /** The block's writes over the state it was executed on: what the next block reads. */
  overlay: StateOverlay
  /** The Merkle appender as of this block, to carry on from if the next block fails. */
  appender: MerkleAppender
}

/**
 * Turns ordered batches into committed blocks: executes them through the contract runtime, appends
 * the entries' leaves to the Merkle tree, builds and signs the header and the checkpoint, and hands
 * everything to the store in one storage transaction. Keeps the chain head and the Merkle frontier in
 * memory so that a block costs O(entries + log n), never a replay.
 *
 * Pipelined: `produce` executes its block on the state of the blocks before it, committed or not, so
 * the next block can be executed while this one is being written to disk. Committed state comes from
 * a {@link CommittedState}: at once when the cache or the store's synchronous reads answer, after
 * loading the block's reads otherwise.
 * The store commits blocks in the order they were handed over; if one fails, every block executed
 * on top of it fails too (the store refuses them as out of order) and the producer carries on from
 * the last committed block. `head`, `checkpoint` and `size` only ever show committed blocks.
 */
export class BlockProducer {
  #head: SignedBlock
  #checkpoint: string
  /** The last block executed (committed or in flight): what the next block chains to. */
  #tip: SignedBlock
  #appender: MerkleAppender
  /** The appender as of the last committed block. */
  #committedAppender: MerkleAppender
  /** Blocks handed to the store and not yet committed, oldest first. */
  #inFlight: InFlight[] = []
  /** Bumped when a commit fails, so that the blocks stacked on it do not rewind a second time. */
  #generation = 0
  /** Settles when the last batch waiting to be executed has been handed over (or failed). */
  #queue: Promise<void> | undefined
  /** Set when the watchdog interrupted a block: no block is executed after it. */
  #halt: ExecutionTimeout | undefined

  private constructor(
    private readonly store: LedgerStore,
    /** Committed state: the cache blocks execute on, kept current by each commit. */
    readonly state: CommittedState,
    private readonly runtime: Runtime,
    private readonly key: KeyPair,
    private readonly origin: string,
    /** The network's rules version (genesis `rules`), under which every block executes. */
    private readonly rules: number,
    head: SignedBlock,
    checkpoint: string,
    appender: MerkleAppender,
    private readonly watchdog: ExecutionWatchdog | undefined,
  ) {
    this.#head = head
    this.#tip = head
    this.#checkpoint = checkpoint
    this.#appender = appender
    this.#committedAppender = cloneAppender(appender)
  }

  /**
   * Resumes from the store's head: reads the head block and the O(log n) frontier hashes.
   * @param state committed state over `store` (see {@link CommittedState})
   * @param rules the network's rules version (genesis `rules`, 1 when absent)
   * @param watchdog interrupts a block whose execution runs too long (none: no guard)
   * @throws StorageError if the store is not initialised or inconsistent
   */
  static async resume(store: LedgerStore, state: CommittedState, runtime: Runtime, key: KeyPair, origin: string, rules: number, watchdog?: ExecutionWatchdog): Promise<BlockProducer> {
    const head = await store.head()
    if (!head) throw new Error('store is not initialised')
    const appender = await restoreAppender(store, head.block.header.size)
    return new BlockProducer(store, state, runtime, key, origin, rules, head.block, head.checkpoint, appender, watchdog)
  }

  /** Why block production is halted (the watchdog interrupted a block), or undefined while it runs. */
  get halted(): ExecutionTimeout | undefined {
    return this.#halt
  }

  /** The latest committed block. */
  get head(): SignedBlock {
    return this.#head
  }

  /** The checkpoint signed after the latest committed block. */
  get checkpoint(): string {
    return this.#checkpoint
  }

  /** Committed log size. */
  get size(): number {
    return this.#head.header.size
  }

  /** Blocks executed and handed to the store, not yet committed. */
  get inFlight(): number {
    return this.#inFlight.length
  }

  /**
   * Executes one batch as the next block, hands it to the store, then waits until the store has
   * committed it. On a store with synchronous state reads, or when the cache holds everything the
   * block reads, the block is executed and handed over synchronously (before the first await);
   * otherwise its reads are loaded first, and later batches wait for it (blocks are executed and
   * handed over in order).
   * @throws whatever the store throws; the producer then carries on from the last committed block
   * @throws ExecutionTimeout when the watchdog interrupted this block or an earlier one: nothing of
   *   the block is kept, and no block is executed any more
   */
  async produce(batch: OrderedBatch): Promise<ProducedBlock> {
    const staged = await this.#stage(batch)
    const { mine, exec, block, checkpoint } = staged
    try {
      await staged.commit
    } catch (e) {
      if (staged.generation === this.#generation) {
        // Nothing of this block (or of any block executed on it) is stored: carry on from the last
        // committed block. The blocks stacked on this one fail at the store in turn.
        this.#generation++
        this.#inFlight = []
        this.#tip = this.#head
        this.#appender = cloneAppender(this.#committedAppender)
      }
      throw e
    }
    // Commits complete in order, so this block is the oldest in flight. Its writes are in the store
    // (and now in the cache): the next block's overlay may read committed state directly, which
    // keeps the chain of overlays at most as long as the number of blocks in flight.
    this.state.committed(exec.writes)
    this.#inFlight.shift()
    this.#inFlight[0]?.overlay.rebase(this.state)
    this.#head = block
    this.#checkpoint = checkpoint
    this.#committedAppender = mine.appender
    return { block, checkpoint, receipts: exec.receipts, expired: staged.expired }
  }

  /** Executes the batch and hands the block to the store, in order after the batches before it. */
  #stage(batch: OrderedBatch): Staged | Promise<Staged> {
    const stage = (): Staged | Promise<Staged> => this.state.run(() => this.#execute(batch), (run) => this.#handOver(run))
    if (this.#queue === undefined) {
      const staged = stage()
      return staged instanceof Promise ? this.#enqueue(staged) : staged
    }
    return this.#enqueue(this.#queue.then(stage))
  }

  #enqueue(staged: Promise<Staged>): Promise<Staged> {
    const tail = staged.then(
      () => undefined,
      () => undefined,
    )
    this.#queue = tail
    void tail.then(() => {
      if (this.#queue === tail) this.#queue = undefined
    })
    return staged
  }

  /** One execution of the batch on the state of the blocks before it, committed or not. */
  #execute(batch: OrderedBatch): Execution {
    if (this.#halt) throw this.#halt
    const header0 = this.#tip.header
    const state = this.#inFlight.at(-1)?.overlay ?? this.state
    const blockMs = Date.parse(batch.time)
    const expired = batch.txs.filter((t) => t.expiresAtMs <= blockMs)
    const txs = expired.length === 0 ? batch.txs : batch.txs.filter((t) => t.expiresAtMs > blockMs)
    const height = header0.height + 1
    const run = (): BlockExecution =>
      executeBlock({ runtime: this.runtime, state, height, time: batch.time, firstIndex: header0.size, txs, prevStateDigest: fromBase64(header0.stateDigest, 32, 'stateDigest'), rules: this.rules })
    let exec: BlockExecution
    try {
      exec = this.watchdog ? this.watchdog.run(`block ${height} (${txs.length} transactions)`, run) : run()
    } catch (e) {
      if (e instanceof ExecutionTimeout) {
        // Wall-clock time differs between nodes, so the block cannot be committed with a result for
        // the call that ran away: production stops. Execution writes nothing to the store; only the
        // committed-state cache may have been cut mid-update, so it starts afresh.
        this.#halt = e
        this.state.cache.clear()
      }
      throw e
    }
    return { header0, state, exec, expired, time: batch.time }
  }

  /** Appends the leaves, signs the header and the checkpoint, and hands the block to the store. */
  #handOver(run: Execution): Staged {
    const { header0, exec } = run
    const nodes: MerkleNode[] = []
    const entries: StoredEntry[] = exec.entries.map((e, i) => {
      for (const n of this.#appender.append(leafHash(exec.entryBytes[i]!))) nodes.push(n)
      return { index: e.index, txId: e.txId, signer: e.tx.signer, bytes: exec.entryBytes[i]! }
    })
    const root = this.#appender.root()
    const header: BlockHeader = buildBlockHeader(header0, {
      time: run.time,
      size: this.#appender.size,
      logRoot: root,
      stateDigest: exec.stateDigest,
      proposer: this.key.did,
    })
    const block = signBlock(header, this.key)
    const checkpoint = signCheckpoint({ origin: this.origin, size: header.size, root }, this.key)
    const overlay = new StateOverlay(run.state)
    overlay.apply(exec.writes)
    const mine: InFlight = { overlay, appender: cloneAppender(this.#appender) }
    this.#inFlight.push(mine)
    this.#tip = block
    const commit = this.store.commitBlock({ block, checkpoint, entries, nodes, writes: exec.writes })
    // Handled in `produce`; a rejection must not count as unhandled before it gets there.
    commit.catch(() => undefined)
    return { generation: this.#generation, mine, exec, block, checkpoint, expired: run.expired, commit }
  }
}

function cloneAppender(a: MerkleAppender): MerkleAppender {
  return MerkleAppender.restore(a.size, a.frontier())
}

async function restoreAppender(store: LedgerStore, size: number): Promise<MerkleAppender> {
  const plan = rootPlan(size)
  const hashes = plan.length === 0 ? [] : await store.merkle.getNodes(plan)
  return MerkleAppender.restore(size, [...hashes])
}
