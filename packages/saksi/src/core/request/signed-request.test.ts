import { describe, expect, it } from 'vitest'
import { KeyPair } from '../keys/key-pair.js'
import { toBase64 } from '../encoding/base64.js'
import { concatBytes } from '../encoding/bytes.js'
import { canonicalBytes } from '../encoding/jcs.js'
import { parseEnvelope } from '../tx/parse-envelope.js'
import { signTx } from '../tx/sign-tx.js'
import { verifyParsedEnvelope } from '../tx/verify-envelope.js'
import { signRequest } from './sign-request.js'
import { REQUEST_PREFIX, verifySignedRequest } from './signed-request.js'

const key = KeyPair.fromSeed(new Uint8Array(32).fill(3))
const now = Date.parse('2026-11-23T10:00:00.000Z')
const expect_ = { network: 'kota-contoh', now, maxValiditySeconds: 3600 }
const signed = (over: Partial<Parameters<typeof signRequest>[0]> = {}) => signRequest({ network: 'kota-contoh', action: 'vault.deposit', body: { records: [{ name: 'Siti' }] }, now, ...over }, key)

describe('signed requests', () => {
  it('verify: who asked, for what, and an id for the replay cache', () => {
    const s = signed()
    expect(verifySignedRequest(JSON.stringify(s), expect_)).toEqual({ action: 'vault.deposit', signer: key.did, body: { records: [{ name: 'Siti' }] }, expiresAtMs: now + 120_000, id: s.sig })
  })

  it('refuse a changed body, another signer, another network and an expired or far-off request', () => {
    const s = signed()
    const tampered = { ...s, req: { ...s.req, body: { records: [{ name: 'Budi' }] } } }
    expect(() => verifySignedRequest(JSON.stringify(tampered), expect_)).toThrow(expect.objectContaining({ code: 'REQUEST_BAD_SIGNATURE' }))
    const other = { ...s, req: { ...s.req, signer: KeyPair.fromSeed(new Uint8Array(32).fill(4)).did } }
    expect(() => verifySignedRequest(JSON.stringify(other), expect_)).toThrow(expect.objectContaining({ code: 'REQUEST_BAD_SIGNATURE' }))
    expect(() => verifySignedRequest(JSON.stringify(signed({ network: 'kota-lain' })), expect_)).toThrow(expect.objectContaining({ code: 'REQUEST_WRONG_NETWORK' }))
    expect(() => verifySignedRequest(JSON.stringify(signed({ now: now - 200_000 })), expect_)).toThrow(expect.objectContaining({ code: 'REQUEST_EXPIRED' }))
    expect(() => verifySignedRequest(JSON.stringify(signed({ ttlSeconds: 7200 })), expect_)).toThrow(expect.objectContaining({ code: 'REQUEST_EXPIRED' }))
  })

  it('refuse malformed requests with REQUEST_INVALID (or the strict JSON code)', () => {
    const s = signed()
    for (const bad of ['[]', '{"req":{},"sig":"x"}', JSON.stringify({ ...s, extra: 1 }), JSON.stringify({ ...s, req: { ...s.req, v: 2 } }), JSON.stringify({ ...s, req: { ...s.req, body: [] } }), JSON.stringify({ ...s, sig: 'AAAA' })]) {
      expect(() => verifySignedRequest(bad, expect_), bad.slice(0, 40)).toThrow(expect.objectContaining({ code: 'REQUEST_INVALID' }))
    }
    expect(() => verifySignedRequest('{"req":1,"req":2}', expect_)).toThrow(expect.objectContaining({ code: expect.stringMatching(/^JSON_/) }))
    expect(() => verifySignedRequest('x'.repeat(300_000), expect_)).toThrow(expect.objectContaining({ code: 'REQUEST_INVALID' }))
  })

  it('can never pass for a transaction envelope: the signing domains differ', () => {
    // A well-formed tx, signed in the request domain: it parses, but its signature does not verify.
    const tx = { v: 1, network: 'kota-contoh', contract: 'welfare', method: 'recordAccess', args: { a: 1 }, signer: key.did, nonce: 'n1', expiresAt: '2026-11-23T10:02:00.000Z' }
    const sig = toBase64(key.sign(concatBytes(REQUEST_PREFIX, canonicalBytes(tx))))
    const parsed = parseEnvelope(JSON.stringify({ tx, sig }))
    expect(() => verifyParsedEnvelope(parsed)).toThrow(expect.objectContaining({ code: 'TX_BAD_SIGNATURE' }))
    // And the same tx signed as a transaction does not verify as a request.
    const asTx = signTx({ network: 'kota-contoh', contract: 'welfare', method: 'recordAccess', args: { a: 1 }, nonce: 'n1', expiresAt: tx.expiresAt }, key)
    const req = { v: 1, network: 'kota-contoh', action: 'vault.deposit', signer: key.did, nonce: 'n1', expiresAt: tx.expiresAt, body: { a: 1 } }
    expect(() => verifySignedRequest(JSON.stringify({ req, sig: asTx.envelope.sig }), expect_)).toThrow(expect.objectContaining({ code: 'REQUEST_BAD_SIGNATURE' }))
  })
})
