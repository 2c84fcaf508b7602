import { canonicalJson } from 'saksi'
import type { JsonObject } from 'saksi'
import type { LedgerStore } from '../store/index.js'
import { AuditFailure } from './audit-failure.js'
import type { AuditHead, AuditSource, AuditStateEntry } from './audit-source.js'
import { entriesAfter, pageRange } from './compare-state.js'

/** Reads a ledger straight from its store (a data directory), including every checkpoint and the state. */
export class StoreAuditSource implements AuditSource {
  readonly label: string
  readonly #store: LedgerStore
  readonly #genesis: JsonObject

  /**
   * @param store the opened store
   * @param genesis the genesis document the auditor trusts (the directory's genesis.json)
   * @param label what is audited, for messages
   */
  constructor(store: LedgerStore, genesis: JsonObject, label: string) {
    this.#store = store
    this.#genesis = genesis
    this.label = label
  }

  /** @inheritdoc */
  async genesis(): Promise<{ document: JsonObject }> {
    const stored = await this.#store.genesis()
    if (stored === undefined) throw new AuditFailure('genesis', 'AUDIT_NOT_INITIALISED', 'the store holds no genesis document')
    if (canonicalJson(stored) !== canonicalJson(this.#genesis)) {
      throw new AuditFailure('genesis', 'AUDIT_GENESIS_MISMATCH', 'the store holds another genesis document than genesis.json')
    }
    return { document: this.#genesis }
  }

  /** @inheritdoc */
  async head(): Promise<AuditHead> {
    const head = await this.#store.head()
    if (!head) throw new AuditFailure('head', 'AUDIT_NOT_INITIALISED', 'the store holds no block')
    return { checkpoint: head.checkpoint, height: head.block.header.height }
  }

  /** @inheritdoc */
  block(height: number): Promise<unknown> {
    return this.#store.getBlock(height)
  }

  /** @inheritdoc */
  async entries(from: number, to: number): Promise<Uint8Array[]> {
    const stored = await this.#store.getEntries(from, to)
    return stored.map((e, i) => {
      if (e.index !== from + i) throw Object.assign(new Error(`the store answered entry ${e.index} for entry ${from + i}`), { code: 'AUDIT_STORE_ORDER' })
      return e.bytes
    })
  }

  /** @inheritdoc */
  checkpointAt(height: number): Promise<string | undefined> {
    return this.#store.getCheckpoint(height)
  }

  /** @inheritdoc */
  async stateRange(contract: string, after: string, limit: number): Promise<AuditStateEntry[]> {
    const [entries] = await this.#store.state.rangeMany([{ contract, range: pageRange(after, limit) }])
    return entriesAfter(entries!, after, limit)
  }

  /** @inheritdoc */
  async currentHeight(): Promise<number> {
    return (await this.head()).height
  }

  /** @inheritdoc */
  close(): Promise<void> {
    return this.#store.close()
  }
}
