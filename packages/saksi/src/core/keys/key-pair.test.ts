import { createPrivateKey, createPublicKey, generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ed25519Verify, nobleEd25519Verify } from '../crypto/ed25519.js'
import { fromBase64Url, toBase64, toBase64Url } from '../encoding/base64.js'
import { concatBytes, utf8 } from '../encoding/bytes.js'
import { fromHex, toHex } from '../encoding/hex.js'
import { didKeyFromPublicKey } from './did-key.js'
import { KeyPair, publicKeyFromJwk, type Signer } from './key-pair.js'
import { codeOf } from '../../../../../test/support/code-of.js'

// Source: RFC 8037 Appendix A.1 (the Ed25519 private key as a JWK; it is RFC 8032 TEST 1's key)
// and A.4 (its Ed25519 signature of the JWS signing input).
const RFC8037_JWK = { kty: 'OKP', crv: 'Ed25519', d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }
const RFC8037_SIGNING_INPUT = 'eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc'
const RFC8037_SIGNATURE = 'hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg'

// Source: RFC 8410 section 10.3 (an Ed25519 private key, PKCS#8 v1) and 10.1 (its public key).
const RFC8410_PEM = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n'
const RFC8410_PUBLIC_X = 'Gb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE'

// Source: RFC 8032 section 7.1 TEST 2.
const TEST2 = {
  secret: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
  public: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
  message: '72',
  signature: '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
}

