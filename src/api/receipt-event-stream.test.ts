import { afterEach, describe, expect, it } from 'vitest'
import { KeyPair } from '../../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../../packages/saksi/src/core/tx/sign-tx.js'
import { EventStreamHub } from './event-stream-hub.js'
import type { EventStreamOptions } from './event-stream-options.js'
import type { ReceiptEventStream } from './receipt-event-stream.js'
import { FakeNode } from './testing/fake-node.js'
import { LargeLogNode } from './testing/large-log-node.js'

const ENTRIES = 5000
const idsIn = (text: string) => [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r))
}

/** Reads `stream` until it has sent index `last`. */
async function readUntil(stream: ReceiptEventStream, last: number): Promise<string> {
  let text = ''
  for await (const chunk of stream) {
    text += String(chunk)
    if (idsIn(text).at(-1) === last) break
  }
  return text
}

describe('ReceiptEventStream', () => {
  let hub: EventStreamHub | undefined
  afterEach(() => hub?.finish())
  const open = (node: FakeNode | LargeLogNode, from: number, options: EventStreamOptions = {}) => {
    hub = new EventStreamHub(node, { heartbeatMs: 60_000, ...options })
    return hub.open('client', from)
  }

  describe('when the client reads nothing', () => {
    it('reads at most one page past its buffer from the store', async () => {
      const node = new LargeLogNode(ENTRIES)
      const stream = open(node, 0, { highWaterBytes: 8192, pageSize: 10 })
      stream.pause()
      stream.read(0)
      await turns(50)
      // A page of 10 receipts is about 6 KiB: the 8 KiB buffer fills on the second.
      expect(stream.pagesRead).toBe(2)
      expect(node.pagesRead).toBe(2)
      expect(stream.readableLength).toBeLessThan(8192 + 10 * 700)
      await sleep(50)
      expect(node.pagesRead).toBe(2)
    })

    it('disconnects it after stallMs', async () => {
      const stream = open(new LargeLogNode(ENTRIES), 0, { highWaterBytes: 1024, stallMs: 50 })
      stream.pause()
      stream.read(0)
      await new Promise((resolve) => stream.once('close', resolve))
      expect(stream.destroyed).toBe(true)
      expect(hub!.size).toBe(0)
    })
  })

  describe('when the client reads slower than the log is replayed', () => {
    it('sends every receipt once, in order, a page at a time', async () => {
      const node = new LargeLogNode(ENTRIES)
      const stream = open(node, 0, { highWaterBytes: 4096, pageSize: 50 })
      const text = await readUntil(stream, ENTRIES - 1)
      expect(idsIn(text)).toEqual(Array.from({ length: ENTRIES }, (_, i) => i))
      expect(node.pagesRead).toBe(ENTRIES / 50)
    })
  })

  describe('when it has caught up with the log', () => {
    const register = (node: FakeNode, n: number) =>
      Promise.all(
        Array.from({ length: n }, (_, i) => {
          const p = signTx({ network: node.network, contract: 'identity', method: 'register', args: { name: `Warung ${i}` }, nonce: `n${Math.random()}${i}` }, KeyPair.generate())
          return node.submit(JSON.stringify(p.envelope))
        }),
      )

    it('takes live blocks from the fan-out, serialized once for all streams', async () => {
      const node = new FakeNode()
      await register(node, 2)
      node.commit()
      hub = new EventStreamHub(node, { heartbeatMs: 60_000 })
      const streams = Array.from({ length: 20 }, (_, i) => hub!.open(`client ${i}`, 0))
      const texts = streams.map(() => '')
      streams.forEach((s, i) => s.on('data', (c) => (texts[i] += String(c))))
      await turns(20)
      expect(streams.every((s) => s.live)).toBe(true)
      await register(node, 3)
      node.commit()
      await turns(5)
      for (const t of texts) expect(idsIn(t)).toEqual([0, 1, 2, 3, 4])
      expect(hub.fanout.serialized).toBe(3)
    })

    it('leaves the fan-out when its buffer is full and catches up from the store', async () => {
      const node = new FakeNode()
      hub = new EventStreamHub(node, { heartbeatMs: 60_000, highWaterBytes: 1024 })
      const stream = hub.open('client', 0)
      stream.pause()
      stream.read(0)
      await turns(5)
      expect(stream.live).toBe(true)
      for (let b = 0; b < 4; b++) {
        await register(node, 3)
        node.commit()
        await turns(2)
      }
      expect(stream.live).toBe(false)
      expect(hub.fanout.size).toBe(0)
      const text = await readUntil(stream, 11)
      expect(idsIn(text)).toEqual(Array.from({ length: 12 }, (_, i) => i))
    })
  })

  describe('when finished by the server', () => {
    it('ends after what is buffered and leaves the fan-out', async () => {
      const node = new LargeLogNode(3)
      const stream = open(node, 1)
      let text = ''
      stream.on('data', (c) => (text += String(c)))
      await sleep(50)
      stream.finish()
      await new Promise((resolve) => stream.once('end', resolve))
      expect(text.startsWith('retry: 2000\n\n')).toBe(true)
      expect(idsIn(text)).toEqual([1, 2])
      expect(hub!.fanout.size).toBe(0)
    })
  })
})
