import { toBase64, fromBase64, fromBase64Url, toBase64Url } from '../encoding/base64.js'
import { bytesEqual, isBytes } from '../encoding/bytes.js'
import { ValidationError } from '../errors.js'
import { ED25519_PKCS8_PREFIX, ed25519Pkcs8, ed25519SigningKey, randomSeed } from '../crypto/ed25519.js'
import { didKeyFromPublicKey, type DidKey } from './did-key.js'

/** Anything that can sign as a `did:key` identity. Wallets in the browser implement it too. */
export interface Signer {
  /** The signer's identity. */
  readonly did: DidKey
  /** The 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array
  /** Signs bytes, returning a 64-byte Ed25519 signature. */
  sign(message: Uint8Array): Uint8Array
}

/** A JSON Web Key for Ed25519 (RFC 8037). `d` is present only for private keys. */
export interface Ed25519Jwk {
  kty: 'OKP'
  crv: 'Ed25519'
  x: string
  d?: string
}

/** An Ed25519 key pair: the private seed, its public key and its `did:key`. */
export class KeyPair implements Signer {
  readonly did: DidKey
  readonly publicKey: Uint8Array
  readonly #seed: Uint8Array
  readonly #sign: (message: Uint8Array) => Uint8Array

  private constructor(seed: Uint8Array) {
    this.#seed = seed.slice()
    const key = ed25519SigningKey(this.#seed)
    this.publicKey = key.publicKey
    this.did = didKeyFromPublicKey(this.publicKey)
    this.#sign = key.sign
  }

  /** Generates a new key pair from the platform's CSPRNG. */
  static generate(): KeyPair {
    return new KeyPair(randomSeed())
  }

  /**
   * Key pair from a 32-byte seed.
   * @throws ValidationError `KEY_INVALID`
   */
  static fromSeed(seed: Uint8Array): KeyPair {
    if (!isBytes(seed) || seed.length !== 32) throw new ValidationError('KEY_INVALID', 'an Ed25519 seed is 32 bytes')
    return new KeyPair(seed)
  }

  /**
   * Imports a private JWK (RFC 8037: kty OKP, crv Ed25519, x and d). `x` must match `d`.
   * @throws ValidationError `KEY_INVALID`
   */
  static fromJwk(jwk: unknown): KeyPair {
    const j = jwk as Partial<Ed25519Jwk> | null
    if (typeof j !== 'object' || j === null || j.kty !== 'OKP' || j.crv !== 'Ed25519' || typeof j.d !== 'string') {
      throw new ValidationError('KEY_INVALID', 'expected a private Ed25519 JWK with kty OKP, crv Ed25519, x and d')
    }
    let seed: Uint8Array
    try {
      seed = fromBase64Url(j.d, 32, 'd')
    } catch (e) {
      throw new ValidationError('KEY_INVALID', `JWK d: ${(e as Error).message}`)
    }
    const pair = new KeyPair(seed)
    if (j.x !== undefined && j.x !== toBase64Url(pair.publicKey)) {
      throw new ValidationError('KEY_INVALID', 'JWK x does not match its private key d')
    }
    return pair
  }

  /**
   * Imports an unencrypted PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`) holding an Ed25519 key.
   * @throws ValidationError `KEY_INVALID`
   */
  static fromPem(pem: string): KeyPair {
    const m = /^-----BEGIN PRIVATE KEY-----\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n?-----END PRIVATE KEY-----\s*$/.exec(
      typeof pem === 'string' ? pem.trim() : '',
    )
    if (!m) throw new ValidationError('KEY_INVALID', 'expected a PEM "PRIVATE KEY" (PKCS#8) block')
    let der: Uint8Array
    try {
      der = fromBase64(m[1]!.replace(/\s+/g, ''))
    } catch {
      throw new ValidationError('KEY_INVALID', 'the PEM body is not valid base64')
    }
    // An Ed25519 PKCS#8 v1 document without attributes is a fixed 16-byte prefix and the seed.
    if (der.length !== 48 || !bytesEqual(der.subarray(0, 16), ED25519_PKCS8_PREFIX)) {
      throw new ValidationError('KEY_INVALID', 'the PEM does not hold an Ed25519 PKCS#8 private key')
    }
    return new KeyPair(der.subarray(16))
  }

  /** Signs bytes with this key. */
  sign(message: Uint8Array): Uint8Array {
    return this.#sign(message)
  }

  /** The 32-byte private seed. Handle with care. */
  exportSeed(): Uint8Array {
    return this.#seed.slice()
  }

  /** Private JWK (RFC 8037). */
  toJwk(): Required<Ed25519Jwk> {
    return { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(this.publicKey), d: toBase64Url(this.#seed) }
  }

  /** Public JWK (no `d`). */
  toPublicJwk(): Ed25519Jwk {
    return { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(this.publicKey) }
  }

  /** PKCS#8 PEM, the format of `openssl genpkey -algorithm ed25519`. */
  toPem(): string {
    const b64 = toBase64(ed25519Pkcs8(this.#seed))
    return `-----BEGIN PRIVATE KEY-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`
  }
}

/**
 * Imports a public JWK, returning the 32-byte public key.
 * @throws ValidationError `KEY_INVALID`
 */
export function publicKeyFromJwk(jwk: unknown): Uint8Array {
  const j = jwk as Partial<Ed25519Jwk> | null
  if (typeof j !== 'object' || j === null || j.kty !== 'OKP' || j.crv !== 'Ed25519') {
    throw new ValidationError('KEY_INVALID', 'expected an Ed25519 JWK with kty OKP and crv Ed25519')
  }
  try {
    return fromBase64Url(j.x, 32, 'x')
  } catch (e) {
    throw new ValidationError('KEY_INVALID', `JWK x: ${(e as Error).message}`)
  }
}
