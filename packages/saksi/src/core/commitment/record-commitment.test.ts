import { describe, expect, it } from 'vitest'
import { recordCommitment } from './record-commitment.js'

describe('recordCommitment', () => {
  it('matches a vector computed independently (Python hashlib over the JCS bytes)', () => {
    expect(recordCommitment(new Uint8Array(32).fill(7), { b: 1, a: 'Siti' })).toBe('c401701bc89f1320e65a5a5411cccdd7134eaabf32fb0d783f0025949d368356')
  })

  it('depends on the salt and on every field', () => {
    const salt = new Uint8Array(32).fill(7)
    const base = recordCommitment(salt, { a: 'Siti', b: 1 })
    expect(recordCommitment(new Uint8Array(32).fill(8), { a: 'Siti', b: 1 })).not.toBe(base)
    expect(recordCommitment(salt, { a: 'Siti', b: 2 })).not.toBe(base)
  })

  it('refuses a salt that is not 32 bytes', () => {
    expect(() => recordCommitment(new Uint8Array(16), {})).toThrow(/32 bytes/)
  })
})
