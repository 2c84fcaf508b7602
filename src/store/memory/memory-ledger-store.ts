import type { SignedBlock, JsonObject, JsonValue, AsyncMerkleHashReader, NodeId, KeyRange, StateEntry, StateStore, StateWrite } from 'saksi'
import { canonicalJson, asyncStateReader, type AsyncStateReader, MemoryStateStore, snapshotJson, StateDigest, LtHash16, bytesEqual } from 'saksi'
import { checkBlockCommit, type LogPosition } from '../check-block-commit.js'
import type { BlockCommit, HeadStateDigest, LedgerStore, StateDigestCheck, StoredEntry, StoreHead, TxLocation } from '../ledger-store.js'
import { indexInterval, pageSize } from '../read-bounds.js'
import { storeError } from '../store-errors.js'
import { MemoryMerkleNodes } from './memory-merkle-nodes.js'

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

function copyEntry(e: StoredEntry): StoredEntry {
  return { index: e.index, txId: e.txId, signer: e.signer, bytes: e.bytes.slice() }
}

function snapshot(value: unknown, what: string): JsonValue {
  try {
    return snapshotJson(value, what)
  } catch (e) {
    throw storeError('STORE_COMMIT_INVALID', `${what} is not exact JSON: ${(e as Error).message}`)
  }
}

function toJsonText(value: unknown, what: string): string {
  return canonicalJson(snapshot(value, what))
}

/**
 * The in-memory {@link LedgerStore}: the reference driver, for node unit tests and short-lived
 * nodes. It keeps copies of everything it is given and hands out copies (or frozen state values),
 * so that it behaves like a database: nothing a caller does to an object reaches the store.
 * A commit is checked completely before anything changes, which makes it atomic.
 */
export class MemoryLedgerStore implements LedgerStore {
  #closed = false
  #genesis: string | undefined
  // SignedBlocks as JCS text, so that every read hands out a fresh object, as a database would.
  readonly #blocks: string[] = []
  readonly #checkpoints: string[] = []
  readonly #entries: StoredEntry[] = []
  readonly #txs = new Map<string, TxLocation>()
  readonly #bySigner = new Map<string, number[]>()
  readonly #state = new MemoryStateStore()
  readonly #nodes = new MemoryMerkleNodes(() => this.#entries.length)
  // The head's LtHash16 of all state, and each block's checksum of it.
  #digest = new StateDigest()
  readonly #checksums: Uint8Array[] = []

  /** @inheritdoc */
  readonly syncState: StateStore = {
    get: (contract: string, key: string): JsonValue | undefined => {
      this.#open()
      return this.#state.get(contract, key)
    },
    range: (contract: string, range: KeyRange): StateEntry[] => {
      this.#open()
      return this.#state.range(contract, range)
    },
  }

  /** @inheritdoc */
  readonly state: AsyncStateReader = asyncStateReader(this.syncState)

  /** @inheritdoc */
  readonly merkle: AsyncMerkleHashReader = {
    getNodes: async (ids: readonly NodeId[]): Promise<readonly Uint8Array[]> => {
      this.#open()
      return this.#nodes.get(ids)
    },
  }

  /** @inheritdoc */
  async genesis(): Promise<JsonObject | undefined> {
    this.#open()
    return this.#genesis === undefined ? undefined : (JSON.parse(this.#genesis) as JsonObject)
  }

