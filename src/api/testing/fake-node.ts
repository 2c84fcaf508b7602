/**
 * An in-memory `SaksiNode` for the API's tests (test-only, not in dist). It is built from the real
 * core: envelopes are parsed and verified by `parseEnvelope`, `checkTxWindow` and
 * `verifyParsedEnvelope`, blocks run the identity contract through `executeBlock`, the log is an
 * RFC 6962 tree with signed blocks and checkpoints. Blocks are cut by `commit()` (or after
 * `autoCommitMs`), so tests decide when a transaction is committed.
 */
import { Counter, Registry } from 'prom-client'
import { genesisHash, type BlockHeader, type SignedBlock } from '../../../packages/saksi/src/core/block/block-header.js'
import { buildBlockHeader } from '../../../packages/saksi/src/core/block/build-block-header.js'
import { signBlock } from '../../../packages/saksi/src/core/block/sign-block.js'
import { toBase64 } from '../../../packages/saksi/src/core/encoding/base64.js'
import type { JsonObject, JsonValue } from '../../../packages/saksi/src/core/encoding/json.js'
import { formatTime } from '../../../packages/saksi/src/core/encoding/time.js'
import { ConflictError, NotFoundError, SaksiError, ValidationError } from '../../../packages/saksi/src/core/errors.js'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { leafHash } from '../../../packages/saksi/src/core/merkle/hash.js'
import { consistencyProof } from '../../../packages/saksi/src/core/merkle/consistency-proof.js'
import { inclusionProof } from '../../../packages/saksi/src/core/merkle/inclusion-proof.js'
import { MemoryHashStore } from '../../../packages/saksi/src/core/merkle/memory-hash-store.js'
import { signCheckpoint } from '../../../packages/saksi/src/core/note/sign-checkpoint.js'
import { formatVerifierKey } from '../../../packages/saksi/src/core/note/verifier-key.js'
import { createRuntime, type Runtime } from '../../../packages/saksi/src/core/runtime/create-runtime.js'
import { executeBlock } from '../../../packages/saksi/src/core/runtime/execute-block.js'
import { executeGenesis } from '../../../packages/saksi/src/core/runtime/execute-genesis.js'
import type { PolicyRequest } from '../../../packages/saksi/src/core/runtime/check-policy.js'
import type { Policy, Refusal } from '../../../packages/saksi/src/core/runtime/policy.js'
import type { Receipt, SimulatedReceipt } from '../../../packages/saksi/src/core/runtime/receipt.js'
import { StateOverlay } from '../../../packages/saksi/src/core/state/state-overlay.js'
import { MemoryStateStore } from '../../../packages/saksi/src/core/state/memory-state-store.js'
import { checkTxWindow } from '../../../packages/saksi/src/core/tx/check-tx-window.js'
import { parseEnvelope } from '../../../packages/saksi/src/core/tx/parse-envelope.js'
import { TransactionRefused } from '../../../packages/saksi/src/core/runtime/transaction-refused.js'
import { RULES_ORIGINAL } from '../../../packages/saksi/src/core/runtime/rules.js'
import { verifyParsedEnvelope } from '../../../packages/saksi/src/core/tx/verify-envelope.js'
import type { ParsedEnvelope } from '../../../packages/saksi/src/core/tx/types.js'
import { identity } from '../../services/identity/contract/identity.js'
import type { NetworkInfo, NodeHealth, PendingReceipt, ReceiptListener, SaksiNode } from '../../node/saksi-node.js'

/** Options of {@link FakeNode}. */
export interface FakeNodeOptions {
  network?: string
  origin?: string
  maxValiditySeconds?: number
  /** Admitted and uncommitted transactions beyond which `submit` answers `NODE_OVERLOADED`. */
  maxPending?: number
  /** The node's clock in ms (default `Date.now`). */
  now?: () => number
  /** Cut a block this many ms after a submission (default: only on `commit()`). */
  autoCommitMs?: number
}

