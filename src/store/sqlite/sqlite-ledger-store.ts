import type Database from 'better-sqlite3'
import type { SignedBlock } from '../../core/block/block-header.js'
import { canonicalJson } from '../../core/encoding/jcs.js'
import type { JsonObject, JsonValue } from '../../core/encoding/json.js'
import { assertJsonValue } from '../../core/encoding/json-value.js'
import type { MerkleNode } from '../../core/merkle/merkle-appender.js'
import { checkBlockCommit, type LogPosition } from '../check-block-commit.js'
import type { BlockCommit, LedgerStore, StoredEntry, StoreHead, TxLocation } from '../ledger-store.js'
import { indexInterval, pageSize } from '../read-bounds.js'
import { storeError } from '../store-errors.js'
import { isConstraintOn, toStorageError } from './sqlite-errors.js'
import { SqliteMerkleReader } from './sqlite-merkle-reader.js'
import { SqliteStateStore } from './sqlite-state-store.js'
import { NODE_BATCH, prepareStatements, type SqliteStatements } from './sqlite-statements.js'
import { writeState } from './write-state.js'

function jsonText(value: unknown, what: string): string {
  try {
    assertJsonValue(value, what)
    return canonicalJson(value)
  } catch (e) {
    throw storeError('STORE_COMMIT_INVALID', `${what} is not exact JSON: ${(e as Error).message}`)
  }
}

function parseObject(text: unknown, what: string): Record<string, unknown> {
  const value: unknown = typeof text === 'string' ? JSON.parse(text) : undefined
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw storeError('STORE_CORRUPT', `${what} is not a JSON object`)
  return value as Record<string, unknown>
}

const TX_ID = /^[0-9a-f]{64}$/

function isTxId(txId: unknown): txId is string {
  return typeof txId === 'string' && TX_ID.test(txId)
}

function txIdText(blob: unknown, index: unknown): string {
  if (!(blob instanceof Buffer) || blob.length !== 32) throw storeError('STORE_CORRUPT', `entry ${String(index)} has a malformed txId`, { index })
  return blob.toString('hex')
}

function view(bytes: unknown, what: string): Uint8Array {
  if (!(bytes instanceof Uint8Array)) throw storeError('STORE_CORRUPT', `${what} is not a blob`)
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

// A blocks row is [height, size, header, sig, checkpoint]; the header must agree with its columns.
function decodeBlock(row: unknown[]): StoreHead {
  const [height, size, header, sig, checkpoint] = row
  const parsed = parseObject(header, `block ${String(height)} header`)
  if (parsed.height !== height || parsed.size !== size || typeof sig !== 'string' || typeof checkpoint !== 'string') {
    throw storeError('STORE_CORRUPT', `block ${String(height)} does not agree with its row`, { height })
  }
  return { block: { header: parsed as unknown as SignedBlock['header'], sig }, checkpoint }
}

function insertNodes(s: SqliteStatements, nodes: readonly MerkleNode[]): void {
  let i = 0
  for (const params: unknown[] = []; i + NODE_BATCH <= nodes.length; params.length = 0) {
    for (const end = i + NODE_BATCH; i < end; i++) params.push(nodes[i]!.level, nodes[i]!.index, nodes[i]!.hash)
    s.insertNodes.run(...params)
  }
  for (; i < nodes.length; i++) s.insertNode.run(nodes[i]!.level, nodes[i]!.index, nodes[i]!.hash)
}

/**
 * The SQLite {@link LedgerStore} (better-sqlite3): the embedded node's durable default. Open it with
 * `openSqliteLedgerStore`, which sets the pragmas and migrates the schema. Every call runs
 * synchronously on one connection; a block commits in one `BEGIN IMMEDIATE` transaction.
 */
export class SqliteLedgerStore implements LedgerStore {
  /** @inheritdoc */
  readonly state: SqliteStateStore
  /** @inheritdoc */
  readonly merkle: SqliteMerkleReader
  readonly #db: Database.Database
  readonly #s: SqliteStatements
  readonly #commit: Database.Transaction<(commit: BlockCommit, genesisText: string | undefined) => void>
  #closed = false

  /**
   * @param db a connection whose schema `migrate` has brought up to date
   */
  constructor(db: Database.Database) {
    this.#db = db
    this.#s = prepareStatements(db)
    const check = (): void => this.#check()
    this.state = new SqliteStateStore(this.#s, check)
    this.merkle = new SqliteMerkleReader(this.#s, check)
    this.#commit = db.transaction((commit: BlockCommit, genesisText: string | undefined) => this.#write(commit, genesisText))
  }

  /** @inheritdoc */
  async genesis(): Promise<JsonObject | undefined> {
    return this.#run('reading the genesis', () => {
      const text = this.#s.getMeta.get('genesis')
      return text === undefined ? undefined : (parseObject(text, 'the genesis document') as JsonObject)
    })
  }

  /** @inheritdoc */
  async initialise(genesis: JsonObject, block0: BlockCommit): Promise<void> {
    this.#run('initialising', () => this.#commit.immediate(block0, jsonText(genesis, 'genesis')))
  }

  /** @inheritdoc */
  async commitBlock(commit: BlockCommit): Promise<void> {
    this.#run('committing a block', () => this.#commit.immediate(commit, undefined))
  }

  /** @inheritdoc */
  async head(): Promise<StoreHead | undefined> {
    return this.#run('reading the head', () => {
      const row = this.#s.head.get()
      return row && decodeBlock(row)
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
      return bytes === undefined ? undefined : view(bytes, `entry ${index}`)
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
        bytes: view(bytes, `entry ${String(index)}`),
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
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    try {
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
    return row && decodeBlock(row)
  }

  // Runs inside the transaction: a throw anywhere rolls everything back.
  #write(commit: BlockCommit, genesisText: string | undefined): void {
    const s = this.#s
    const row = s.head.get()
    const head: LogPosition | undefined = row && { height: row[0] as number, size: row[1] as number }
    if (genesisText !== undefined) {
      if (head !== undefined || s.getMeta.get('genesis') !== undefined) throw storeError('STORE_ALREADY_INITIALISED')
      s.putMeta.run('genesis', genesisText)
    } else if (head === undefined) {
      throw storeError('STORE_NOT_INITIALISED')
    }
    checkBlockCommit(commit, head)
    const { header, sig } = commit.block
    s.insertBlock.run(header.height, header.size, jsonText(header as unknown as JsonValue, 'block header'), sig, commit.checkpoint)
    // checkBlockCommit saw exactly one level-0 node (leaf hash) per entry; it goes in the entry's row.
    const leaves: Uint8Array[] = []
    const upper: MerkleNode[] = []
    for (const n of commit.nodes) {
      if (n.level === 0) leaves[n.index - header.firstIndex] = n.hash
      else upper.push(n)
    }
    commit.entries.forEach((e, i) => {
      try {
        s.insertEntry.run(e.index, Buffer.from(e.txId, 'hex'), e.signer, header.height, leaves[i], e.bytes)
      } catch (err) {
        if (isConstraintOn(err, 'entries.tx_id')) throw storeError('STORE_DUPLICATE_TX', `transaction ${e.txId} is already committed`, { txId: e.txId })
        throw err
      }
    })
    insertNodes(s, upper)
    writeState(s, commit.writes, (value, what) => jsonText(value, what))
  }
}
