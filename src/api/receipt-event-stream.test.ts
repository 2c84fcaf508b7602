import { beforeAll, describe, expect, it } from 'vitest'
import { KeyPair } from '../../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../../packages/saksi/src/core/tx/sign-tx.js'
import { ReceiptEventStream, formatReceiptEvent } from './receipt-event-stream.js'
import { FakeNode } from './testing/fake-node.js'

const ENTRIES = 2000

/** A node with `ENTRIES` committed registrations. */
async function busyNode(): Promise<FakeNode> {
  const node = new FakeNode()
  for (let i = 0; i < ENTRIES; i++) {
    const p = signTx({ network: node.network, contract: 'identity', method: 'register', args: { name: `Warga ${i}` }, nonce: `n${i}` }, KeyPair.generate())
    await node.submit(JSON.stringify(p.envelope))
  }
  node.commit()
  return node
}

const idsIn = (text: string) => [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('ReceiptEventStream', () => {
  let node: FakeNode
  beforeAll(async () => {
    node = await busyNode()
  })

  describe('formatReceiptEvent', () => {
    it('writes id = index and the receipt as one data line', () => {
      const text = formatReceiptEvent({ txId: 'ab', status: 'ok', index: 7, block: 2, time: '2026-11-23T18:30:00.000Z', events: [{ type: 't.X', data: { s: 'a\nb\u2028' } }] })
      expect(text).toBe('id: 7\ndata: {"txId":"ab","status":"ok","index":7,"block":2,"time":"2026-11-23T18:30:00.000Z","events":[{"type":"t.X","data":{"s":"a\\nb\u2028"}}]}\n\n')
    })
  })

  describe('when the client reads slower than the node delivers', () => {
    it('pauses the subscription with a bounded buffer, then resumes without loss or repeats', async () => {
      const stream = new ReceiptEventStream(node, 0, { highWaterBytes: 4096, heartbeatMs: 60_000 })
      stream.pause()
      // Let the consumer's first read subscribe, then let the replay fill the buffer.
      stream.read(0)
      await sleep(100)
      expect(stream.readableLength).toBeLessThan(4096 + 1024)
      expect(node.subscriberCount).toBe(0)
      expect(stream.next).toBeLessThan(ENTRIES)
      let text = ''
      for await (const chunk of stream) {
        text += String(chunk)
        if (idsIn(text).at(-1) === ENTRIES - 1) break
      }
      expect(idsIn(text)).toEqual(Array.from({ length: ENTRIES }, (_, i) => i))
      expect(node.subscriberCount).toBe(0)
    })
  })

  describe('when the client reads nothing for too long', () => {
    it('drops it and releases the subscription', async () => {
      const stream = new ReceiptEventStream(node, 0, { highWaterBytes: 1024, stallMs: 50, heartbeatMs: 60_000 })
      stream.pause()
      stream.read(0)
      const closed = new Promise((resolve) => stream.once('close', resolve))
      await closed
      expect(stream.destroyed).toBe(true)
      expect(node.subscriberCount).toBe(0)
    })
  })

  describe('when finished by the server', () => {
    it('ends after what is buffered and unsubscribes', async () => {
      const stream = new ReceiptEventStream(node, ENTRIES - 2, { heartbeatMs: 60_000 })
      let text = ''
      stream.on('data', (c) => (text += String(c)))
      await sleep(50)
      stream.finish()
      await new Promise((resolve) => stream.once('end', resolve))
      expect(text.startsWith('retry: 2000\n\n')).toBe(true)
      expect(idsIn(text)).toEqual([ENTRIES - 2, ENTRIES - 1])
      expect(node.subscriberCount).toBe(0)
    })
  })
})