/** The genesis organisation's admin key (deterministic, so tests can sign as the admin). */
export const FAKE_ADMIN_KEY = KeyPair.fromSeed(new Uint8Array(32).fill(200))
/** The node's key (deterministic, so tests can sign in as its operator). */
export const TEST_NODE_KEY = KeyPair.fromSeed(new Uint8Array(32).fill(201))
const NODE_KEY = TEST_NODE_KEY

interface Subscriber {
  next: number
  listener: ReceiptListener
  closed: boolean
  replaying: boolean
}

/** The in-memory node. */
export class FakeNode implements SaksiNode {
  readonly metrics = new Registry()
  readonly network: string
  readonly origin: string
  readonly maxValiditySeconds: number
  readonly maxPending: number
  readonly now: () => number
  readonly #autoCommitMs: number | undefined
  readonly #runtime: Runtime = createRuntime({ contracts: [identity] })
  readonly #state = new MemoryStateStore()
  readonly #tree = new MemoryHashStore()
  readonly #genesis: JsonObject
  readonly #entries: Uint8Array[] = []
  readonly #receipts = new Map<string, Receipt>()
  readonly #pending = new Map<string, ParsedEnvelope>()
  readonly #blocks: SignedBlock[] = []
  readonly #waiters = new Map<string, Set<(r: Receipt | undefined) => void>>()
  readonly #subscribers = new Set<Subscriber>()
  readonly #admitted = new Counter({ name: 'fake_tx_admitted_total', help: 'admitted', registers: [this.metrics] })
  #stateDigest: Uint8Array
  #checkpoint: string
  #closed = false
  #timer: NodeJS.Timeout | undefined

