import { ed25519 as noble } from '@noble/curves/ed25519.js'
import { sha512 } from '@noble/hashes/sha2.js'
import type { KeyObject } from 'node:crypto'
import { toHex } from '../encoding/hex.js'
import { fromBase64Url, toBase64Url } from '../encoding/base64.js'
import { nodeCrypto } from './node-builtin.js'
import { isBytes } from '../encoding/bytes.js'

/** Ed25519 public keys are 32 bytes, private seeds 32 bytes, signatures 64 bytes (RFC 8032). */
export const ED25519_PUBLIC_KEY_LENGTH = 32
export const ED25519_SEED_LENGTH = 32
export const ED25519_SIGNATURE_LENGTH = 64

// DER prefixes of SubjectPublicKeyInfo and PKCS#8 for Ed25519 (RFC 8410); the key bytes follow.
const SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00])
const PKCS8_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20])

/** DER SubjectPublicKeyInfo of an Ed25519 public key. */
export function ed25519Spki(publicKey: Uint8Array): Uint8Array {
  const out = new Uint8Array(SPKI_PREFIX.length + 32)
  out.set(SPKI_PREFIX)
  out.set(publicKey, SPKI_PREFIX.length)
  return out
}

/** DER PKCS#8 of an Ed25519 private seed. */
export function ed25519Pkcs8(seed: Uint8Array): Uint8Array {
  const out = new Uint8Array(PKCS8_PREFIX.length + 32)
  out.set(PKCS8_PREFIX)
  out.set(seed, PKCS8_PREFIX.length)
  return out
}

/** The DER prefix of an Ed25519 PKCS#8 document, for parsers. */
export const ED25519_PKCS8_PREFIX: Uint8Array = PKCS8_PREFIX

/*
 * One verification rule for both implementations. Left to themselves, OpenSSL (Node's native
 * verify) and @noble disagree on crafted input, which a ledger cannot afford: a node and an
 * independent verifier must reach the same verdict on every signature. OpenSSL checks the
 * cofactorless equation [S]B = R + [k]A by comparing encodings and accepts small-order and
 * non-canonically encoded public keys (with those, anyone can forge a signature for any message);
 * @noble's strict mode refuses such keys but checks the cofactored equation, which also accepts
 * an R with a small-order component. The rule both follow here is the intersection:
 *   - A is canonically encoded (y < p, and not x = 0 with the sign bit set) and not of small order;
 *   - 0 <= S < L;
 *   - R is byte-for-byte the encoding of [S]B - [k]A, with k = SHA-512(R || A || M) mod L.
 * Every honestly made RFC 8032 signature meets it.
 */

const Point = noble.Point
const CURVE_ORDER = Point.Fn.ORDER

// The canonical encodings of the eight points of small order (the torsion subgroup), hex.
const SMALL_ORDER_KEYS = new Set([
  '0100000000000000000000000000000000000000000000000000000000000000',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0000000000000000000000000000000000000000000000000000000000000080',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85',
])

/**
 * Byte-level part of the public key rule, without decoding the point (cheap): refuses encodings
 * of y >= p, the x = 0 points with the sign bit set, and the small-order points. Whether the
 * point is on the curve at all is left to the decoder.
 */
function isAllowedPublicKeyEncoding(publicKey: Uint8Array): boolean {
  const top = publicKey[31]! & 0x7f
  const sign = publicKey[31]! & 0x80
  // y >= p = 2^255 - 19: top byte 0x7f, bytes 30..1 all 0xff, byte 0 >= 0xed.
  let allOnes = top === 0x7f
  for (let i = 30; allOnes && i >= 1; i--) allOnes = publicKey[i] === 0xff
  if (allOnes && publicKey[0]! >= 0xed) return false
  if (sign !== 0) {
    // x = 0 exactly when y = 1 or y = p - 1; their sign bit must be 0.
    let rest = 0
    for (let i = 1; i < 31; i++) rest |= publicKey[i]!
    if (rest === 0 && top === 0 && publicKey[0] === 0x01) return false
    if (allOnes && publicKey[0] === 0xec) return false
  }
  return !SMALL_ORDER_KEYS.has(toHex(publicKey))
}

function bytesToNumberLE(bytes: Uint8Array): bigint {
  let n = 0n
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!)
  return n
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let d = 0
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!
  return d === 0
}

/**
 * Pure-JS Ed25519 verification (browser-safe), under the same rule as {@link nodeEd25519Verify}.
 * Never throws: malformed input is `false`.
 */
