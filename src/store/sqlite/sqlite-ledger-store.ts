import type Database from 'better-sqlite3'
import type { SignedBlock, JsonObject } from 'saksi'
import { asyncStateReader, type AsyncStateReader } from 'saksi'
import type { BlockCommit, HeadStateDigest, LedgerStore, StateDigestCheck, StoredEntry, StoreHead, TxLocation } from '../ledger-store.js'
import { indexInterval, pageSize } from '../read-bounds.js'
import { storeError } from '../store-errors.js'
import { InlineBlockWriter, type BlockWriter } from './block-writer.js'
import { toStorageError } from './sqlite-errors.js'
import { SqliteMerkleReader } from './sqlite-merkle-reader.js'
import { readHeadDigest } from './sqlite-state-digest.js'
import { checkStateDigestOn } from './state-digest-part.js'
import { SqliteStateStore } from './sqlite-state-store.js'
import { blobView, decodeBlockRow, isTxId, jsonText, parseJsonObject, txIdText } from './sqlite-rows.js'
import { prepareStatements, type SqliteStatements } from './sqlite-statements.js'

/**
 * The SQLite {@link LedgerStore} (better-sqlite3): the embedded node's durable default. Open it with
 * `openSqliteLedgerStore`, which sets the pragmas and migrates the schema. Reads run synchronously
 * on the store's connection; a block commits in one `BEGIN IMMEDIATE` transaction, on that
 * connection or on a writer thread's (see `BlockWriter`).
 */
export class SqliteLedgerStore implements LedgerStore {
  /** @inheritdoc */
  readonly syncState: SqliteStateStore
  /** @inheritdoc */
  readonly state: AsyncStateReader
  /** @inheritdoc */
  readonly merkle: SqliteMerkleReader
  readonly #db: Database.Database
  readonly #s: SqliteStatements
  readonly #writer: BlockWriter
  readonly #checkDigest: () => Promise<StateDigestCheck>
  #closed = false

  /**
   * @param db a connection whose schema `migrate` has brought up to date; the store reads on it
   * @param writer how blocks are committed (default: on `db`, on this thread)
   * @param checkDigest how the state digest is recomputed (default: on `db`, on this thread)
   */
  constructor(db: Database.Database, writer?: BlockWriter, checkDigest?: () => Promise<StateDigestCheck>) {
    this.#db = db
    this.#s = prepareStatements(db)
    const check = (): void => this.#check()
    this.syncState = new SqliteStateStore(this.#s, check)
    this.state = asyncStateReader(this.syncState)
    this.merkle = new SqliteMerkleReader(this.#s, check)
    this.#writer = writer ?? new InlineBlockWriter(db, this.#s)
    this.#checkDigest = checkDigest ?? (async () => checkStateDigestOn(db))
  }

  /** @inheritdoc */
  async genesis(): Promise<JsonObject | undefined> {
    return this.#run('reading the genesis', () => {
      const text = this.#s.getMeta.get('genesis')
      return text === undefined ? undefined : (parseJsonObject(text, 'the genesis document') as JsonObject)
    })
  }

  /** @inheritdoc */
  async initialise(genesis: JsonObject, block0: BlockCommit): Promise<void> {
    this.#check()
    await this.#writer.write(block0, jsonText(genesis, 'genesis'))
  }

  /** @inheritdoc */
  async commitBlock(commit: BlockCommit): Promise<void> {
    this.#check()
    await this.#writer.write(commit, undefined)
  }

  /** @inheritdoc */
  async head(): Promise<StoreHead | undefined> {
    return this.#run('reading the head', () => {
      const row = this.#s.head.get()
      return row && decodeBlockRow(row)
    })
  }

  /** @inheritdoc */
  async getBlock(height: number): Promise<SignedBlock | undefined> {
    return this.#run('reading a block', () => this.#blockRow(height)?.block)
  }

  /** @inheritdoc */
  async getCheckpoint(height: number): Promise<string | undefined> {
    return this.#run('reading a checkpoint', () => this.#blockRow(height)?.checkpoint)
  }

  /** @inheritdoc */
  async getEntry(index: number): Promise<Uint8Array | undefined> {
    return this.#run('reading an entry', () => {
      const bytes = Number.isSafeInteger(index) && index >= 0 ? this.#s.getEntry.get(index) : undefined
      return bytes === undefined ? undefined : blobView(bytes, `entry ${index}`)
    })
  }

  /** @inheritdoc */
  async getEntries(from: number, to: number): Promise<StoredEntry[]> {
    return this.#run('reading entries', () => {
      const range = indexInterval(from, to)
      if (!range) return []
      const rows = this.#s.getEntries.all(range.lo, Math.min(range.hi, Number.MAX_SAFE_INTEGER))
      return rows.map(([index, txId, signer, bytes]) => ({
        index: index as number,
        txId: txIdText(txId, index),
        signer: signer as string,
        bytes: blobView(bytes, `entry ${String(index)}`),
      }))
    })
  }

  /** @inheritdoc */
  async findTx(txId: string): Promise<TxLocation | undefined> {
    return this.#run('finding a transaction', () => {
      const row = isTxId(txId) ? this.#s.findTx.get(Buffer.from(txId, 'hex')) : undefined
      return row && { index: row[0] as number, block: row[1] as number }
    })
  }

  /** @inheritdoc */
  async committedTxIds(txIds: readonly string[]): Promise<Set<string>> {
    return this.#run('checking transaction ids', () => {
      const valid = txIds.filter(isTxId)
      return valid.length === 0 ? new Set<string>() : new Set(this.#s.committedTxIds.all(JSON.stringify(valid)))
    })
  }

  /** @inheritdoc */
  async entriesBySigner(signer: string, afterIndex: number, limit: number): Promise<number[]> {
    return this.#run('listing entries by signer', () => {
      const n = pageSize(limit)
      if (n === 0 || Number.isNaN(afterIndex)) return []
      const after = Math.max(-1, Math.min(Math.floor(afterIndex), Number.MAX_SAFE_INTEGER))
      return this.#s.entriesBySigner.all(signer, after, n === Infinity ? -1 : n)
    })
  }

  /** @inheritdoc */
  async stateDigest(): Promise<HeadStateDigest | undefined> {
    return this.#run('reading the state digest', () => (this.#s.digest ? readHeadDigest(this.#s.digest) : undefined))
  }

  /** @inheritdoc */
  async stateDigestAt(height: number): Promise<Uint8Array | undefined> {
    return this.#run('reading a state digest', () => {
      const sum = Number.isSafeInteger(height) && height >= 0 ? this.#s.digest?.getChecksum.get(height) : undefined
      return sum === undefined ? undefined : new Uint8Array(sum)
    })
  }

  /** @inheritdoc */
  async checkStateDigest(): Promise<StateDigestCheck> {
    this.#check()
    try {
      return await this.#checkDigest()
    } catch (e) {
      throw toStorageError(e, 'checking the state digest')
    }
  }

  /** @inheritdoc */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    try {
      await this.#writer.close()
      this.#db.close()
    } catch (e) {
      throw toStorageError(e, 'closing the database')
    }
  }

  #check(): void {
    if (this.#closed) throw storeError('STORE_CLOSED')
  }

  #run<T>(doing: string, fn: () => T): T {
    this.#check()
    try {
      return fn()
    } catch (e) {
      throw toStorageError(e, doing)
    }
  }

  #blockRow(height: number): StoreHead | undefined {
    const row = Number.isSafeInteger(height) && height >= 0 ? this.#s.getBlock.get(height) : undefined
    return row && decodeBlockRow(row)
  }
}
