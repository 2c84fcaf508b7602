import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeyPair } from '../../core/keys/key-pair.js'
import { signTx } from '../../core/tx/sign-tx.js'
import { listenApi, type ListeningApi } from '../../../../../src/api/testing/listen-api.js'
import { getTransaction } from './get-transaction.js'
import { sendTransaction } from './send-transaction.js'
import { simulateTransaction } from './simulate-transaction.js'
import { submitTransaction } from './submit-transaction.js'
import { waitForReceipt } from './wait-for-receipt.js'
import { caught } from '../testing/caught.js'

let api: ListeningApi
const sign = (name = 'Siti Rahayu') => signTx({ network: 'kota-contoh', contract: 'identity', method: 'register', args: { name } }, KeyPair.generate())

beforeAll(async () => {
  api = await listenApi()
})
afterAll(async () => {
  await api.close()
})

describe('submitTransaction', () => {
  describe('when asked to wait', () => {
    it('answers the receipt of the committed transaction', async () => {
      const p = sign()
      const r = await submitTransaction(api.client, { envelope: p.envelope, wait: true })
      expect(r).toMatchObject({ txId: p.txId, status: 'ok', events: [{ type: 'identity.Registered' }] })
    })
  })

  describe('when not asked to wait', () => {
    it('answers {txId} once admitted, from the envelope as an object, text or bytes', async () => {
      for (const as of ['object', 'text', 'bytes'] as const) {
        const p = sign()
        const text = JSON.stringify(p.envelope)
        const envelope = as === 'object' ? p.envelope : as === 'text' ? text : new TextEncoder().encode(text)
        expect(await submitTransaction(api.client, { envelope })).toEqual({ txId: p.txId })
      }
    })
  })

  describe('when the envelope does not verify', () => {
    it('throws the node code with its status', async () => {
      const p = sign()
      const forged = { ...p.envelope, tx: { ...p.envelope.tx, args: { name: 'Budi' } } }
      expect(await caught(submitTransaction(api.client, { envelope: forged }))).toMatchObject({ code: 'TX_BAD_SIGNATURE', status: 401 })
    })
  })
})

describe('sendTransaction', () => {
  describe('when no network is given', () => {
    it("signs for the node's network and submits", async () => {
      const key = KeyPair.generate()
      const r = await sendTransaction(api.client, { signer: key, contract: 'identity', method: 'register', args: { name: 'Dewi Lestari' }, wait: true })
      expect(r).toMatchObject({ status: 'ok', events: [{ data: { did: key.did } }] })
    })
  })

  describe('when the call cannot be signed', () => {
    it('throws the TX_* ValidationError and sends nothing', async () => {
      const e = await caught(sendTransaction(api.client, { network: 'kota-contoh', signer: KeyPair.generate(), contract: 'identity', method: 'register', nonce: '' }))
      expect(e).toMatchObject({ kind: 'validation', code: expect.stringMatching(/^TX_/) })
    })
  })
})

describe('getTransaction', () => {
  describe('when the transaction is committed', () => {
    it('answers its receipt', async () => {
      const p = sign()
      const committed = await submitTransaction(api.client, { envelope: p.envelope, wait: true })
      expect(await getTransaction(api.client, { txId: p.txId })).toEqual(committed)
    })
  })

  describe('when the id is not of the right form', () => {
    it('throws PARAM_INVALID (400)', async () => {
      expect(await caught(getTransaction(api.client, { txId: '../network' }))).toMatchObject({ code: 'PARAM_INVALID', status: 400 })
    })
  })
})

describe('waitForReceipt', () => {
  describe('when the transaction was admitted', () => {
    it('answers the receipt once it is committed', async () => {
      const p = sign()
      await submitTransaction(api.client, { envelope: p.envelope })
      expect(await waitForReceipt(api.client, { txId: p.txId, pollingIntervalMs: 5 })).toMatchObject({ txId: p.txId, status: 'ok' })
    })
  })

  describe('when the node never learns of the transaction', () => {
    it('throws CLIENT_WAIT_TIMEOUT', async () => {
      const e = await caught(waitForReceipt(api.client, { txId: 'cd'.repeat(32), pollingIntervalMs: 5, timeoutMs: 20 }))
      expect(e).toMatchObject({ code: 'CLIENT_WAIT_TIMEOUT', details: { txId: 'cd'.repeat(32) } })
    })
  })
})

describe('simulateTransaction', () => {
  describe('when the envelope is valid', () => {
    it('answers the would-be receipt and leaves the envelope to be submitted', async () => {
      const p = sign()
      expect(await simulateTransaction(api.client, { envelope: p.envelope })).toMatchObject({ txId: p.txId, status: 'ok', simulated: true, events: [{ type: 'identity.Registered' }] })
      expect(await submitTransaction(api.client, { envelope: JSON.stringify(p.envelope), wait: true })).toMatchObject({ txId: p.txId, status: 'ok' })
    })
  })
  describe('when the envelope is forged', () => {
    it('throws the SaksiApiError POST /v1/tx would give', async () => {
      const p = sign()
      const forged = { ...p.envelope, sig: sign().envelope.sig }
      expect(await caught(simulateTransaction(api.client, { envelope: forged }))).toMatchObject({ code: 'TX_BAD_SIGNATURE', status: 401 })
    })
  })
})
