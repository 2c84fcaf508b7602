import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { nobleEd25519Verify } from '../crypto/ed25519.js'
import { fromBase64 } from '../encoding/base64.js'
import { fromUtf8 } from '../encoding/bytes.js'
import { KeyPair } from '../keys/key-pair.js'
import type { JsonObject } from '../encoding/json.js'
import type { Tx } from './types.js'
import { canonicalJson } from '../encoding/jcs.js'
import type { JsonValue } from '../encoding/json.js'
import { parseEnvelope } from './parse-envelope.js'
import { signTx } from './sign-tx.js'
import { txId, txIdFromSigningInput, txSigningInput } from './signing-input.js'
import { verifyParsedEnvelope } from './verify-envelope.js'
import { codeOf } from '../../../../../test/support/code-of.js'

const key = KeyPair.fromSeed(new Uint8Array(32).fill(3))
const CALL = { network: 'kota-contoh', contract: 'identity', method: 'register', args: { name: 'Siti Rahayu' }, nonce: 'n1', expiresAt: '2026-11-23T19:00:00.000Z' }

// Regression anchors for the fixed key (seed 32 × 0x03) and call above. The JCS text is written out
// by hand from PROTOCOL section 3 (keys sorted, no whitespace); the txId is recomputed here with
// node:crypto; the signature is what Ed25519 (deterministic) gives and must never change.
const DID = 'did:key:z6MkvRXNYcE7MMduynWTgeKbDaT1iijDSC8pZqXZc8rHPrf2'
const JCS = `{"args":{"name":"Siti Rahayu"},"contract":"identity","expiresAt":"2026-11-23T19:00:00.000Z","method":"register","network":"kota-contoh","nonce":"n1","signer":"${DID}","v":1}`
const TX_ID = 'aed0eb9e60935997e744bcf09e2517150ddeb23a4c50745c8fbfdfcb8b1bf805'
const SIG = 'ZBHuMstZp3GSnI2zMCZfamybUuWbr3gqDKUf1iAiLoXdDB29fJTy5nNkFZKegARLxieQrerlTSLtfZspfjjaDA=='

describe('signTx', () => {
  describe('when given a complete call', () => {
    const parsed = signTx(CALL, key)

    it('signs the UTF-8 of "saksi/tx/v1\\n" followed by JCS(tx)', () => {
      expect(key.did).toBe(DID)
      expect(fromUtf8(parsed.signingInput)).toBe(`saksi/tx/v1\n${JCS}`)
    })

    it('gives the txId as lowercase hex SHA-256 of the signing input, recomputed independently', () => {
      const independent = createHash('sha256').update(`saksi/tx/v1\n${JCS}`, 'utf8').digest('hex')
      expect(independent).toBe(TX_ID)
      expect(parsed.txId).toBe(TX_ID)
      expect(parsed.txId).toMatch(/^[0-9a-f]{64}$/)
    })

    it('makes the same signature every time (Ed25519 is deterministic)', () => {
      expect(parsed.envelope.sig).toBe(SIG)
      expect(signTx(CALL, key).envelope.sig).toBe(SIG)
    })

    it('returns an envelope that parses and verifies exactly as a node would, with both verifiers', () => {
      const again = parseEnvelope(JSON.stringify(parsed.envelope))
      expect(again).toEqual(parsed)
      expect(() => verifyParsedEnvelope(again)).not.toThrow()
      expect(() => verifyParsedEnvelope(again, nobleEd25519Verify)).not.toThrow()
    })

    it('returns the envelope with exactly the protocol fields', () => {
      expect(Object.keys(parsed.envelope).sort()).toEqual(['sig', 'tx'])
      expect(Object.keys(parsed.envelope.tx).sort()).toEqual(['args', 'contract', 'expiresAt', 'method', 'network', 'nonce', 'signer', 'v'])
      expect(parsed.envelope.tx.v).toBe(1)
      expect(parsed.envelope.tx.signer).toBe(DID)
      expect(parsed.signature).toEqual(fromBase64(SIG))
      expect(parsed.publicKey).toEqual(key.publicKey)
      expect(parsed.expiresAtMs).toBe(Date.UTC(2026, 10, 23, 19))
    })
  })

  describe('when optional parts of the call are left out', () => {
    it('uses empty args, a random 16-hex-digit nonce and an expiry of now + 300 s', () => {
      const now = Date.UTC(2026, 10, 23, 18, 30)
      const a = signTx({ network: 'kota-contoh', contract: 'identity', method: 'register', now }, key)
      const b = signTx({ network: 'kota-contoh', contract: 'identity', method: 'register', now }, key)
      expect(a.envelope.tx.args).toEqual({})
      expect(a.envelope.tx.nonce).toMatch(/^[0-9a-f]{16}$/)
      expect(a.envelope.tx.nonce).not.toBe(b.envelope.tx.nonce)
      expect(a.txId).not.toBe(b.txId)
      expect(a.envelope.tx.expiresAt).toBe('2026-11-23T18:35:00.000Z')
    })

    it('honours ttlSeconds', () => {
      const now = Date.UTC(2026, 10, 23, 18, 30)
      expect(signTx({ ...CALL, expiresAt: undefined, now, ttlSeconds: 3600 }, key).envelope.tx.expiresAt).toBe('2026-11-23T19:30:00.000Z')
    })
  })

  describe('when the call would make an envelope a node refuses', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['a network with a space', { network: 'kota contoh' }, 'TX_FIELD_INVALID'],
      ['an empty contract', { contract: '' }, 'TX_FIELD_INVALID'],
      ['a method of 65 characters', { method: 'm'.repeat(65) }, 'TX_FIELD_INVALID'],
      ['an empty nonce', { nonce: '' }, 'TX_NONCE_INVALID'],
      ['a nonce of 65 characters', { nonce: 'n'.repeat(65) }, 'TX_NONCE_INVALID'],
      ['an expiry without milliseconds', { expiresAt: '2026-11-23T19:00:00Z' }, 'TX_EXPIRES_INVALID'],
      ['args holding a Date', { args: { when: new Date(0) } }, 'TX_ARGS_INVALID'],
      ['args holding undefined', { args: { name: undefined } }, 'TX_ARGS_INVALID'],
      ['args holding NaN', { args: { n: NaN } }, 'TX_ARGS_INVALID'],
      ['args holding a bigint', { args: { n: 1n } }, 'TX_ARGS_INVALID'],
      ['args holding an integer beyond 2^53', { args: { n: 2 ** 60 } }, 'TX_ARGS_INVALID'],
      ['args holding a lone surrogate', { args: { name: '\ud800' } }, 'TX_ARGS_INVALID'],
      ['args that are an array', { args: ['x'] }, 'TX_FIELD_TYPE'],
      ['a clock that is not a time', { expiresAt: undefined, now: NaN }, 'TIME_INVALID'],
    ]
    for (const [name, change, code] of cases) {
      it(`refuses ${name} with ${code}`, () => {
        expect(codeOf(() => signTx({ ...CALL, ...change } as typeof CALL, key))).toBe(code)
      })
    }
  })
})

