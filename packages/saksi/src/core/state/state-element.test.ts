import { describe, expect, it } from 'vitest'
import { concatBytes, utf8 } from '../encoding/bytes.js'
import { STATE_ELEMENT_TAG, StateElementEncoder, stateElement } from './state-element.js'

function u32be(n: number): Uint8Array {
  return new Uint8Array([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255])
}

/** The element's layout written out from its definition. */
function expected(contract: string, key: string, value: string): Uint8Array {
  const c = utf8(contract)
  const k = utf8(key)
  return concatBytes(utf8(STATE_ELEMENT_TAG), u32be(c.length), c, u32be(k.length), k, utf8(value))
}

const entries: [string, string, string][] = [
  ['identity', 'citizen/did:key:z6Mk1', '{"verified":false}'],
  ['', '', ''],
  ['pajak', 'wajib/Ñoño/日本', '"Rp 1.000 — lunas ✓ 😀"'],
  ['c', 'k', `"${'x'.repeat(5000)}"`],
  ['lone', '\ud800', '"\udfff"'],
]

describe('StateElementEncoder', () => {
  describe('when encoding entries one after another into its buffer', () => {
    it('gives tag, length-prefixed contract and key, and value in UTF-8, growing the buffer as needed', () => {
      const enc = new StateElementEncoder()
      for (const [c, k, v] of [...entries, ...entries]) expect(enc.encode(c, k, v)).toEqual(expected(c, k, v))
    })
  })
})

describe('stateElement', () => {
  describe('when called twice', () => {
    it('gives copies that a later call does not change', () => {
      const first = stateElement('a', 'b', '1')
      stateElement('c', 'd', '2')
      expect(first).toEqual(expected('a', 'b', '1'))
    })
  })
})
