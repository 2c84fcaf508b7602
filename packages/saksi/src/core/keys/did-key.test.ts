import { base58 } from '@scure/base'
import { describe, expect, it } from 'vitest'
import { ed25519PublicKey } from '../crypto/ed25519.js'
import { concatBytes } from '../encoding/bytes.js'
import { fromHex, toHex } from '../encoding/hex.js'
import { didKeyFromPublicKey, isDidKey, publicKeyFromDidKey } from './did-key.js'
import { codeOf } from '../../../../../test/support/code-of.js'

/** did:key of arbitrary multicodec bytes, for building refusal cases. */
const didOf = (bytes: Uint8Array): string => `did:key:z${base58.encode(bytes)}`
const ED = Uint8Array.of(0xed, 0x01)

// Source: W3C CCG did:key method, test-vectors/ed25519-x25519.json (github.com/w3c-ccg/did-method-key):
// Ed25519 seed, its public key (publicKeyBase58) and its did:key.
const SPEC_VECTORS: Array<[string, string, string]> = [
  ['0000000000000000000000000000000000000000000000000000000000000000', '4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS', 'did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp'],
  ['0000000000000000000000000000000000000000000000000000000000000001', '6ASf5EcmmEHTgDJ4X4ZT5vT6iHVJBXPg5AN5YoTCpGWt', 'did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG'],
  ['0000000000000000000000000000000000000000000000000000000000000002', '8pM1DN3RiT8vbom5u1sNryaNT1nyL8CTTW3b5PwWXRBH', 'did:key:z6MknGc3ocHs3zdPiJbnaaqDi58NGb4pk1Sp9WxWufuXSdxf'],
  ['0000000000000000000000000000000000000000000000000000000000000003', 'HPYVwAQmskwT1qEEeRzhoomyfyupJGASQQtCXSNG8XS2', 'did:key:z6MkvqoYXQfDDJRv8L4wKzxYeuKyVZBfi9Qo6Ro8MiLH3kDQ'],
  ['0000000000000000000000000000000000000000000000000000000000000004', 'J3qYF7YJMKCqQke47UQwiHizgFUXapHxRxKmxbkar89x', 'did:key:z6MkwW6aqMnjgrhJXFUko3NnZPGzVpkNzhYK7yEhnsibmLwL'],
]
const VALID = SPEC_VECTORS[0]![2]

describe('didKeyFromPublicKey', () => {
  describe('when given the did:key specification test vectors', () => {
    for (const [seed, publicKeyBase58, did] of SPEC_VECTORS) {
      it(`encodes the key of seed ...${seed.slice(-2)} as ${did}`, () => {
        const publicKey = base58.decode(publicKeyBase58)
        expect(toHex(ed25519PublicKey(fromHex(seed)))).toBe(toHex(publicKey))
        expect(didKeyFromPublicKey(publicKey)).toBe(did)
      })
    }

    it('encodes the key of the did:key specification example (publicKeyBase58 B12NYF8R...)', () => {
      // Source: the did:key specification's example DID document (v0.7), also used by
      // hyperledger/aries-framework-go fingerprint tests: did:key:z6MkpTHR8V... <-> B12NYF8R...
      expect(didKeyFromPublicKey(base58.decode('B12NYF8RrR3h41TDCTJojY59usg3mbtbjnFs7Eud1Y6u'))).toBe('did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH')
    })
  })

  describe('when the key is not 32 bytes', () => {
    for (const n of [0, 31, 33, 64]) {
      it(`refuses ${n} bytes with DID_INVALID`, () => {
        expect(codeOf(() => didKeyFromPublicKey(new Uint8Array(n)))).toBe('DID_INVALID')
      })
    }
  })
})

