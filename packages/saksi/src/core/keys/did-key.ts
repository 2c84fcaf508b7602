import { base58 } from '@scure/base'
import { ValidationError } from '../errors.js'

// Multicodec prefix of an Ed25519 public key (varint 0xed), as did:key uses it.
const ED25519_MULTICODEC = [0xed, 0x01] as const
const DID_KEY_PREFIX = 'did:key:z'

/** A `did:key` identifier string (PROTOCOL section 2). */
export type DidKey = `did:key:z${string}`

/**
 * Encodes an Ed25519 public key as `did:key:z` + base58btc(0xed 0x01 ‖ key).
 * @throws ValidationError `DID_INVALID` if the key is not 32 bytes
 */
export function didKeyFromPublicKey(publicKey: Uint8Array): DidKey {
  if (publicKey.length !== 32) throw new ValidationError('DID_INVALID', 'an Ed25519 public key is 32 bytes')
  const bytes = new Uint8Array(34)
  bytes[0] = ED25519_MULTICODEC[0]
  bytes[1] = ED25519_MULTICODEC[1]
  bytes.set(publicKey, 2)
  return `${DID_KEY_PREFIX}${base58.encode(bytes)}` as DidKey
}

// 34 bytes in base58 is 46 to 48 characters; a ceiling keeps hostile input cheap.
const MAX_DID_LENGTH = 64
const didCache = new Map<string, Uint8Array>()

/**
 * Decodes a `did:key` to its 32-byte Ed25519 public key, validating the prefix, the base58btc
 * alphabet, the multicodec and the length, and that the encoding is canonical.
 * @throws ValidationError `DID_INVALID`
 */
export function publicKeyFromDidKey(did: unknown): Uint8Array {
  if (typeof did !== 'string') throw new ValidationError('DID_INVALID', 'a did:key must be a string')
  const cached = didCache.get(did)
  // A copy: a caller that writes into the returned key must not change what the next caller gets.
  if (cached) return cached.slice()
  if (did.length > MAX_DID_LENGTH || !did.startsWith(DID_KEY_PREFIX)) {
    throw new ValidationError('DID_INVALID', 'expected did:key:z followed by base58btc', { did: did.slice(0, MAX_DID_LENGTH) })
  }
  let bytes: Uint8Array
  try {
    bytes = base58.decode(did.slice(DID_KEY_PREFIX.length))
  } catch {
    throw new ValidationError('DID_INVALID', 'did:key is not valid base58btc', { did })
  }
  if (bytes.length !== 34 || bytes[0] !== ED25519_MULTICODEC[0] || bytes[1] !== ED25519_MULTICODEC[1]) {
    throw new ValidationError('DID_INVALID', 'did:key is not an Ed25519 key (multicodec 0xed01, 32 bytes)', { did })
  }
  const publicKey = bytes.slice(2)
  if (didKeyFromPublicKey(publicKey) !== did) throw new ValidationError('DID_INVALID', 'did:key is not canonically encoded', { did })
  if (didCache.size >= 10_000) didCache.delete(didCache.keys().next().value!)
  didCache.set(did, publicKey)
  return publicKey.slice()
}

/** True when `did` is a valid Ed25519 `did:key`. */
export function isDidKey(did: unknown): did is DidKey {
  try {
    publicKeyFromDidKey(did)
    return true
  } catch {
    return false
  }
}
