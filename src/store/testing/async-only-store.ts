import type { SignedBlock } from '../../../packages/saksi/src/core/block/block-header.js'
import type { JsonObject } from '../../../packages/saksi/src/core/encoding/json.js'
import type { AsyncMerkleHashReader } from '../../../packages/saksi/src/core/merkle/hash-store.js'
import type { AsyncStateReader } from '../../../packages/saksi/src/core/state/async-state-reader.js'
import type { BlockCommit, HeadStateDigest, LedgerStore, StateDigestCheck, StoredEntry, StoreHead, TxLocation } from '../ledger-store.js'
import { MemoryLedgerStore } from '../memory/memory-ledger-store.js'

const laterTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * A store whose contract state can only be read asynchronously, as over a network database: a
 * {@link MemoryLedgerStore} without `syncState`, whose batched state reads answer on a later turn
 * of the event loop (so commits and other reads run in between, as they would while a query
 * travels). Counts the batches and what they asked for. For tests that the node needs no
 * synchronous state.
 */
export class AsyncOnlyStore implements LedgerStore {
  readonly #inner = new MemoryLedgerStore()
  /** Batches of state reads answered (`getMany` and `rangeMany` calls). */
  batches = 0
  /** Keys and scans asked for, in all batches. */
  reads = 0

  /** @inheritdoc */
  readonly state: AsyncStateReader = {
    getMany: async (keys) => {
      this.batches++
      this.reads += keys.length
      await laterTurn()
      return this.#inner.state.getMany(keys)
    },
    rangeMany: async (scans) => {
      this.batches++
      this.reads += scans.length
      await laterTurn()
      return this.#inner.state.rangeMany(scans)
    },
  }

  /** @inheritdoc */
  readonly merkle: AsyncMerkleHashReader = this.#inner.merkle

  /** @inheritdoc */
  genesis(): Promise<JsonObject | undefined> {
    return this.#inner.genesis()
  }

  /** @inheritdoc */
  initialise(genesis: JsonObject, block0: BlockCommit): Promise<void> {
    return this.#inner.initialise(genesis, block0)
  }

  /** @inheritdoc */
  async commitBlock(commit: BlockCommit): Promise<void> {
    await laterTurn()
    return this.#inner.commitBlock(commit)
  }

  /** @inheritdoc */
  head(): Promise<StoreHead | undefined> {
    return this.#inner.head()
  }

  /** @inheritdoc */
  getBlock(height: number): Promise<SignedBlock | undefined> {
    return this.#inner.getBlock(height)
  }

  /** @inheritdoc */
  getCheckpoint(height: number): Promise<string | undefined> {
    return this.#inner.getCheckpoint(height)
  }

  /** @inheritdoc */
  getEntry(index: number): Promise<Uint8Array | undefined> {
    return this.#inner.getEntry(index)
  }

  /** @inheritdoc */
  getEntries(from: number, to: number): Promise<StoredEntry[]> {
    return this.#inner.getEntries(from, to)
  }

  /** @inheritdoc */
  findTx(txId: string): Promise<TxLocation | undefined> {
    return this.#inner.findTx(txId)
  }

  /** @inheritdoc */
  committedTxIds(txIds: readonly string[]): Promise<Set<string>> {
    return this.#inner.committedTxIds(txIds)
  }

  /** @inheritdoc */
  entriesBySigner(signer: string, afterIndex: number, limit: number): Promise<number[]> {
    return this.#inner.entriesBySigner(signer, afterIndex, limit)
  }

  /** @inheritdoc */
  stateDigest(): Promise<HeadStateDigest | undefined> {
    return this.#inner.stateDigest()
  }

  /** @inheritdoc */
  stateDigestAt(height: number): Promise<Uint8Array | undefined> {
    return this.#inner.stateDigestAt(height)
  }

  /** @inheritdoc */
  async checkStateDigest(): Promise<StateDigestCheck> {
    await laterTurn()
    return this.#inner.checkStateDigest()
  }

  /** @inheritdoc */
  close(): Promise<void> {
    return this.#inner.close()
  }
}
