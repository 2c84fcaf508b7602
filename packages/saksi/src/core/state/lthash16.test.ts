import { describe, expect, it } from 'vitest'
import { utf8 } from '../encoding/bytes.js'
import { toHex } from '../encoding/hex.js'
import { LTHASH16_BYTES, LtHash16, ltHashExpand, nobleLtHashExpand, nodeLtHashExpand } from './lthash16.js'

// SHAKE128("abc"): FIPS 202 example values (NIST CSRC "SHAKE128_Msg0"-style), first 32 bytes.
const SHAKE128_ABC = '5881092dd818bf5cf8a3ddb793fbcba74097d5c526a6d35f97b83351940f2cc8'
// SHA-256 of 2048 zero bytes, computed independently (Python: hashlib.sha256(bytes(2048))).
const EMPTY_CHECKSUM = 'e5a00aa9991ac8a5ee3109844d84a55583bd20572ad3ffcd42792f3c36b183ad'

const a = utf8('element a')
const b = utf8('element b')
const c = utf8('element c')

describe('ltHashExpand', () => {
  describe('when expanding an element', () => {
    it('gives SHAKE128 output of 2048 bytes, the same natively and in pure JS', () => {
      for (const expand of [ltHashExpand, nobleLtHashExpand, nodeLtHashExpand!]) {
        const out = expand(utf8('abc'))
        expect(out.length).toBe(LTHASH16_BYTES)
        expect(toHex(out.subarray(0, 32))).toBe(SHAKE128_ABC)
      }
      expect(toHex(nodeLtHashExpand!(a))).toBe(toHex(nobleLtHashExpand(a)))
    })
  })
})

describe('LtHash16', () => {
  describe('when empty', () => {
    it('is 2048 zero bytes', () => {
      const h = LtHash16.empty()
      expect(h.bytes()).toEqual(new Uint8Array(LTHASH16_BYTES))
      expect(toHex(h.checksum())).toBe(EMPTY_CHECKSUM)
    })
  })

  describe('when adding and removing elements', () => {
    it('adds lanes modulo 2^16, little-endian', () => {
      const h = LtHash16.empty().add(a).add(a)
      const e = ltHashExpand(a)
      const out = h.bytes()
      for (const lane of [0, 1, 511, 1023]) {
        const one = e[2 * lane]! | (e[2 * lane + 1]! << 8)
        expect(out[2 * lane]! | (out[2 * lane + 1]! << 8)).toBe((2 * one) % 65536)
      }
    })

    it('does not depend on the order of additions', () => {
      expect(LtHash16.empty().add(a).add(b).add(c).equals(LtHash16.empty().add(c).add(a).add(b))).toBe(true)
    })

    it('returns to the earlier value when an element is removed', () => {
      const before = LtHash16.empty().add(a).add(b)
      const after = before.clone().add(c).remove(c)
      expect(after.equals(before)).toBe(true)
      expect(toHex(after.checksum())).toBe(toHex(before.checksum()))
      expect(LtHash16.empty().add(a).remove(a).equals(LtHash16.empty())).toBe(true)
    })

    it('tells different sets apart, including a set with an element twice', () => {
      const ab = LtHash16.empty().add(a).add(b)
      expect(ab.equals(LtHash16.empty().add(a).add(c))).toBe(false)
      expect(ab.equals(LtHash16.empty().add(a))).toBe(false)
      expect(LtHash16.empty().add(a).add(a).equals(LtHash16.empty().add(a))).toBe(false)
    })

    it('adds and subtracts every lane exactly modulo 2^16, two lanes to a word or one at a time', () => {
      // Lanes at the edges of the carry trick (top bit set or not, all ones) and pseudo-random ones.
      const edges = [0, 1, 0x7fff, 0x8000, 0x8001, 0xfffe, 0xffff]
      let seed = 7
      const lane = (i: number): number => (i < 49 ? edges[i % 7]! : (seed = (seed * 1103515245 + 12345) >>> 0) >>> 16)
      const p = new Uint16Array(1024).map((_, i) => lane(i))
      const q = new Uint16Array(1024).map((_, i) => (i < 49 ? edges[Math.floor(i / 7)]! : lane(i)))
      const bytesOf = (l: Uint16Array): Uint8Array => new Uint8Array(l.buffer.slice(0))
      const sum = new Uint16Array(1024).map((_, i) => (p[i]! + q[i]!) & 0xffff)
      const diff = new Uint16Array(1024).map((_, i) => (p[i]! - q[i]!) & 0xffff)
      // At offset 2 the expansion cannot be read as 32-bit words: the lane-by-lane path.
      const unaligned = new Uint8Array(LTHASH16_BYTES + 2)
      unaligned.set(bytesOf(q), 2)
      for (const expanded of [bytesOf(q), unaligned.subarray(2)]) {
        expect(LtHash16.fromBytes(bytesOf(p)).addExpanded(expanded).bytes()).toEqual(bytesOf(sum))
        expect(LtHash16.fromBytes(bytesOf(p)).removeExpanded(expanded).bytes()).toEqual(bytesOf(diff))
      }
    })

    it('combines the hashes of disjoint sets into the hash of their union', () => {
      const union = LtHash16.empty().add(a).combine(LtHash16.empty().add(b).add(c))
      expect(union.equals(LtHash16.empty().add(a).add(b).add(c))).toBe(true)
    })
  })

  describe('when read back from bytes', () => {
    it('gives the same value, and a copy that does not change the original', () => {
      const h = LtHash16.empty().add(a)
      const bytes = h.bytes()
      const back = LtHash16.fromBytes(bytes)
      expect(back.equals(h)).toBe(true)
      back.add(b)
      bytes[0] = bytes[0]! ^ 1
      expect(h.equals(LtHash16.empty().add(a))).toBe(true)
      expect(back.equals(h)).toBe(false)
    })

    it('reads bytes at an odd offset', () => {
      const buf = new Uint8Array(LTHASH16_BYTES + 1)
      buf.set(LtHash16.empty().add(a).bytes(), 1)
      expect(LtHash16.fromBytes(buf.subarray(1)).equals(LtHash16.empty().add(a))).toBe(true)
    })

    it('refuses another length with LTHASH_INVALID', () => {
      expect(() => LtHash16.fromBytes(new Uint8Array(32))).toThrow(expect.objectContaining({ code: 'LTHASH_INVALID', kind: 'validation' }))
    })
  })
})
