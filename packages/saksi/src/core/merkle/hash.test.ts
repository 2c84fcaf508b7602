import { describe, expect, it } from 'vitest'
import { fromHex, toHex } from '../encoding/hex.js'
import { EMPTY_ROOT, HASH_SIZE, leafHash, nodeHash } from './hash.js'
import { listHasher } from './testing/reference.js'

// The eight-leaf test tree of RFC 6962's reference implementation, as transparency-dev/merkle
// (testonly/constants.go) and the C2SP vectors use it; roots of its prefixes 1..8.
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f']
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
]

describe('EMPTY_ROOT', () => {
  it('is SHA-256 of the empty string', () => {
    expect(toHex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })
})

describe('leafHash', () => {
  describe('when the entry is empty', () => {
    it('is SHA-256 of the single byte 0x00', () => {
      expect(toHex(leafHash(new Uint8Array(0)))).toBe(ROOTS[0])
    })
  })
  describe('when the entry has bytes', () => {
    it('prefixes them with 0x00 and leaves the input untouched', () => {
      const entry = fromHex('2021')
      expect(leafHash(entry)).toHaveLength(HASH_SIZE)
      expect(toHex(entry)).toBe('2021')
      expect(toHex(leafHash(entry))).not.toBe(toHex(leafHash(fromHex('002021'))))
    })
  })
})

describe('nodeHash', () => {
  describe('when building the RFC 6962 test tree', () => {
    it('gives the known root of every prefix', () => {
      const mth = listHasher(LEAVES.map((l) => leafHash(fromHex(l))))
      expect(ROOTS.map((_, i) => toHex(mth(0, i + 1)))).toEqual(ROOTS)
    })
  })
  describe('when called many times in a row', () => {
    it('returns independent results (the scratch buffer is not shared with callers)', () => {
      const a = leafHash(fromHex(''))
      const b = leafHash(fromHex('00'))
      const ab = nodeHash(a, b)
      const ba = nodeHash(b, a)
      expect(toHex(ab)).toBe(ROOTS[1])
      expect(toHex(ba)).not.toBe(ROOTS[1])
      expect(toHex(nodeHash(a, b))).toBe(toHex(ab))
    })
  })
  describe('when the inputs are not 32 bytes', () => {
    it('still hashes 0x01 ‖ left ‖ right (verifiers refuse such inputs earlier)', () => {
      const short = nodeHash(fromHex('aa'), fromHex('bbcc'))
      const long = nodeHash(fromHex('aabb'), fromHex('cc'))
      expect(toHex(short)).toBe(toHex(long))
    })
  })
})
