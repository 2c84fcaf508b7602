import { sha256 as nobleSha256Impl } from '@noble/hashes/sha2.js'
import { nodeCrypto } from './node-builtin.js'

/** SHA-256 in pure JS (browser-safe reference implementation). */
export function nobleSha256(data: Uint8Array): Uint8Array {
  return nobleSha256Impl(data)
}

/** SHA-256 through Node's native crypto; only defined on Node. */
export const nodeSha256: ((data: Uint8Array) => Uint8Array) | undefined = nodeCrypto
  ? ((nc) => {
      // crypto.hash (Node >= 20.12) skips the Hash object: about 1.6x faster on 65-byte inputs.
      if (typeof nc.hash === 'function') {
        return (data: Uint8Array) => {
          const d = nc.hash('sha256', data, 'buffer') as unknown as Buffer
          return new Uint8Array(d.buffer, d.byteOffset, d.byteLength)
        }
      }
      return (data: Uint8Array) => {
        const d = nc.createHash('sha256').update(data).digest()
        return new Uint8Array(d.buffer, d.byteOffset, d.byteLength)
      }
    })(nodeCrypto)
  : undefined

/** SHA-256, the protocol's only hash: native on Node, pure JS elsewhere. */
export const sha256: (data: Uint8Array) => Uint8Array = nodeSha256 ?? nobleSha256
