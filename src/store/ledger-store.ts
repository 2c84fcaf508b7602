import type { SignedBlock, JsonObject, AsyncMerkleHashReader, MerkleNode, AsyncStateReader, StateStore, StateWrite } from 'saksi'

/** A committed log entry as the store keeps it. */
export interface StoredEntry {
  /** Position in the log, from 0. */
  index: number
  /** Lowercase hex transaction id (64 digits; a commit with another form is refused). */
  txId: string
  /** The transaction's signer (`did:key`), kept as a projection for per-signer history. */
  signer: string
  /** The exact entry bytes (JCS); the Merkle leaf is SHA-256(0x00 ‖ bytes). */
  bytes: Uint8Array
}

/** Everything one block changes, written in ONE storage transaction by {@link LedgerStore.commitBlock}. */
export interface BlockCommit {
  /** The signed header. Heights are consecutive from 0. */
  block: SignedBlock
  /** The signed checkpoint (C2SP note text) of the log after this block. */
  checkpoint: string
  /** The block's entries, indexes `header.firstIndex` .. `header.size - 1` in order. */
  entries: StoredEntry[]
  /** New complete Merkle subtree hashes produced by appending the entries' leaves. */
  nodes: MerkleNode[]
  /** The block's ordered write set: applied in order (a write without `value` deletes). */
  writes: StateWrite[]
}

/** The chain head: the latest block and the checkpoint signed after it. */
export interface StoreHead {
  block: SignedBlock
  checkpoint: string
}

/** Where a committed transaction sits. */
export interface TxLocation {
  index: number
  block: number
}

/** The state digest a store keeps for its head block (see `StateDigest` in core). */
export interface HeadStateDigest {
  /** The head block's height. */
  height: number
  /** The LtHash16 of every committed state entry after that block (2048 bytes). */
  value: Uint8Array
}

/** What {@link LedgerStore.checkStateDigest} found. */
export interface StateDigestCheck {
  /** The head block whose digest was checked. */
  height: number
  /** State entries read and hashed. */
  entries: number
  /** SHA-256 of the stored LtHash16 value (the checksum stored with the head block). */
  stored: Uint8Array
  /** SHA-256 of the LtHash16 recomputed from every state entry. */
  computed: Uint8Array
  /** True when they are equal. */
  ok: boolean
}

/**
 * The storage interface of a Saksi node (DESIGN "Layers": store). Every driver (SQLite now,
 * PostgreSQL next) implements it and passes the conformance suite in `src/store/testing`.
 *
 * Everything is asynchronous so that network databases fit the same interface, contract state
 * included (`state`, read in batches). Execution is synchronous, but no driver mirrors state for it:
 * the node executes on a bounded cache of committed state that it fills from `state` before a block
 * runs and keeps current with each committed write set (`src/node/committed-state.ts`). A driver whose
 * reads are local may also offer them synchronously (`syncState`), so that a cache miss is read at
 * once instead of loaded before another pass.
 *
 * Durability contract: when `commitBlock` resolves, the block, its entries, Merkle nodes, state
 * writes and checkpoint are durable together, or (on any failure or crash) none of them are.
 *
 * Ownership: a driver keeps its own copy of what it is given, and what it returns (blocks, entry
 * bytes, hashes, state values) is either fresh or deeply frozen, so no caller can change stored
 * data through an object. Every failure is a `StorageError` with a code of `STORE_ERROR_CODES`
 * (or `MERKLE_NODE_MISSING`), never a driver's own error type.
 */
export interface LedgerStore {
  /** Committed contract state (as of the head block), read asynchronously in batches. */
  readonly state: AsyncStateReader
  /**
   * The same state read synchronously, offered by drivers whose reads are local (SQLite, memory);
   * absent on drivers over a network database.
   */
  readonly syncState?: StateStore
  /** Stored complete Merkle subtree hashes. */
  readonly merkle: AsyncMerkleHashReader

  /**
   * The genesis document this store was initialised with, or `undefined` for a new store.
   */
  genesis(): Promise<JsonObject | undefined>

  /**
   * Records the genesis document and block 0 (which holds no entries) in one transaction.
   * @throws StorageError `STORE_ALREADY_INITIALISED` if the store holds a genesis already
   */
  initialise(genesis: JsonObject, block0: BlockCommit): Promise<void>

  /**
   * Commits the next block atomically. A refused commit writes nothing.
   * @throws StorageError `STORE_NOT_INITIALISED`, `STORE_BLOCK_OUT_OF_ORDER` (height is not
   *   head + 1, or entries do not continue the log), `STORE_DUPLICATE_TX` (a txId already
   *   committed, or twice in the block), `STORE_COMMIT_INVALID` (entry count, Merkle nodes or
   *   values that contradict the header or are malformed), `STORE_CLOSED`, `STORE_IO`
   */
  commitBlock(commit: BlockCommit): Promise<void>

  /** The latest block and checkpoint, or `undefined` before initialisation. */
  head(): Promise<StoreHead | undefined>

  /** A block by height, or `undefined` (also for a height that is not a non-negative integer). */
  getBlock(height: number): Promise<SignedBlock | undefined>

  /** The checkpoint signed after block `height`, or `undefined`. */
  getCheckpoint(height: number): Promise<string | undefined>

  /** The exact bytes of entry `index`, or `undefined` past the end of the log (or for a non-index). */
  getEntry(index: number): Promise<Uint8Array | undefined>

  /**
   * The entries whose index `i` has `from <= i < to`, in order; stops at the end of the log (so a
   * negative `from` starts at 0, and NaN bounds give none). Callers bound the range (the HTTP
   * layer pages it).
   */
  getEntries(from: number, to: number): Promise<StoredEntry[]>

  /**
   * The state digest kept with the head: the LtHash16 of all committed state, which `commitBlock`
   * updates with each block's writes in the block's own transaction. `undefined` before
   * initialisation (and on a read-only store written before the digest existed).
   */
  stateDigest(): Promise<HeadStateDigest | undefined>

  /**
   * The checksum (SHA-256 of the LtHash16 value) stored with block `height`, or `undefined` (no such
   * block, or a block committed before the store kept digests).
   */
  stateDigestAt(height: number): Promise<Uint8Array | undefined>

  /**
   * Recomputes the digest from every stored state entry and compares it with the head's, both read
   * in one consistent snapshot (commits may go on meanwhile). Takes time in proportion to the
   * state (about 10 µs per entry); drivers run it off the calling thread where they can.
   * @throws StorageError `STORE_CORRUPT` when the store holds no digest for its head,
   *   `STORE_NOT_INITIALISED`, `STORE_CLOSED`, `STORE_IO`
   */
  checkStateDigest(): Promise<StateDigestCheck>

  /** Where a transaction was committed, or `undefined` (also for a malformed id). */
  findTx(txId: string): Promise<TxLocation | undefined>

  /** Which of `txIds` are committed (batched duplicate check for admission); any batch size. */
  committedTxIds(txIds: readonly string[]): Promise<Set<string>>

  /**
   * Indexes of entries signed by `signer`, ascending, greater than `afterIndex` (-1 for the
   * first page), at most `limit` of them (a limit below 1 gives none).
   */
  entriesBySigner(signer: string, afterIndex: number, limit: number): Promise<number[]>

  /**
   * Finishes commits already asked for, then releases the database. Further calls fail with
   * `STORE_CLOSED`; closing again does nothing.
   */
  close(): Promise<void>
}
