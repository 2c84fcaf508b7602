import { createPublicKey, generateKeyPairSync, verify as nodeCryptoVerify } from 'node:crypto'
import { ED25519_TORSION_SUBGROUP, ed25519 as noble } from '@noble/curves/ed25519.js'
import { sha512 } from '@noble/hashes/sha2.js'
import { describe, expect, it, vi } from 'vitest'
import { concatBytes, utf8 } from '../encoding/bytes.js'
import { fromHex, toHex } from '../encoding/hex.js'
import {
  ED25519_PKCS8_PREFIX,
  ed25519Pkcs8,
  ed25519PublicKey,
  ed25519Signer,
  ed25519Spki,
  ed25519Verify,
  nobleEd25519Verify,
  nodeEd25519Verify,
  randomSeed,
} from './ed25519.js'

// Source: RFC 8032 section 7.1, TEST 1, TEST 2 and TEST 3 (secret key, public key, message, signature).
const RFC8032 = [
  {
    name: 'TEST 1',
    secret: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    public: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature: 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    name: 'TEST 2',
    secret: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    public: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature: '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
  {
    name: 'TEST 3',
    secret: 'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
    public: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    message: 'af82',
    signature: '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  },
] as const

type Verify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean
const nodeVerify: Verify = nodeEd25519Verify!
const VERIFIERS: Array<[string, Verify]> = [
  ['nodeEd25519Verify', nodeVerify],
  ['nobleEd25519Verify', nobleEd25519Verify],
]

/** Both verifiers' verdicts, which must agree. */
function verdicts(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): [boolean, boolean] {
  return [nodeVerify(publicKey, message, signature), nobleEd25519Verify(publicKey, message, signature)]
}

/** OpenSSL's own verdict, without Saksi's public key rule (to show that a crafted case is real). */
function opensslAlone(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(ed25519Spki(publicKey)), format: 'der', type: 'spki' })
    return nodeCryptoVerify(null, message, key, signature)
  } catch {
    return false
  }
}

// Curve arithmetic for crafting edge cases.
const Point = noble.Point
const L = Point.Fn.ORDER
const P = Point.Fp.ORDER
const B = Point.BASE
const le = (n: bigint): Uint8Array => {
  const out = new Uint8Array(32)
  for (let i = 0; i < 32; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn)
  return out
}
const fromLe = (b: Uint8Array): bigint => b.reduceRight((n, x) => (n << 8n) | BigInt(x), 0n)
const challenge = (R: Uint8Array, A: Uint8Array, M: Uint8Array): bigint => fromLe(sha512(concatBytes(R, A, M))) % L
const flipBit = (b: Uint8Array, bit: number): Uint8Array => {
  const out = b.slice()
  out[bit >> 3]! ^= 1 << (bit & 7)
  return out
}

describe('ed25519PublicKey and ed25519Signer', () => {
  describe('when given the RFC 8032 section 7.1 test vectors', () => {
    for (const v of RFC8032) {
      it(`derive the public key and the signature of ${v.name}`, () => {
        const seed = fromHex(v.secret)
        expect(toHex(ed25519PublicKey(seed))).toBe(v.public)
        expect(toHex(ed25519Signer(seed)(fromHex(v.message)))).toBe(v.signature)
      })
    }
  })

  describe('when the seed is not 32 bytes', () => {
    it('refuses to make a signer', () => {
      expect(() => ed25519Signer(new Uint8Array(31))).toThrow(RangeError)
    })
  })

  describe('when signing many messages', () => {
    it('returns 64 fresh bytes each time', () => {
      const sign = ed25519Signer(new Uint8Array(32).fill(9))
      const a = sign(utf8('a'))
      const b = sign(utf8('b'))
      expect(a.length).toBe(64)
      expect(toHex(a)).not.toBe(toHex(b))
    })
  })
})

describe('randomSeed', () => {
  it('returns 32 bytes that differ between calls', () => {
    const a = randomSeed()
    expect(a.length).toBe(32)
    expect(toHex(a)).not.toBe(toHex(randomSeed()))
  })
})

