import { describe, expect, it } from 'vitest'
import { fromUtf8 } from '../../../../packages/saksi/src/core/encoding/bytes.js'
import { rotationProofMessage, signRotationProof, verifyRotationProof } from './rotation-proof.js'
import { testKey } from './testing/harness.js'

const oldKey = testKey(1)
const newKey = testKey(2)

describe('rotationProofMessage', () => {
  describe('when given two dids', () => {
    it('is saksi/rotate/v1, the old did and the new did, newline-separated', () => {
      expect(fromUtf8(rotationProofMessage(oldKey.did, newKey.did))).toBe(`saksi/rotate/v1\n${oldKey.did}\n${newKey.did}`)
    })
  })
})

describe('verifyRotationProof', () => {
  describe('when the new key signed the message', () => {
    it('accepts', () => expect(verifyRotationProof(oldKey.did, newKey.did, signRotationProof(newKey, oldKey.did))).toBe(true))
  })
  describe('when anything differs', () => {
    it('refuses without throwing', () => {
      const proof = signRotationProof(newKey, oldKey.did)
      expect(verifyRotationProof(newKey.did, oldKey.did, proof)).toBe(false)
      expect(verifyRotationProof(oldKey.did, newKey.did, signRotationProof(oldKey, oldKey.did))).toBe(false)
      expect(verifyRotationProof(oldKey.did, 'did:key:zbad', proof)).toBe(false)
      expect(verifyRotationProof(oldKey.did, newKey.did, 'not base64')).toBe(false)
    })
  })
})