export function nobleEd25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (!isBytes(publicKey) || !isBytes(message) || !isBytes(signature)) return false
  if (publicKey.length !== 32 || signature.length !== 64) return false
  if (!isAllowedPublicKeyEncoding(publicKey)) return false
  try {
    // Strict decoding (zip215: false) refuses y >= p and points off the curve.
    const A = Point.fromBytes(publicKey, false)
    if (A.isSmallOrder()) return false
    const r = signature.subarray(0, 32)
    const s = bytesToNumberLE(signature.subarray(32))
    if (s >= CURVE_ORDER) return false
    const k = bytesToNumberLE(sha512(concat3(r, publicKey, message))) % CURVE_ORDER
    const expectedR = Point.BASE.multiplyUnsafe(s).subtract(A.multiplyUnsafe(k))
    return sameBytes(expectedR.toBytes(), r)
  } catch {
    return false
  }
}

function concat3(a: Uint8Array, b: Uint8Array, c: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length + c.length)
  out.set(a)
  out.set(b, a.length)
  out.set(c, a.length + b.length)
  return out
}

// Re-importing a key costs as much as verifying with it, so KeyObjects are cached (bounded).
const KEY_CACHE_LIMIT = 10_000
const publicKeyCache = new Map<string, KeyObject | null>()

function cachedPublicKey(publicKey: Uint8Array): KeyObject | null {
  const id = toHex(publicKey)
  let key = publicKeyCache.get(id)
  if (key === undefined) {
    if (!isAllowedPublicKeyEncoding(publicKey)) {
      key = null // OpenSSL would accept it; the shared rule does not (see above)
    } else {
      try {
        // JWK import is about five times faster than SPKI DER; most transactions come from keys
        // the node has not seen yet (one citizen, one key), so this is on the admission hot path.
        key = nodeCrypto!.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(publicKey) }, format: 'jwk' })
      } catch {
        key = null // not a valid point encoding
      }
    }
    if (publicKeyCache.size >= KEY_CACHE_LIMIT) publicKeyCache.delete(publicKeyCache.keys().next().value!)
    publicKeyCache.set(id, key)
  }
  return key
}

/**
 * Native Ed25519 verification (OpenSSL, which checks S < L and compares R byte for byte), with the
 * public key rule above added; only defined on Node. Never throws.
 */
export const nodeEd25519Verify: ((publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean) | undefined =
  nodeCrypto
    ? ((nc) => (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => {
        if (!isBytes(publicKey) || !isBytes(message) || !isBytes(signature)) return false
        if (publicKey.length !== 32 || signature.length !== 64) return false
        const key = cachedPublicKey(publicKey)
        if (key === null) return false
        try {
          return nc.verify(null, message, key, signature)
        } catch {
          return false
        }
      })(nodeCrypto)
    : undefined

/** Verifies an Ed25519 signature: native on Node, pure JS elsewhere. Never throws. */
export const ed25519Verify: (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean =
  nodeEd25519Verify ?? nobleEd25519Verify

/** Public key of a 32-byte Ed25519 seed. */
export function ed25519PublicKey(seed: Uint8Array): Uint8Array {
  return noble.getPublicKey(seed)
}

const ZERO_X = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

/** An Ed25519 signing key ready to use: its public key and a signing function. */
export interface Ed25519SigningKey {
  publicKey: Uint8Array
  sign: (message: Uint8Array) => Uint8Array
}

/**
 * Imports a 32-byte Ed25519 seed once: native on Node (the imported key is kept in the closure, not
 * in a global cache, and the public key comes from the same import, about ten times faster than
 * deriving it in JS), pure JS elsewhere.
 * @throws RangeError if the seed is not 32 bytes
 */
export function ed25519SigningKey(seed: Uint8Array): Ed25519SigningKey {
  if (seed.length !== 32) throw new RangeError('an Ed25519 seed is 32 bytes')
  const nc = nodeCrypto
  if (nc) {
    // JWK import is about eight times faster than PKCS#8 DER here. OpenSSL derives the public key
    // from `d` and ignores `x` (which Node insists on), and the export gives the derived one back.
    const key = nc.createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: toBase64Url(seed), x: ZERO_X }, format: 'jwk' })
    const x = key.export({ format: 'jwk' }).x
    return {
      publicKey: fromBase64Url(x, 32, 'x'),
      sign: (message) => {
        const sig = nc.sign(null, message, key)
        return new Uint8Array(sig.buffer, sig.byteOffset, sig.byteLength)
      },
    }
  }
  const copy = seed.slice()
  return { publicKey: noble.getPublicKey(copy), sign: (message) => noble.sign(message, copy) }
}

/** Returns a signing function for a 32-byte Ed25519 seed (see {@link ed25519SigningKey}). */
export function ed25519Signer(seed: Uint8Array): (message: Uint8Array) => Uint8Array {
  return ed25519SigningKey(seed).sign
}

/** 32 random bytes from the platform's CSPRNG, for a new Ed25519 seed. */
export function randomSeed(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(32))
}