describe('ed25519Spki and ed25519Pkcs8', () => {
  it('write the same DER as Node for the same key (RFC 8410)', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519')
    const spki = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }))
    const pkcs8 = new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' }))
    expect(toHex(ed25519Spki(spki.subarray(12)))).toBe(toHex(spki))
    expect(toHex(ed25519Pkcs8(pkcs8.subarray(16)))).toBe(toHex(pkcs8))
    expect(toHex(pkcs8.subarray(0, 16))).toBe(toHex(ED25519_PKCS8_PREFIX))
  })
})

describe('ed25519Verify', () => {
  it('is the native verifier on Node', () => {
    expect(nodeEd25519Verify).toBeDefined()
    expect(ed25519Verify).toBe(nodeEd25519Verify)
  })

  describe('when Node crypto is not available (browser)', () => {
    it('is the pure-JS verifier, and signing falls back to pure JS with the same signatures', async () => {
      vi.resetModules()
      vi.doMock('./node-builtin.js', () => ({ nodeCrypto: undefined }))
      try {
        const browser = await import('./ed25519.js')
        expect(browser.nodeEd25519Verify).toBeUndefined()
        expect(browser.ed25519Verify).toBe(browser.nobleEd25519Verify)
        const v = RFC8032[2]
        expect(toHex(browser.ed25519Signer(fromHex(v.secret))(fromHex(v.message)))).toBe(v.signature)
        expect(browser.ed25519Verify(fromHex(v.public), fromHex(v.message), fromHex(v.signature))).toBe(true)
      } finally {
        vi.doUnmock('./node-builtin.js')
        vi.resetModules()
      }
    })
  })
})

describe.each(VERIFIERS)('%s', (_name, verify) => {
  describe('when the signature is a valid RFC 8032 section 7.1 vector', () => {
    for (const v of RFC8032) {
      it(`accepts ${v.name}`, () => {
        expect(verify(fromHex(v.public), fromHex(v.message), fromHex(v.signature))).toBe(true)
      })
    }
  })

  describe('when the input is malformed', () => {
    const v = RFC8032[0]
    const cases: Array<[string, unknown, unknown, unknown]> = [
      ['a 31-byte key', fromHex(v.public).subarray(1), new Uint8Array(0), fromHex(v.signature)],
      ['a 33-byte key', concatBytes(fromHex(v.public), new Uint8Array(1)), new Uint8Array(0), fromHex(v.signature)],
      ['an empty key', new Uint8Array(0), new Uint8Array(0), fromHex(v.signature)],
      ['a 63-byte signature', fromHex(v.public), new Uint8Array(0), fromHex(v.signature).subarray(1)],
      ['a 65-byte signature', fromHex(v.public), new Uint8Array(0), concatBytes(fromHex(v.signature), new Uint8Array(1))],
      ['an empty signature', fromHex(v.public), new Uint8Array(0), new Uint8Array(0)],
      ['a string for the key', v.public, new Uint8Array(0), fromHex(v.signature)],
      ['an array for the signature', fromHex(v.public), new Uint8Array(0), Array.from(fromHex(v.signature))],
      ['a string for the message', fromHex(v.public), '', fromHex(v.signature)],
      ['null everywhere', null, null, null],
    ]
    for (const [name, key, message, sig] of cases) {
      it(`returns false for ${name}, without throwing`, () => {
        expect(verify(key as Uint8Array, message as Uint8Array, sig as Uint8Array)).toBe(false)
      })
    }
  })
})

