import { describe, expect, it } from 'vitest'
import { toHex } from '../encoding/hex.js'
import { LtHash16 } from './lthash16.js'
import { StateDigest } from './state-digest.js'
import { stateElement } from './state-element.js'

// Vectors derived independently with Python's hashlib (shake_128, sha256) and struct: the element
// layout, SHAKE128 to 2048 bytes, 1024 little-endian 16-bit lanes added modulo 2^16, then SHA-256
// of the 2048 bytes: scripts/lthash16-vectors.py prints them.
const E1 = ['identity', 'did:key:z6MkA', '{"name":"Toko Maju"}'] as const
const E2 = ['welfare', 'hh/0001', '{"members":2,"programme":"pkh"}'] as const
const E1_BYTES = '73616b73692f73746174652d6c746861736831362f76310a000000086964656e746974790000000d6469643a6b65793a7a364d6b417b226e616d65223a22546f6b6f204d616a75227d'
const E4_BYTES = '73616b73692f73746174652d6c746861736831362f76310a00000002c3bc000000046bc3a97922e282ac22'
const E1_E2 = '98c77b289cdd615decbe3e7a951bd1f5fd935fb94444d05a113202d87f4f35b0'
const E1_E2_LANES = [53099, 9112, 9582, 36072]
const E2_E1CHANGED = '3268e5dc1423e78c34d090ca7676b7c7bf9d060c0a94372c1b4223189b53700d'

describe('stateElement', () => {
  describe('when encoding an entry', () => {
    it('writes the tag, then each string with its UTF-8 length, then the value', () => {
      expect(toHex(stateElement(...E1))).toBe(E1_BYTES)
      expect(toHex(stateElement('ü', 'k\u00e9y', '"€"'))).toBe(E4_BYTES)
    })

    it('gives different bytes when a boundary between fields moves', () => {
      expect(toHex(stateElement('ab', 'c', '1'))).not.toBe(toHex(stateElement('a', 'bc', '1')))
    })
  })
})

describe('StateDigest', () => {
  describe('when built from entries', () => {
    it('matches the independently derived vector', () => {
      const d = StateDigest.of([
        { contract: E1[0], key: E1[1], value: E1[2] },
        { contract: E2[0], key: E2[1], value: E2[2] },
      ])
      expect(toHex(d.hash.checksum())).toBe(E1_E2)
      const bytes = d.hash.bytes()
      expect(E1_E2_LANES.map((_, i) => bytes[2 * i]! | (bytes[2 * i + 1]! << 8))).toEqual(E1_E2_LANES)
    })
  })

  describe('when a key changes', () => {
    it('removes the old entry and adds the new one', () => {
      const d = new StateDigest().add(...E1).add(...E2)
      d.change(E1[0], E1[1], E1[2], '{"name":"Toko Maju Jaya"}')
      expect(toHex(d.hash.checksum())).toBe(E2_E1CHANGED)
    })

    it('ends where recomputing from the final state ends', () => {
      const d = new StateDigest().add(...E1)
      d.change('welfare', 'hh/0001', undefined, '{"n":1}')
      d.change('welfare', 'hh/0001', '{"n":1}', '{"n":2}')
      d.change(E1[0], E1[1], E1[2], undefined)
      d.change('welfare', 'same', undefined, undefined)
      expect(d.hash.equals(StateDigest.of([{ contract: 'welfare', key: 'hh/0001', value: '{"n":2}' }]).hash)).toBe(true)
    })

    it('is unchanged by a write of the same value', () => {
      const d = new StateDigest().add(...E1)
      d.change(E1[0], E1[1], E1[2], E1[2])
      expect(d.hash.equals(LtHash16.empty().add(stateElement(...E1)))).toBe(true)
    })
  })
})
