import { describe, expect, it, vi } from 'vitest'
import { utf8 } from '../encoding/bytes.js'
import { toHex } from '../encoding/hex.js'
import { nobleSha256, nodeSha256, sha256 } from './sha256.js'

// Source: NIST FIPS 180-2, Appendix B (SHA-256 examples B.1, B.2, B.3), and the empty string.
const VECTORS: Array<[string, () => Uint8Array, string]> = [
  ['"" (empty)', () => new Uint8Array(0), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['"abc" (FIPS 180-2 B.1)', () => utf8('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  [
    'the 448-bit message (FIPS 180-2 B.2)',
    () => utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  ],
  ['one million "a" (FIPS 180-2 B.3)', () => new Uint8Array(1_000_000).fill(0x61), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
]

describe('sha256', () => {
  describe('when hashing the FIPS 180-2 examples', () => {
    for (const [name, data, digest] of VECTORS) {
      it(`hashes ${name} the same with every implementation`, () => {
        const d = data()
        expect(toHex(sha256(d))).toBe(digest)
        expect(toHex(nobleSha256(d))).toBe(digest)
        expect(toHex(nodeSha256!(d))).toBe(digest)
      })
    }
  })

  describe('when running on Node', () => {
    it('uses the native implementation', () => {
      expect(nodeSha256).toBeDefined()
      expect(sha256).toBe(nodeSha256)
    })

    it('returns exactly 32 bytes that do not alias a shared buffer', () => {
      const a = sha256(utf8('a'))
      const b = sha256(utf8('b'))
      expect(a.length).toBe(32)
      expect(a.byteLength).toBe(32)
      expect(toHex(a)).not.toBe(toHex(b))
    })

    it('hashes a subarray by its own bytes only', () => {
      const big = utf8('xxabcxx')
      expect(toHex(sha256(big.subarray(2, 5)))).toBe(VECTORS[1]![2])
    })
  })

  describe('when Node crypto is not available (browser)', () => {
    it('falls back to the pure-JS implementation', async () => {
      vi.resetModules()
      vi.doMock('./node-builtin.js', () => ({ nodeCrypto: undefined }))
      try {
        const browser = await import('./sha256.js')
        expect(browser.nodeSha256).toBeUndefined()
        expect(browser.sha256).toBe(browser.nobleSha256)
        expect(toHex(browser.sha256(utf8('abc')))).toBe(VECTORS[1]![2])
      } finally {
        vi.doUnmock('./node-builtin.js')
        vi.resetModules()
      }
    })
  })
})