describe('KeyPair', () => {
  describe('generate', () => {
    it('makes a key whose did:key, public key and signatures belong together', () => {
      const key = KeyPair.generate()
      expect(key.publicKey).toHaveLength(32)
      expect(key.did).toBe(didKeyFromPublicKey(key.publicKey))
      expect(key.did.startsWith('did:key:z6Mk')).toBe(true)
      const msg = utf8('hello')
      const sig = key.sign(msg)
      expect(sig).toHaveLength(64)
      expect(ed25519Verify(key.publicKey, msg, sig)).toBe(true)
      expect(nobleEd25519Verify(key.publicKey, msg, sig)).toBe(true)
    })

    it('makes a different key each time', () => {
      expect(KeyPair.generate().did).not.toBe(KeyPair.generate().did)
    })

    it('is usable as a Signer', () => {
      const signer: Signer = KeyPair.generate()
      expect(typeof signer.sign).toBe('function')
    })
  })

  describe('fromSeed', () => {
    it('signs the RFC 8032 section 7.1 TEST 2 message with its signature', () => {
      const key = KeyPair.fromSeed(fromHex(TEST2.secret))
      expect(toHex(key.publicKey)).toBe(TEST2.public)
      expect(toHex(key.sign(fromHex(TEST2.message)))).toBe(TEST2.signature)
    })

    it('copies the seed, so later changes to the caller\'s array do not change the key', () => {
      const seed = fromHex(TEST2.secret)
      const key = KeyPair.fromSeed(seed)
      seed.fill(0)
      expect(toHex(key.exportSeed())).toBe(TEST2.secret)
      expect(toHex(key.sign(fromHex(TEST2.message)))).toBe(TEST2.signature)
    })

    it('exports a copy of the seed', () => {
      const key = KeyPair.fromSeed(fromHex(TEST2.secret))
      key.exportSeed().fill(0)
      expect(toHex(key.exportSeed())).toBe(TEST2.secret)
    })

    for (const [name, seed] of [
      ['31 bytes', new Uint8Array(31)],
      ['33 bytes', new Uint8Array(33)],
      ['a plain array', Array.from({ length: 32 }, () => 0)],
      ['a hex string', TEST2.secret],
      ['null', null],
    ] as Array<[string, unknown]>) {
      it(`refuses ${name} with KEY_INVALID`, () => {
        expect(codeOf(() => KeyPair.fromSeed(seed as Uint8Array))).toBe('KEY_INVALID')
      })
    }
  })

  describe('JWK', () => {
    it('imports the RFC 8037 Appendix A.1 key and makes the A.4 signature', () => {
      const key = KeyPair.fromJwk(RFC8037_JWK)
      expect(toBase64Url(key.publicKey)).toBe(RFC8037_JWK.x)
      expect(toBase64Url(key.sign(utf8(RFC8037_SIGNING_INPUT)))).toBe(RFC8037_SIGNATURE)
    })

    it('exports the RFC 8037 Appendix A.1 JWK and its public half', () => {
      const key = KeyPair.fromJwk(RFC8037_JWK)
      expect(key.toJwk()).toEqual(RFC8037_JWK)
      expect(key.toPublicJwk()).toEqual({ kty: 'OKP', crv: 'Ed25519', x: RFC8037_JWK.x })
    })

    it('round-trips a generated key', () => {
      const key = KeyPair.generate()
      const again = KeyPair.fromJwk(JSON.parse(JSON.stringify(key.toJwk())))
      expect(again.did).toBe(key.did)
      expect(toHex(again.sign(utf8('m')))).toBe(toHex(key.sign(utf8('m'))))
    })

    it('accepts a private JWK without x, and one with extra members (alg, use, kid)', () => {
      const { x: _x, ...withoutX } = RFC8037_JWK
      expect(KeyPair.fromJwk(withoutX).toJwk()).toEqual(RFC8037_JWK)
      expect(KeyPair.fromJwk({ ...RFC8037_JWK, alg: 'EdDSA', use: 'sig', kid: 'k1' }).toJwk()).toEqual(RFC8037_JWK)
    })

    it('reads a JWK exported by Node as the same key', () => {
      const { privateKey } = generateKeyPairSync('ed25519')
      const jwk = privateKey.export({ format: 'jwk' })
      const key = KeyPair.fromJwk(jwk)
      const msg = utf8('same')
      expect(toHex(key.sign(msg))).toBe(toHex(new Uint8Array(nodeSign(null, msg, privateKey))))
    })

    describe('when the JWK is not a private Ed25519 JWK', () => {
      const { d, x } = RFC8037_JWK
      const other = toBase64Url(KeyPair.generate().publicKey)
      const cases: Array<[string, unknown]> = [
        ['null', null],
        ['a string', JSON.stringify(RFC8037_JWK)],
        ['an empty object', {}],
        ['a public JWK (no d)', { kty: 'OKP', crv: 'Ed25519', x }],
        ['kty EC', { ...RFC8037_JWK, kty: 'EC' }],
        ['crv X25519', { ...RFC8037_JWK, crv: 'X25519' }],
        ['crv Ed448', { ...RFC8037_JWK, crv: 'Ed448' }],
        ['a lowercase kty', { ...RFC8037_JWK, kty: 'okp' }],
        ['d of 31 bytes', { kty: 'OKP', crv: 'Ed25519', d: toBase64Url(fromBase64Url(d).subarray(1)) }],
        ['d of 33 bytes', { kty: 'OKP', crv: 'Ed25519', d: toBase64Url(concatBytes(fromBase64Url(d), new Uint8Array(1))) }],
        ['d with padding', { kty: 'OKP', crv: 'Ed25519', d: `${d}=` }],
        ['d in standard base64', { kty: 'OKP', crv: 'Ed25519', d: toBase64(fromBase64Url(d)).replace(/=+$/, '') }],
        ['d with non-zero trailing bits', { kty: 'OKP', crv: 'Ed25519', d: `${d.slice(0, -1)}B` }],
        ['d as a number', { kty: 'OKP', crv: 'Ed25519', d: 1 }],
        ['x of another key', { ...RFC8037_JWK, x: other }],
        ['x as a number', { ...RFC8037_JWK, x: 1 }],
        ['x of 31 bytes', { ...RFC8037_JWK, x: x.slice(0, -2) }],
      ]
      for (const [name, jwk] of cases) {
        it(`refuses ${name} with KEY_INVALID`, () => {
          expect(codeOf(() => KeyPair.fromJwk(jwk))).toBe('KEY_INVALID')
        })
      }
    })
  })

  describe('PEM (PKCS#8)', () => {
    it('imports the RFC 8410 section 10.3 private key, whose public key is that of section 10.1', () => {
      expect(toBase64Url(KeyPair.fromPem(RFC8410_PEM).publicKey)).toBe(RFC8410_PUBLIC_X)
      expect(KeyPair.fromPem(RFC8410_PEM).toPem()).toBe(RFC8410_PEM)
    })

    it('imports a key made as `openssl genpkey -algorithm ed25519` makes it (Node, PKCS#8 PEM), and signs identically', () => {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519')
      const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string
      const key = KeyPair.fromPem(pem)
      const jwk = publicKey.export({ format: 'jwk' })
      expect(toBase64Url(key.publicKey)).toBe(jwk.x)
      for (const msg of [new Uint8Array(0), utf8('saksi/tx/v1\n{}'), new Uint8Array(1000).fill(7)]) {
        const mine = key.sign(msg)
        expect(toHex(mine)).toBe(toHex(new Uint8Array(nodeSign(null, msg, privateKey)))) // Ed25519 is deterministic
        expect(nodeVerify(null, msg, publicKey, mine)).toBe(true)
      }
    })

    it('exports a PEM that Node (OpenSSL) reads as the same key', () => {
      const key = KeyPair.generate()
      const nodeKey = createPrivateKey(key.toPem())
      expect(createPublicKey(nodeKey).export({ format: 'jwk' }).x).toBe(toBase64Url(key.publicKey))
      const msg = utf8('x')
      expect(toHex(new Uint8Array(nodeSign(null, msg, nodeKey)))).toBe(toHex(key.sign(msg)))
    })

    it('round-trips, and accepts CRLF line ends, surrounding whitespace and a body split into short lines', () => {
      const key = KeyPair.generate()
      const pem = key.toPem()
      expect(KeyPair.fromPem(pem).did).toBe(key.did)
      expect(KeyPair.fromPem(pem.replace(/\n/g, '\r\n')).did).toBe(key.did)
      expect(KeyPair.fromPem(`\n  ${pem}  \n\n`).did).toBe(key.did)
      const body = pem.split('\n')[1]!
      const split = `-----BEGIN PRIVATE KEY-----\n${body.match(/.{1,16}/g)!.join('\n')}\n-----END PRIVATE KEY-----`
      expect(KeyPair.fromPem(split).did).toBe(key.did)
    })

    describe('when the PEM is not an unencrypted Ed25519 PKCS#8 key', () => {
      const body = RFC8410_PEM.split('\n')[1]!
      const der = Uint8Array.from(atob(body), (c) => c.charCodeAt(0))
      const wrap = (label: string, bytes: Uint8Array): string => `-----BEGIN ${label}-----\n${toBase64(bytes)}\n-----END ${label}-----\n`
      const withByte = (at: number, value: number): Uint8Array => {
        const copy = der.slice()
        copy[at] = value
        return copy
      }
      const ecPem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string
      const x25519Pem = generateKeyPairSync('x25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string
      const ed448Pem = generateKeyPairSync('ed448').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string
      const encryptedPem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pw' }) as string
      const spkiPem = generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }) as string
      // PKCS#8 v2 (OneAsymmetricKey, RFC 5958) with the public key appended as [1]: only v1 is read.
      const v2 = concatBytes(Uint8Array.of(0x30, 0x51, 0x02, 0x01, 0x01), der.subarray(5), Uint8Array.of(0x81, 0x21, 0x00), fromBase64Url(RFC8410_PUBLIC_X))
      const cases: Array<[string, unknown]> = [
        ['an empty string', ''],
        ['null', null],
        ['a number', 1],
        ['the DER bytes', der],
        ['the body without the armour', body],
        ['a public key (SPKI)', spkiPem],
        ['an encrypted private key', encryptedPem],
        ['an EC (P-256) private key', ecPem],
        ['an X25519 private key', x25519Pem],
        ['an Ed448 private key', ed448Pem],
        ['an RSA-style label', RFC8410_PEM.replace(/PRIVATE KEY/g, 'RSA PRIVATE KEY')],
        ['mismatched labels', RFC8410_PEM.replace('END PRIVATE KEY', 'END PUBLIC KEY')],
        ['no END line', RFC8410_PEM.split('-----END')[0]!],
        ['two keys', RFC8410_PEM + RFC8410_PEM],
        ['a truncated body', wrap('PRIVATE KEY', der.subarray(0, 47))],
        ['an extra byte', wrap('PRIVATE KEY', concatBytes(der, new Uint8Array(1)))],
        ['a wrong OID (1.3.101.110, X25519)', wrap('PRIVATE KEY', withByte(11, 0x6e))],
        ['a wrong version', wrap('PRIVATE KEY', withByte(4, 0x02))],
        ['a PKCS#8 v2 document', wrap('PRIVATE KEY', v2)],
        ['a body that is not base64', RFC8410_PEM.replace(body, `${body.slice(0, 10)}*${body.slice(11)}`)],
        ['a body with non-canonical base64 padding', RFC8410_PEM.replace(body, `${body}==`)],
        ['a megabyte of base64 without an END line', `-----BEGIN PRIVATE KEY-----\n${'A\n'.repeat(500_000)}`],
        ['a megabyte of base64 inside the armour', wrap('PRIVATE KEY', new Uint8Array(750_000))],
      ]
      for (const [name, pem] of cases) {
        it(`refuses ${name} with KEY_INVALID`, () => {
          expect(codeOf(() => KeyPair.fromPem(pem as string))).toBe('KEY_INVALID')
        })
      }
    })
  })
})