describe('txSigningInput and txId', () => {
  it('agree with signTx', () => {
    const parsed = signTx(CALL, key)
    expect(txSigningInput(parsed.envelope.tx)).toEqual(parsed.signingInput)
    expect(txId(parsed.envelope.tx)).toBe(TX_ID)
    expect(txIdFromSigningInput(parsed.signingInput)).toBe(TX_ID)
  })

  it('do not depend on the order in which the fields were written', () => {
    const tx = signTx(CALL, key).envelope.tx
    const reversed = Object.fromEntries(Object.entries(tx).reverse()) as typeof tx
    expect(txId(reversed)).toBe(TX_ID)
  })

  it('change with any field, including the order of array elements in args', () => {
    const tx = signTx({ ...CALL, args: { list: [1, 2] } as JsonObject }, key).envelope.tx
    expect(txId({ ...tx, args: { list: [2, 1] } })).not.toBe(txId(tx))
    expect(txId({ ...tx, nonce: 'n2' })).not.toBe(txId(tx))
  })

  it('equal "saksi/tx/v1\\n" + canonicalJson(tx) for any tx (seeded differential test of the fixed-member fast path)', () => {
    let state = 8785
    const next = (n: number): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0
      return state % n
    }
    const pieces = ['a', 'Z', '"', '\\', '\u0000', '\u001f', '\u007f', 'é', '€', '😀', '\u2028', '/', ' ', '\n']
    const text = (max: number): string => Array.from({ length: next(max) }, () => pieces[next(pieces.length)]!).join('')
    const base = signTx(CALL, key).envelope.tx
    for (let i = 0; i < 2000; i++) {
      const tx: Tx = {
        ...base,
        network: text(6),
        contract: text(6),
        method: text(6),
        nonce: text(10),
        expiresAt: text(4),
        args: { [text(4)]: text(8), list: [next(1000), text(3), { [text(3)]: null }], n: next(2) === 0 ? 0.5 : -7 },
      }
      const reordered = Object.fromEntries(Object.entries(tx).sort(() => next(3) - 1)) as Tx
      const expected = `saksi/tx/v1\n${canonicalJson(tx as unknown as JsonValue)}`
      expect(fromUtf8(txSigningInput(reordered))).toBe(expected)
    }
  })

  it('refuse, as JCS does, a tx whose strings hold a lone surrogate', () => {
    const tx = { ...signTx(CALL, key).envelope.tx, nonce: 'n\ud800' }
    expect(codeOf(() => txSigningInput(tx))).toBe('JSON_VALUE_INVALID')
  })

  it('fall back to plain JCS for a body that breaks the Tx type (extra or missing members)', () => {
    const tx = signTx(CALL, key).envelope.tx
    const extra = { ...tx, fee: 1 } as unknown as Tx
    expect(fromUtf8(txSigningInput(extra))).toBe(`saksi/tx/v1\n${canonicalJson(extra as unknown as JsonValue)}`)
    const { args: _args, ...rest } = tx
    const renamed = { ...rest, argz: {} } as unknown as Tx
    expect(fromUtf8(txSigningInput(renamed))).toBe(`saksi/tx/v1\n${canonicalJson(renamed as unknown as JsonValue)}`)
  })
})

describe('signTx depth budget', () => {
  function nested(depth: number): Record<string, unknown> {
    let v: Record<string, unknown> = {}
    for (let i = 1; i < depth; i++) v = { a: v }
    return v
  }
  const key = KeyPair.fromSeed(new Uint8Array(32).fill(9))
  const input = (args: Record<string, unknown>) => ({ network: 'kota-contoh', contract: 'identity', method: 'register', args: args as never })

  it('signs only what parses again from its JSON text, at the deepest allowed nesting', () => {
    const signed = signTx(input(nested(62)), key)
    expect(parseEnvelope(JSON.stringify(signed.envelope)).txId).toBe(signed.txId)
  })

  it('refuses one level more both as an object and as text', () => {
    expect(codeOf(() => signTx(input(nested(63)), key))).toBe('TX_ARGS_INVALID')
    const text = JSON.stringify({ tx: { ...signTx(input({}), key).envelope.tx, args: nested(63) }, sig: 'AAAA' })
    expect(codeOf(() => parseEnvelope(text))).toBe('JSON_TOO_DEEP')
  })
})