describe('publicKeyFromDidKey', () => {
  describe('when the did:key is a valid Ed25519 did:key', () => {
    for (const [, publicKeyBase58, did] of SPEC_VECTORS) {
      it(`decodes ${did}`, () => {
        expect(toHex(publicKeyFromDidKey(did))).toBe(toHex(base58.decode(publicKeyBase58)))
      })
    }

    it('decodes the did:key specification examples z6MkhaXg... and z6MkpTHR8V...', () => {
      const haXg = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'
      expect(publicKeyFromDidKey(haXg)).toHaveLength(32)
      expect(didKeyFromPublicKey(publicKeyFromDidKey(haXg))).toBe(haXg)
      expect(base58.encode(publicKeyFromDidKey('did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH'))).toBe('B12NYF8RrR3h41TDCTJojY59usg3mbtbjnFs7Eud1Y6u')
    })

    it('round-trips random keys', () => {
      for (let i = 0; i < 200; i++) {
        const key = Uint8Array.from({ length: 32 }, (_, j) => (i * 131 + j * 17 + (i >> 3)) & 0xff)
        const did = didKeyFromPublicKey(key)
        expect(did.startsWith('did:key:z6Mk')).toBe(true)
        expect(publicKeyFromDidKey(did)).toEqual(key)
      }
    })

    it('hands out a copy, so a caller that changes the key cannot change it for the next caller', () => {
      const first = publicKeyFromDidKey(VALID)
      first.fill(0)
      expect(toHex(publicKeyFromDidKey(VALID))).toBe(toHex(base58.decode(SPEC_VECTORS[0]![1])))
      const second = publicKeyFromDidKey(VALID)
      expect(second).not.toBe(publicKeyFromDidKey(VALID))
    })
  })

  describe('when the did:key is not a valid Ed25519 did:key', () => {
    const key = base58.decode(SPEC_VECTORS[1]![1])
    const body = VALID.slice('did:key:z'.length)
    const cases: Array<[string, unknown]> = [
      ['an empty string', ''],
      ['the prefix only', 'did:key:z'],
      ['another DID method', `did:web:z${body}`],
      ['an uppercase method', `DID:KEY:z${body}`],
      ['no multibase prefix', `did:key:${body}`],
      ['the base58flickr prefix Z', `did:key:Z${body}`],
      ['the base64 multibase prefix m', `did:key:m${body}`],
      ['a leading space', ` ${VALID}`],
      ['a trailing space', `${VALID} `],
      ['a trailing newline', `${VALID}\n`],
      ['a fragment', `${VALID}#${body}`],
      ['a 0 (not in the base58 alphabet)', `did:key:z${body.slice(0, 10)}0${body.slice(11)}`],
      ['an O (not in the base58 alphabet)', `did:key:z${body.slice(0, 10)}O${body.slice(11)}`],
      ['an I (not in the base58 alphabet)', `did:key:z${body.slice(0, 10)}I${body.slice(11)}`],
      ['an l (not in the base58 alphabet)', `did:key:z${body.slice(0, 10)}l${body.slice(11)}`],
      ['a base64 character', `did:key:z${body.slice(0, 10)}+${body.slice(11)}`],
      ['a non-ASCII character', `did:key:z${body.slice(0, 10)}é${body.slice(11)}`],
      ['one character missing', VALID.slice(0, -1)],
      ['one character extra', `${VALID}z`],
      ['the X25519 multicodec (0xec 0x01)', didOf(concatBytes(Uint8Array.of(0xec, 0x01), key))],
      ['the secp256k1 multicodec (0xe7 0x01)', didOf(concatBytes(Uint8Array.of(0xe7, 0x01), key, new Uint8Array(1)))],
      ['a one-byte multicodec (0xed only)', didOf(concatBytes(Uint8Array.of(0xed), key, new Uint8Array(1)))],
      ['no multicodec', didOf(concatBytes(key, new Uint8Array(2)))],
      ['a 31-byte key', didOf(concatBytes(ED, key.subarray(1)))],
      ['a 33-byte key', didOf(concatBytes(ED, key, Uint8Array.of(1)))],
      ['a leading zero byte (base58 "1")', `did:key:z1${body}`],
      ['two leading zero bytes', `did:key:z11${body}`],
      ['an overlong string', `did:key:z${'6Mk'.repeat(1000)}`],
      ['a megabyte of base58', `did:key:z${'z'.repeat(1_000_000)}`],
      ['a number', 42],
      ['null', null],
      ['the key bytes', key],
    ]
    for (const [name, did] of cases) {
      it(`refuses ${name} with DID_INVALID`, () => {
        expect(codeOf(() => publicKeyFromDidKey(did))).toBe('DID_INVALID')
        expect(isDidKey(did)).toBe(false)
      })
    }
  })
})

describe('isDidKey', () => {
  it('is true for a valid did:key', () => {
    expect(isDidKey(VALID)).toBe(true)
  })
})