describe('nodeEd25519Verify and nobleEd25519Verify', () => {
  describe('when a valid signature, its message or its key is mutated', () => {
    for (const v of RFC8032) {
      it(`both refuse every single-bit flip of the ${v.name} signature (noble: every 5th bit)`, () => {
        const pk = fromHex(v.public)
        const msg = fromHex(v.message)
        const sig = fromHex(v.signature)
        for (let bit = 0; bit < 512; bit++) {
          const bad = flipBit(sig, bit)
          expect(nodeVerify(pk, msg, bad), `bit ${bit}`).toBe(false)
          if (bit % 5 === 0) expect(nobleEd25519Verify(pk, msg, bad), `bit ${bit}`).toBe(false)
        }
      })

      it(`agree on every single-bit flip of the ${v.name} public key (noble: every 7th bit)`, () => {
        const pk = fromHex(v.public)
        const msg = fromHex(v.message)
        const sig = fromHex(v.signature)
        for (let bit = 0; bit < 256; bit += 7) expect(verdicts(flipBit(pk, bit), msg, sig), `bit ${bit}`).toEqual([false, false])
        for (let bit = 1; bit < 256; bit += 7) expect(nodeVerify(flipBit(pk, bit), msg, sig), `bit ${bit}`).toBe(false)
      })
    }

    it('both refuse a changed, extended or truncated message', () => {
      const v = RFC8032[2]
      const pk = fromHex(v.public)
      const sig = fromHex(v.signature)
      for (const msg of [fromHex('af83'), fromHex('af8200'), fromHex('af'), new Uint8Array(0)]) {
        expect(verdicts(pk, msg, sig)).toEqual([false, false])
      }
    })
  })

  describe('when S is not reduced (S >= L, RFC 8032 section 5.1.7)', () => {
    it('both refuse S + L, although [S + L]B = [S]B, and OpenSSL alone refuses it too', () => {
      for (const v of RFC8032) {
        const sig = fromHex(v.signature)
        const s = fromLe(sig.subarray(32))
        const malleated = concatBytes(sig.subarray(0, 32), le(s + L))
        expect(verdicts(fromHex(v.public), fromHex(v.message), malleated)).toEqual([false, false])
        expect(opensslAlone(fromHex(v.public), fromHex(v.message), malleated)).toBe(false)
      }
    })

    it('both refuse S = L and S = 2^256 - 1', () => {
      const v = RFC8032[1]
      for (const s of [L, 2n ** 256n - 1n]) {
        expect(verdicts(fromHex(v.public), fromHex(v.message), concatBytes(fromHex(v.signature).subarray(0, 32), le(s)))).toEqual([false, false])
      }
    })
  })

  describe('when the public key is of small order', () => {
    // With A of small order, [k]A takes at most 8 values, so a signature (R, S = 1) with R = B - [k]A
    // verifies for many messages under the cofactorless equation: anyone can sign for such a key.
    const message = utf8('transfer everything')
    for (const hex of ED25519_TORSION_SUBGROUP) {
      it(`both refuse a forged signature for the key ${hex.slice(0, 8)}...`, () => {
        const A = fromHex(hex)
        const point = Point.fromBytes(A, true)
        let forged: Uint8Array | undefined
        for (const t of ED25519_TORSION_SUBGROUP) {
          const R = B.add(Point.fromBytes(fromHex(t), true)).toBytes()
          const expectedR = B.subtract(point.multiplyUnsafe(challenge(R, A, message)))
          if (toHex(expectedR.toBytes()) === toHex(R)) {
            forged = concatBytes(R, le(1n))
            break
          }
        }
        const sig = forged ?? concatBytes(B.toBytes(), le(1n))
        if (forged) expect(opensslAlone(A, message, sig)).toBe(true) // the attack is real
        expect(verdicts(A, message, sig)).toEqual([false, false])
      })
    }
  })

  describe('when the public key is encoded non-canonically', () => {
    // y >= p (for y = p + 1 this is the identity point again), and x = 0 with the sign bit set.
    const identityPlusP = le(P + 1n)
    const cases: Array<[string, Uint8Array]> = [
      ['y = p + 1 (the identity)', identityPlusP],
      ['y = p (x^2 = -1)', le(P)],
      ['y = p + 1 with the sign bit', (() => {
        const b = le(P + 1n)
        b[31]! |= 0x80
        return b
      })()],
      ['y = 1 with the sign bit (x = 0)', (() => {
        const b = le(1n)
        b[31]! |= 0x80
        return b
      })()],
      ['y = p - 1 with the sign bit (x = 0)', (() => {
        const b = le(P - 1n)
        b[31]! |= 0x80
        return b
      })()],
      ['y = 2^255 - 1', le(2n ** 255n - 1n)],
    ]
    for (const [name, A] of cases) {
      it(`both refuse any signature for ${name}`, () => {
        const message = utf8('hello')
        const sig = concatBytes(B.toBytes(), le(1n)) // R = B, S = 1: valid whenever [k]A = 0
        expect(verdicts(A, message, sig)).toEqual([false, false])
      })
    }

    it('refuses what OpenSSL alone would accept (y = p + 1 with R = B, S = 1)', () => {
      const message = utf8('hello')
      const sig = concatBytes(B.toBytes(), le(1n))
      expect(opensslAlone(identityPlusP, message, sig)).toBe(true)
      expect(nodeVerify(identityPlusP, message, sig)).toBe(false)
    })
  })

  describe('when R has a small-order component (cofactored vs cofactorless equation)', () => {
    it('both refuse it, where @noble\'s own verify would accept it and OpenSSL would not', () => {
      const seed = new Uint8Array(32).fill(7)
      const { scalar, pointBytes: A } = noble.utils.getExtendedPublicKey(seed)
      const message = utf8('mixed order')
      for (const t of ED25519_TORSION_SUBGROUP.slice(1)) {
        const R = B.multiply(12345n).add(Point.fromBytes(fromHex(t), true)).toBytes()
        const s = (12345n + challenge(R, A, message) * scalar) % L
        const sig = concatBytes(R, le(s))
        expect(noble.verify(sig, message, A, { zip215: false })).toBe(true) // cofactored: accepts
        expect(opensslAlone(A, message, sig)).toBe(false) // cofactorless: refuses
        expect(verdicts(A, message, sig)).toEqual([false, false])
      }
    })
  })

  describe('when R is not a canonical encoding', () => {
    // With R = the identity and S = k·a, [S]B - [k]A = R: a valid signature by the key's owner whose
    // R (y = 1) has a second spelling, y = p + 1.
    const seed = new Uint8Array(32).fill(11)
    const { scalar, pointBytes: A } = noble.utils.getExtendedPublicKey(seed)
    const message = utf8('identity R')
    const signWithIdentityR = (R: Uint8Array): Uint8Array => concatBytes(R, le((challenge(R, A, message) * scalar) % L))

    it('both accept the canonical spelling (y = 1)', () => {
      expect(verdicts(A, message, signWithIdentityR(le(1n)))).toEqual([true, true])
    })

    it('both refuse the non-canonical spelling (y = p + 1)', () => {
      expect(verdicts(A, message, signWithIdentityR(le(P + 1n)))).toEqual([false, false])
    })
  })

  describe('when given random keys, messages and mutated signatures (seeded)', () => {
    it('always agree, and accept exactly the unmutated ones', () => {
      let state = 42
      const next = (): number => {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0
        return state
      }
      for (let i = 0; i < 60; i++) {
        const seed = Uint8Array.from({ length: 32 }, () => next() & 0xff)
        const message = Uint8Array.from({ length: next() % 100 }, () => next() & 0xff)
        const pk = ed25519PublicKey(seed)
        const sig = ed25519Signer(seed)(message)
        expect(verdicts(pk, message, sig)).toEqual([true, true])
        const mutated = i % 3 === 0 ? flipBit(sig, next() % 512) : i % 3 === 1 ? flipBit(pk, next() % 256) : concatBytes(message, Uint8Array.of(next() & 0xff))
        const [n, m] = i % 3 === 0 ? verdicts(pk, message, mutated) : i % 3 === 1 ? verdicts(mutated, message, sig) : verdicts(pk, mutated, sig)
        expect(n).toBe(m)
        expect(n).toBe(false)
      }
    })
  })
})
