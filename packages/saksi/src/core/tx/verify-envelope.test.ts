import { describe, expect, it } from 'vitest'
import { nobleEd25519Verify } from '../crypto/ed25519.js'
import { fromBase64, toBase64 } from '../encoding/base64.js'
import { VerificationError } from '../errors.js'
import { KeyPair } from '../keys/key-pair.js'
import { parseEnvelope } from './parse-envelope.js'
import { signTx } from './sign-tx.js'
import type { Envelope } from './types.js'
import { verifyParsedEnvelope, type Ed25519VerifyFn } from './verify-envelope.js'
import { codeOf } from '../../../../../test/support/code-of.js'

const key = KeyPair.fromSeed(new Uint8Array(32).fill(3))
const valid = signTx(
  { network: 'kota-contoh', contract: 'identity', method: 'register', args: { name: 'Siti Rahayu', tags: ['a', 1, true, null] }, nonce: 'n1', expiresAt: '2026-11-23T19:00:00.000Z' },
  key,
)
const envelope = (): Envelope => JSON.parse(JSON.stringify(valid.envelope)) as Envelope

/** Flips one bit of one character of a string, keeping it printable ASCII where it was. */
function flipChar(s: string, at: number, bit = 0): string {
  const c = s.charCodeAt(at) ^ (1 << bit)
  return s.slice(0, at) + String.fromCharCode(c) + s.slice(at + 1)
}

const VERIFIERS: Array<[string, Ed25519VerifyFn | undefined]> = [
  ['the default (native) verifier', undefined],
  ['the pure-JS verifier', nobleEd25519Verify],
]

describe.each(VERIFIERS)('verifyParsedEnvelope with %s', (_name, verify) => {
  const check = (e: Envelope): string | undefined => codeOf(() => verifyParsedEnvelope(parseEnvelope(e), verify))

  describe('when the envelope is as signed', () => {
    it('accepts it', () => {
      expect(check(envelope())).toBeUndefined()
    })
  })

  describe('when a field of tx changed after signing (still well-formed)', () => {
    const cases: Array<[string, (e: Envelope) => void]> = [
      ['network', (e) => (e.tx.network = flipChar(e.tx.network, 0))],
      ['contract', (e) => (e.tx.contract = flipChar(e.tx.contract, 3))],
      ['method', (e) => (e.tx.method = flipChar(e.tx.method, 7))],
      ['a string in args', (e) => (e.tx.args.name = flipChar(e.tx.args.name as string, 5))],
      ['a key in args', (e) => (e.tx.args = { nama: e.tx.args.name!, tags: e.tx.args.tags! })],
      ['the order of an array in args', (e) => (e.tx.args.tags = [1, 'a', true, null])],
      ['a boolean in args', (e) => (e.tx.args.tags = ['a', 1, false, null])],
      ['a number in args', (e) => (e.tx.args.tags = ['a', 3, true, null])],
      ['args emptied', (e) => (e.tx.args = {})],
      ['args extended', (e) => (e.tx.args.extra = 0)],
      ['signer (another valid key)', (e) => (e.tx.signer = KeyPair.fromSeed(new Uint8Array(32).fill(4)).did)],
      ['nonce', (e) => (e.tx.nonce = flipChar(e.tx.nonce, 1))],
      ['expiresAt (+1 ms)', (e) => (e.tx.expiresAt = '2026-11-23T19:00:00.001Z')],
    ]
    for (const [name, change] of cases) {
      it(`refuses a changed ${name} with TX_BAD_SIGNATURE`, () => {
        const e = envelope()
        change(e)
        expect(check(e)).toBe('TX_BAD_SIGNATURE')
      })
    }
  })

  describe('when the signature changed', () => {
    it('refuses every single-bit flip of the signature with TX_BAD_SIGNATURE (pure JS: every 9th bit)', () => {
      const sig = fromBase64(valid.envelope.sig)
      for (let bit = 0; bit < 512; bit += verify ? 9 : 1) {
        const bad = sig.slice()
        bad[bit >> 3]! ^= 1 << (bit & 7)
        expect(check({ ...envelope(), sig: toBase64(bad) }), `bit ${bit}`).toBe('TX_BAD_SIGNATURE')
      }
    })

    it('refuses the signature of another transaction by the same key', () => {
      const otherSig = signTx({ network: 'kota-contoh', contract: 'identity', method: 'register', nonce: 'n2', expiresAt: '2026-11-23T19:00:00.000Z' }, key).envelope.sig
      expect(check({ ...envelope(), sig: otherSig })).toBe('TX_BAD_SIGNATURE')
    })

    it('refuses 64 zero bytes', () => {
      expect(check({ ...envelope(), sig: toBase64(new Uint8Array(64)) })).toBe('TX_BAD_SIGNATURE')
    })
  })
})

describe('verifyParsedEnvelope', () => {
  it('throws a VerificationError (kind verification) carrying the txId', () => {
    const e = envelope()
    e.tx.nonce = 'n9'
    const parsed = parseEnvelope(e)
    try {
      verifyParsedEnvelope(parsed)
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(VerificationError)
      expect((err as VerificationError).kind).toBe('verification')
      expect((err as VerificationError).details).toEqual({ txId: parsed.txId })
    }
  })

  it('passes the signer key, the signing input and the signature to the verify function', () => {
    const seen: Uint8Array[][] = []
    verifyParsedEnvelope(valid, (pk, msg, sig) => {
      seen.push([pk, msg, sig])
      return true
    })
    expect(seen).toEqual([[valid.publicKey, valid.signingInput, valid.signature]])
  })
})