  /** @inheritdoc */
  async initialise(genesis: JsonObject, block0: BlockCommit): Promise<void> {
    this.#open()
    if (this.#genesis !== undefined) throw storeError('STORE_ALREADY_INITIALISED')
    const text = toJsonText(genesis, 'genesis')
    this.#commit(block0, undefined)
    this.#genesis = text
  }

  /** @inheritdoc */
  async commitBlock(commit: BlockCommit): Promise<void> {
    this.#open()
    if (this.#genesis === undefined) throw storeError('STORE_NOT_INITIALISED')
    this.#commit(commit, { height: this.#blocks.length - 1, size: this.#entries.length })
  }

  /** @inheritdoc */
  async head(): Promise<StoreHead | undefined> {
    this.#open()
    const height = this.#blocks.length - 1
    if (height < 0) return undefined
    return { block: JSON.parse(this.#blocks[height]!) as SignedBlock, checkpoint: this.#checkpoints[height]! }
  }

  /** @inheritdoc */
  async getBlock(height: number): Promise<SignedBlock | undefined> {
    this.#open()
    const text = Number.isSafeInteger(height) && height >= 0 ? this.#blocks[height] : undefined
    return text === undefined ? undefined : (JSON.parse(text) as SignedBlock)
  }

  /** @inheritdoc */
  async getCheckpoint(height: number): Promise<string | undefined> {
    this.#open()
    return Number.isSafeInteger(height) && height >= 0 ? this.#checkpoints[height] : undefined
  }

  /** @inheritdoc */
  async getEntry(index: number): Promise<Uint8Array | undefined> {
    this.#open()
    return Number.isSafeInteger(index) && index >= 0 ? this.#entries[index]?.bytes.slice() : undefined
  }

  /** @inheritdoc */
  async getEntries(from: number, to: number): Promise<StoredEntry[]> {
    this.#open()
    const range = indexInterval(from, to)
    if (!range) return []
    return this.#entries.slice(range.lo, Math.min(range.hi, this.#entries.length)).map(copyEntry)
  }

  /** @inheritdoc */
  async findTx(txId: string): Promise<TxLocation | undefined> {
    this.#open()
    const at = this.#txs.get(txId)
    return at && { ...at }
  }

  /** @inheritdoc */
  async committedTxIds(txIds: readonly string[]): Promise<Set<string>> {
    this.#open()
    return new Set(txIds.filter((id) => this.#txs.has(id)))
  }

  /** @inheritdoc */
  async entriesBySigner(signer: string, afterIndex: number, limit: number): Promise<number[]> {
    this.#open()
    const list = this.#bySigner.get(signer)
    const n = pageSize(limit)
    if (!list || n === 0 || Number.isNaN(afterIndex)) return []
    const from = lowerBound(list, Math.floor(afterIndex) + 1)
    return list.slice(from, from + n)
  }

  /** @inheritdoc */
  async stateDigest(): Promise<HeadStateDigest | undefined> {
    this.#open()
    const height = this.#blocks.length - 1
    return height < 0 ? undefined : { height, value: this.#digest.hash.bytes() }
  }

  /** @inheritdoc */
  async stateDigestAt(height: number): Promise<Uint8Array | undefined> {
    this.#open()
    return Number.isSafeInteger(height) && height >= 0 ? this.#checksums[height]?.slice() : undefined
  }

  /** @inheritdoc */
  async checkStateDigest(): Promise<StateDigestCheck> {
    this.#open()
    const height = this.#blocks.length - 1
    if (height < 0) throw storeError('STORE_NOT_INITIALISED')
    const all = this.#state.dump()
    const stored = this.#digest.hash.checksum()
    const computed = StateDigest.of(all.map((w) => ({ contract: w.contract, key: w.key, value: canonicalJson(w.value!) }))).hash.checksum()
    return { height, entries: all.length, stored, computed, ok: bytesEqual(stored, computed) }
  }

  /** @inheritdoc */
  async close(): Promise<void> {
    this.#closed = true
  }

  #open(): void {
    if (this.#closed) throw storeError('STORE_CLOSED')
  }

  // Everything that can fail happens before the first change.
  #commit(commit: BlockCommit, head: LogPosition | undefined): void {
    checkBlockCommit(commit, head)
    for (const e of commit.entries) {
      if (this.#txs.has(e.txId)) throw storeError('STORE_DUPLICATE_TX', `transaction ${e.txId} is already committed`, { txId: e.txId })
    }
    const { height } = commit.block.header
    const blockText = toJsonText(commit.block, 'block')
    const entries = commit.entries.map(copyEntry)
    const writes: StateWrite[] = commit.writes.map((w) =>
      w.value === undefined ? { contract: w.contract, key: w.key } : { contract: w.contract, key: w.key, value: snapshot(w.value, `write ${w.contract}/${w.key}`) },
    )
    const digest = this.#digestAfter(writes)
    this.#nodes.add(commit.nodes)
    this.#blocks.push(blockText)
    this.#checkpoints.push(commit.checkpoint)
    for (const e of entries) {
      this.#entries.push(e)
      this.#txs.set(e.txId, { index: e.index, block: height })
      let list = this.#bySigner.get(e.signer)
      if (!list) this.#bySigner.set(e.signer, (list = []))
      list.push(e.index)
    }
    this.#state.apply(writes)
    this.#digest = digest
    this.#checksums.push(digest.hash.checksum())
  }

  /** The digest after `writes`: each written key's entry before the block out, its last value in. */
  #digestAfter(writes: readonly StateWrite[]): StateDigest {
    const last = new Map<string, StateWrite>()
    for (const w of writes) last.set(`${w.contract}\n${w.key}`, w)
    const digest = new StateDigest(LtHash16.fromBytes(this.#digest.hash.bytes()))
    for (const w of last.values()) {
      const before = this.#state.get(w.contract, w.key)
      digest.change(w.contract, w.key, before === undefined ? undefined : canonicalJson(before), w.value === undefined ? undefined : canonicalJson(w.value))
    }
    return digest
  }
}