  constructor(options: FakeNodeOptions = {}) {
    this.network = options.network ?? 'kota-contoh'
    this.origin = options.origin ?? 'saksi.example/kota-contoh'
    this.maxValiditySeconds = options.maxValiditySeconds ?? 3600
    this.maxPending = options.maxPending ?? 10_000
    this.now = options.now ?? Date.now
    this.#autoCommitMs = options.autoCommitMs
    const time = formatTime(this.now())
    this.#genesis = {
      network: this.network,
      origin: this.origin,
      time,
      nodeKey: NODE_KEY.did,
      organisations: [{ id: 'dinsos', name: 'Dinas Sosial Kota Contoh', admins: [FAKE_ADMIN_KEY.did] }],
    }
    const g = executeGenesis({ runtime: this.#runtime, genesis: this.#genesis, time })
    this.#state.apply(g.writes)
    this.#stateDigest = g.stateDigest
    const header = buildBlockHeader(
      { network: this.network, genesisHash: genesisHash(this.#genesis) },
      { time, size: 0, logRoot: this.#tree.root(), stateDigest: g.stateDigest, proposer: NODE_KEY.did },
    )
    this.#blocks.push(signBlock(header, NODE_KEY))
    this.#checkpoint = signCheckpoint({ origin: this.origin, size: 0, root: this.#tree.root() }, NODE_KEY)
  }

  genesis(): JsonObject {
    return this.#genesis
  }

  info(): NetworkInfo {
    return {
      network: this.network,
      origin: this.origin,
      vkey: formatVerifierKey(this.origin, NODE_KEY.publicKey),
      genesisHash: toBase64(genesisHash(this.#genesis)),
      maxValiditySeconds: this.maxValiditySeconds,
      contracts: this.#runtime.describe(),
    }
  }

  health(): NodeHealth {
    const head = this.#blocks.at(-1)!.header
    return { status: 'ok', height: head.height, size: head.size, pending: this.#pending.size }
  }

  async submit(body: string | Uint8Array): Promise<{ txId: string }> {
    if (this.#closed) throw new SaksiError('NODE_CLOSED', 'the node is shutting down', undefined, 'internal')
    if (this.#pending.size >= this.maxPending) {
      throw new SaksiError('NODE_OVERLOADED', 'the node is at capacity; retry shortly', { retryAfterSeconds: 2 }, 'internal')
    }
    const parsed = this.#check(body)
    const { txId } = parsed
    this.#pending.set(txId, parsed)
    this.#admitted.inc()
    if (this.#autoCommitMs !== undefined && this.#timer === undefined) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined
        this.commit()
      }, this.#autoCommitMs)
    }
    return { txId }
  }

  async simulate(body: string | Uint8Array): Promise<SimulatedReceipt> {
    if (this.#closed) throw new SaksiError('NODE_CLOSED', 'the node is shutting down', undefined, 'internal')
    const parsed = this.#check(body)
    const ms = this.now()
    const input = { tx: parsed.envelope.tx, txId: parsed.txId, index: this.#entries.length, block: this.#blocks.length, time: { iso: formatTime(ms), ms } }
    const outcome = this.#runtime.call(new StateOverlay(this.#state), input)
    if (outcome.status === 'ok') return { txId: parsed.txId, status: 'ok', index: input.index, events: outcome.events, simulated: true }
    const explanation = this.#runtime.explain(this.#state, input, outcome.code)
    return { txId: parsed.txId, status: 'failed', code: outcome.code, ...(outcome.message === undefined ? {} : { message: outcome.message }), index: input.index, events: [], simulated: true, ...(explanation ? { explanation } : {}) }
  }

  // The checks of admission, as submit and simulate make them.
  #check(body: string | Uint8Array): ParsedEnvelope {
    const parsed = parseEnvelope(body)
    checkTxWindow(parsed, { network: this.network, now: this.now(), maxValiditySeconds: this.maxValiditySeconds })
    // The node's argument checks (src/node/argument-admission.ts), under the rules of executeBlock's default.
    const checked = this.#runtime.checkArguments(parsed.envelope.tx, RULES_ORIGINAL)
    if (!checked.ok) throw new TransactionRefused(checked.refusal.code, checked.refusal.message, checked.refusal.details, 'validation')
    const { txId } = parsed
    if (this.#pending.has(txId) || this.#receipts.has(txId)) throw new ConflictError('TX_DUPLICATE', 'this transaction is already known', { txId })
    verifyParsedEnvelope(parsed)
    return parsed
  }

  /**
   * Cuts a block of every admitted transaction (dropping expired ones), as the orderer would.
   * @returns the block's receipts
   */
  commit(): Receipt[] {
    const timeMs = Math.max(this.now(), Date.parse(this.#blocks.at(-1)!.header.time) + 1)
    const time = formatTime(timeMs)
    const txs = [...this.#pending.values()].filter((p) => p.expiresAtMs > timeMs)
    this.#pending.clear()
    const previous: BlockHeader = this.#blocks.at(-1)!.header
    const exec = executeBlock({ runtime: this.#runtime, state: this.#state, height: previous.height + 1, time, firstIndex: this.#entries.length, txs, prevStateDigest: this.#stateDigest })
    this.#state.apply(exec.writes)
    this.#stateDigest = exec.stateDigest
    this.#tree.appendLeafHashes(exec.entryBytes.map((b) => leafHash(b)))
    this.#entries.push(...exec.entryBytes)
    const header = buildBlockHeader(previous, { time, size: this.#tree.size, logRoot: this.#tree.root(), stateDigest: exec.stateDigest, proposer: NODE_KEY.did })
    this.#blocks.push(signBlock(header, NODE_KEY))
    this.#checkpoint = signCheckpoint({ origin: this.origin, size: this.#tree.size, root: this.#tree.root() }, NODE_KEY)
    for (const r of exec.receipts) {
      this.#receipts.set(r.txId, r)
      for (const done of [...(this.#waiters.get(r.txId) ?? [])]) done(r)
    }
    for (const sub of this.#subscribers) if (!sub.replaying) this.#catchUp(sub)
    return exec.receipts
  }

  waitForReceipt(txId: string, timeoutMs: number): Promise<Receipt | undefined> {
    const known = this.#receipts.get(txId)
    if (known || !this.#pending.has(txId)) return Promise.resolve(known)
    return new Promise((resolve) => {
      let set = this.#waiters.get(txId)
      if (!set) this.#waiters.set(txId, (set = new Set()))
      const done = (r: Receipt | undefined) => {
        clearTimeout(timer)
        set.delete(done)
        resolve(r)
      }
      const timer = setTimeout(() => done(undefined), timeoutMs)
      set.add(done)
    })
  }

  async receipt(txId: string): Promise<Receipt | PendingReceipt | undefined> {
    if (this.#pending.has(txId)) return { txId, status: 'pending' }
    return this.#receipts.get(txId)
  }

  async checkpoint(): Promise<string> {
    return this.#checkpoint
  }

  size(): number {
    return this.#entries.length
  }

  async entry(index: number): Promise<Uint8Array> {
    const bytes = Number.isSafeInteger(index) && index >= 0 ? this.#entries[index] : undefined
    if (!bytes) throw new NotFoundError('ENTRY_NOT_FOUND', `no entry at index ${index}; the log has ${this.size()}`, { size: this.size() })
    return bytes
  }

  async inclusionProof(index: number, size: number): Promise<Uint8Array[]> {
    if (!isCount(index) || !isCount(size) || index >= size || size > this.size()) {
      throw new ValidationError('PROOF_RANGE_INVALID', `need 0 <= index < size <= ${this.size()}`, { logSize: this.size() })
    }
    return inclusionProof(this.#tree, index, size)
  }

  async consistencyProof(from: number, to: number): Promise<Uint8Array[]> {
    if (!isCount(from) || !isCount(to) || from < 1 || from > to || to > this.size()) {
      throw new ValidationError('PROOF_RANGE_INVALID', `need 1 <= from <= to <= ${this.size()}`, { logSize: this.size() })
    }
    return consistencyProof(this.#tree, from, to)
  }

  async block(height: number | 'latest'): Promise<SignedBlock> {
    const b = height === 'latest' ? this.#blocks.at(-1) : isCount(height) ? this.#blocks[height] : undefined
    if (!b) throw new NotFoundError('BLOCK_NOT_FOUND', `no block at height ${height}`, { latest: this.#blocks.length - 1 })
    return b
  }

  async query(contract: string, query: string, args: Record<string, JsonValue>): Promise<JsonValue> {
    const answer = this.#runtime.query(this.#state, contract, query, args)
    if (answer === undefined) throw new NotFoundError('NOT_FOUND', `${contract}.${query} found nothing for these arguments`)
    return answer
  }

  queryPolicy(contract: string, query: string): Policy | undefined {
    return this.#runtime.contracts.get(contract)?.queries.get(query)?.allow
  }

  async authorize(policy: Policy, request: PolicyRequest): Promise<Refusal | undefined> {
    return this.#runtime.authorize(this.#state, policy, request)
  }

  async readReceipts(from: number, to: number): Promise<Receipt[]> {
    const out: Receipt[] = []
    for (let i = Math.max(0, from); i < Math.min(to, this.#entries.length); i++) out.push(this.#receiptAt(i))
    return out
  }

  subscribe(from: number, listener: ReceiptListener): () => void {
    const sub: Subscriber = { next: Math.max(0, from), listener, closed: false, replaying: false }
    this.#subscribers.add(sub)
    // Like the real node, the past is replayed asynchronously, in pages.
    setImmediate(() => this.#catchUp(sub))
    return () => {
      sub.closed = true
      this.#subscribers.delete(sub)
    }
  }

  /** Number of open subscriptions (for tests of disconnects and back-pressure). */
  get subscriberCount(): number {
    return this.#subscribers.size
  }

  async close(): Promise<void> {
    this.#closed = true
    clearTimeout(this.#timer)
    for (const set of this.#waiters.values()) for (const done of [...set]) done(undefined)
    for (const sub of this.#subscribers) sub.closed = true
    this.#subscribers.clear()
  }

  #catchUp(sub: Subscriber): void {
    if (sub.closed || sub.replaying) return
    sub.replaying = true
    const end = Math.min(this.#entries.length, sub.next + 500)
    while (!sub.closed && sub.next < end) {
      const r = this.#receiptAt(sub.next)
      sub.next++
      sub.listener(r)
    }
    sub.replaying = false
    if (!sub.closed && sub.next < this.#entries.length) setImmediate(() => this.#catchUp(sub))
  }

  #receiptAt(index: number): Receipt {
    const entry = JSON.parse(new TextDecoder().decode(this.#entries[index])) as { txId: string }
    return this.#receipts.get(entry.txId)!
  }
}

function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0
}
