import { afterAll, describe, expect, it } from 'vitest'
import { KeyPair } from '../../packages/saksi/src/core/keys/key-pair.js'
import { packVerifyBatch, runVerifyBatch } from './verify-batch.js'
import { ed25519Verify } from '../../packages/saksi/src/core/crypto/ed25519.js'
import { SignaturePool } from './signature-pool.js'

const keys = Array.from({ length: 8 }, (_, i) => KeyPair.fromSeed(new Uint8Array(32).fill(i + 1)))
const items = Array.from({ length: 600 }, (_, i) => {
  const key = keys[i % keys.length]!
  const message = new TextEncoder().encode(`message ${i} ${'x'.repeat(i % 50)}`)
  const signature = key.sign(message)
  if (i % 7 === 0) signature[i % 64]! ^= 1 // every seventh is forged
  return { publicKey: key.publicKey, message, signature, valid: i % 7 !== 0 }
})

describe('packVerifyBatch and runVerifyBatch', () => {
  it('round-trip items of different lengths and give one result per item', () => {
    const results = runVerifyBatch(packVerifyBatch(items), ed25519Verify)
    expect(Array.from(results)).toEqual(items.map((it) => (it.valid ? 1 : 0)))
  })
})

describe('SignaturePool', () => {
  const pool = new SignaturePool({ workers: 2, maxBatch: 64 })
  afterAll(() => pool.close())

  it('verifies on worker threads and answers each request correctly', async () => {
    const results = await Promise.all(items.map((it) => pool.verify(it.publicKey, it.message, it.signature)))
    expect(results).toEqual(items.map((it) => it.valid))
    expect(pool.backlog()).toBe(0)
    expect(pool.fallbacks()).toBe(0)
  })

  describe('when configured with no workers', () => {
    it('verifies on the calling thread', async () => {
      const inline = new SignaturePool({ workers: 0 })
      const it0 = items[1]!
      await expect(inline.verify(it0.publicKey, it0.message, it0.signature)).resolves.toBe(true)
      await expect(inline.verify(it0.publicKey, it0.message, new Uint8Array(64))).resolves.toBe(false)
      await inline.close()
    })
  })
})

describe('SignaturePool workers', () => {
  it('run the verification off the main thread (a worker answers, no fallback)', async () => {
    const pool = new SignaturePool({ workers: 1 })
    const { threadId } = await import('node:worker_threads')
    const it0 = items[1]!
    await expect(pool.verify(it0.publicKey, it0.message, it0.signature)).resolves.toBe(true)
    expect(pool.workerThreadIds().length).toBe(1)
    expect(pool.workerThreadIds()).not.toContain(threadId)
    expect(pool.fallbacks()).toBe(0)
    await pool.close()
  })
})
