import { describe, expect, it } from 'vitest'
import type { SaksiError } from '../errors.js'
import { KeyPair } from '../keys/key-pair.js'
import { checkTxWindow, type TxWindow } from './check-tx-window.js'
import { signTx } from './sign-tx.js'
import { codeOf } from '../../../../../test/support/code-of.js'

const key = KeyPair.fromSeed(new Uint8Array(32).fill(3))
const EXPIRES = Date.UTC(2026, 10, 23, 19, 0, 0, 0)
const parsed = signTx({ network: 'kota-contoh', contract: 'identity', method: 'register', nonce: 'n1', expiresAt: '2026-11-23T19:00:00.000Z' }, key)
const window = (over: Partial<TxWindow> = {}): TxWindow => ({ network: 'kota-contoh', now: EXPIRES - 60_000, maxValiditySeconds: 3600, ...over })

describe('checkTxWindow', () => {
  describe('when the transaction is for this network and inside the window', () => {
    const cases: Array<[string, number]> = [
      ['a minute before expiry', EXPIRES - 60_000],
      ['1 ms before expiry', EXPIRES - 1],
      ['exactly the maximum validity ahead (boundary, allowed)', EXPIRES - 3600_000],
    ]
    for (const [name, now] of cases) {
      it(`accepts it ${name}`, () => {
        expect(codeOf(() => checkTxWindow(parsed, window({ now })))).toBeUndefined()
      })
    }
  })

  describe('when the transaction is not for this network', () => {
    for (const network of ['kota-lain', 'Kota-contoh', 'kota-contoh ', '']) {
      it(`refuses it on network ${JSON.stringify(network)} with TX_WRONG_NETWORK`, () => {
        expect(codeOf(() => checkTxWindow(parsed, window({ network })))).toBe('TX_WRONG_NETWORK')
      })
    }

    it('checks the network before the time', () => {
      expect(codeOf(() => checkTxWindow(parsed, window({ network: 'kota-lain', now: EXPIRES + 1 })))).toBe('TX_WRONG_NETWORK')
    })
  })

  describe('when the transaction has expired', () => {
    const cases: Array<[string, number]> = [
      ['at exactly its expiry (boundary: no longer valid)', EXPIRES],
      ['1 ms after its expiry', EXPIRES + 1],
      ['a day after its expiry', EXPIRES + 86_400_000],
    ]
    for (const [name, now] of cases) {
      it(`refuses it ${name} with TX_EXPIRED`, () => {
        expect(codeOf(() => checkTxWindow(parsed, window({ now })))).toBe('TX_EXPIRED')
      })
    }
  })

  describe('when the expiry is further ahead than the maximum validity window', () => {
    const cases: Array<[string, Partial<TxWindow>]> = [
      ['1 ms beyond the default hour', { now: EXPIRES - 3600_000 - 1 }],
      ['a day ahead', { now: EXPIRES - 86_400_000 }],
      ['beyond a shorter network window (60 s)', { now: EXPIRES - 61_000, maxValiditySeconds: 60 }],
      ['anything ahead with a window of 0', { now: EXPIRES - 1, maxValiditySeconds: 0 }],
    ]
    for (const [name, over] of cases) {
      it(`refuses it ${name} with TX_TOO_FAR_AHEAD`, () => {
        expect(codeOf(() => checkTxWindow(parsed, window(over)))).toBe('TX_TOO_FAR_AHEAD')
      })
    }

    it('accepts it at exactly a shorter window', () => {
      expect(codeOf(() => checkTxWindow(parsed, window({ now: EXPIRES - 60_000, maxValiditySeconds: 60 })))).toBeUndefined()
    })
  })

  describe('when it refuses', () => {
    it('throws a validation error with details a client can act on', () => {
      try {
        checkTxWindow(parsed, window({ now: EXPIRES - 7200_000 }))
        expect.unreachable()
      } catch (e) {
        expect((e as SaksiError).kind).toBe('validation')
        expect((e as SaksiError).details).toEqual({ maxValiditySeconds: 3600 })
      }
    })
  })
})
