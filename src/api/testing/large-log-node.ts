/**
 * A node whose log holds many committed receipts without having executed them, for tests and the
 * bench of event streams over a large log (test-only, not in dist). Receipts are generated from
 * their index on demand (about 600 bytes of JSON each, like a registration's); the network, blocks
 * and everything else come from a {@link FakeNode}. Replay goes through the real node's
 * {@link ReceiptHub}, so `subscribe` behaves as the embedded node's does.
 */
import type { Receipt } from '../../../packages/saksi/src/core/runtime/receipt.js'
import type { JsonValue } from '../../../packages/saksi/src/core/encoding/json.js'
import type { Policy, Refusal } from '../../../packages/saksi/src/core/runtime/policy.js'
import type { PolicyRequest } from '../../../packages/saksi/src/core/runtime/check-policy.js'
import { ReceiptHub } from '../../node/receipt-hub.js'
import type { ReceiptListener, SaksiNode } from '../../node/saksi-node.js'
import { FakeNode } from './fake-node.js'

const T0 = Date.parse('2026-11-23T08:00:00.000Z')
const PAD = 'x'.repeat(400)

/** The receipt at `index` of a {@link LargeLogNode}. */
export function largeLogReceipt(index: number): Receipt {
  const block = Math.floor(index / 100) + 1
  return {
    txId: index.toString(16).padStart(64, '0'),
    status: 'ok',
    index,
    block,
    time: new Date(T0 + block * 1000).toISOString(),
    events: [{ type: 'identity.KeyRegistered', data: { did: `did:key:z6MkLarge${index}`, label: PAD } }],
  }
}

/** A node with `size` committed receipts; counts what is read from its "store". */
export class LargeLogNode implements SaksiNode {
  readonly fake = new FakeNode()
  readonly metrics = this.fake.metrics
  /** Calls of {@link readReceipts} so far. */
  pagesRead = 0
  /** Receipts read so far, by {@link readReceipts} and the hub's replays. */
  receiptsRead = 0
  readonly #size: number
  readonly #hub: ReceiptHub

  /** @param size the number of committed entries */
  constructor(size: number) {
    this.#size = size
    this.#hub = new ReceiptHub(async (from, to) => this.#read(from, to), () => this.#size)
  }

  info = () => this.fake.info()
  genesis = () => this.fake.genesis()
  submit = (body: string | Uint8Array) => this.fake.submit(body)
  simulate = (body: string | Uint8Array) => this.fake.simulate(body)
  waitForReceipt = (txId: string, timeoutMs: number) => this.fake.waitForReceipt(txId, timeoutMs)
  receipt = (txId: string) => this.fake.receipt(txId)
  checkpoint = () => this.fake.checkpoint()
  entry = (index: number) => this.fake.entry(index)
  inclusionProof = (index: number, size: number) => this.fake.inclusionProof(index, size)
  consistencyProof = (from: number, to: number) => this.fake.consistencyProof(from, to)
  block = (height: number | 'latest') => this.fake.block(height)
  query = (contract: string, query: string, args: Record<string, JsonValue>) => this.fake.query(contract, query, args)
  authorize = (policy: Policy, request: PolicyRequest): Promise<Refusal | undefined> => this.fake.authorize(policy, request)
  queryPolicy = (contract: string, query: string): Policy | undefined => this.fake.queryPolicy(contract, query)
  health = () => this.fake.health()

  size(): number {
    return this.#size
  }

  async readReceipts(from: number, to: number): Promise<Receipt[]> {
    this.pagesRead++
    return this.#read(from, to)
  }

  subscribe(from: number, listener: ReceiptListener): () => void {
    return this.#hub.subscribe(from, listener)
  }

  async close(): Promise<void> {
    this.#hub.close()
    await this.fake.close()
  }

  #read(from: number, to: number): Receipt[] {
    const out: Receipt[] = []
    for (let i = Math.max(0, from); i < Math.min(to, this.#size); i++) out.push(largeLogReceipt(i))
    this.receiptsRead += out.length
    return out
  }
}