describe('publicKeyFromJwk', () => {
  it('reads x of a public or private JWK', () => {
    expect(toBase64Url(publicKeyFromJwk({ kty: 'OKP', crv: 'Ed25519', x: RFC8037_JWK.x }))).toBe(RFC8037_JWK.x)
    expect(toBase64Url(publicKeyFromJwk(RFC8037_JWK))).toBe(RFC8037_JWK.x)
  })

  for (const [name, jwk] of [
    ['null', null],
    ['no x', { kty: 'OKP', crv: 'Ed25519' }],
    ['kty RSA', { kty: 'RSA', crv: 'Ed25519', x: RFC8037_JWK.x }],
    ['crv X25519', { kty: 'OKP', crv: 'X25519', x: RFC8037_JWK.x }],
    ['x of 31 bytes', { kty: 'OKP', crv: 'Ed25519', x: RFC8037_JWK.x.slice(0, -2) }],
    ['x with padding', { kty: 'OKP', crv: 'Ed25519', x: `${RFC8037_JWK.x}=` }],
    ['x as bytes', { kty: 'OKP', crv: 'Ed25519', x: fromBase64Url(RFC8037_JWK.x) }],
  ] as Array<[string, unknown]>) {
    it(`refuses ${name} with KEY_INVALID`, () => {
      expect(codeOf(() => publicKeyFromJwk(jwk))).toBe('KEY_INVALID')
    })
  }
})
