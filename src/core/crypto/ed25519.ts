import { ed25519 as noble } from '@noble/curves/ed25519.js'
import type { KeyObject } from 'node:crypto'
import { toHex } from '../encoding/hex.js'
import { nodeCrypto } from './node-builtin.js'

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

/** Pure-JS Ed25519 verification (browser-safe). Never throws: malformed input is `false`. */
export function nobleEd25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false
  try {
    // zip215: false gives RFC 8032 / FIPS 186-5 strict verification, the same rule as OpenSSL.
    return noble.verify(signature, message, publicKey, { zip215: false })
  } catch {
    return false
  }
}

// Re-importing a key costs as much as verifying with it, so KeyObjects are cached (bounded).
const KEY_CACHE_LIMIT = 10_000
const publicKeyCache = new Map<string, KeyObject | null>()

function cachedPublicKey(publicKey: Uint8Array): KeyObject | null {
  const id = toHex(publicKey)
  let key = publicKeyCache.get(id)
  if (key === undefined) {
    try {
      key = nodeCrypto!.createPublicKey({ key: Buffer.from(ed25519Spki(publicKey)), format: 'der', type: 'spki' })
    } catch {
      key = null // not a valid point encoding
    }
    if (publicKeyCache.size >= KEY_CACHE_LIMIT) publicKeyCache.delete(publicKeyCache.keys().next().value!)
    publicKeyCache.set(id, key)
  }
  return key
}

/** Native Ed25519 verification; only defined on Node. Never throws. */
export const nodeEd25519Verify: ((publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean) | undefined =
  nodeCrypto
    ? ((nc) => (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => {
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

/**
 * Returns a signing function for a 32-byte Ed25519 seed: native on Node (the imported key is kept
 * in the closure, not in a global cache), pure JS elsewhere.
 */
export function ed25519Signer(seed: Uint8Array): (message: Uint8Array) => Uint8Array {
  if (seed.length !== 32) throw new RangeError('an Ed25519 seed is 32 bytes')
  const nc = nodeCrypto
  if (nc) {
    const key = nc.createPrivateKey({ key: Buffer.from(ed25519Pkcs8(seed)), format: 'der', type: 'pkcs8' })
    return (message) => {
      const sig = nc.sign(null, message, key)
      return new Uint8Array(sig.buffer, sig.byteOffset, sig.byteLength)
    }
  }
  const copy = seed.slice()
  return (message) => noble.sign(message, copy)
}

/** 32 random bytes from the platform's CSPRNG, for a new Ed25519 seed. */
export function randomSeed(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(32))
}
