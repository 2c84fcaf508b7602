import { describe, expect, it } from 'vitest'
import { toBase64 } from '../encoding/base64.js'
import { entryWritesField, hashWriteSet, hashWrites, normalizeWrites } from './write-set.js'

describe('normalizeWrites', () => {
  describe('when a transaction writes keys out of order and twice', () => {
    it('keeps the last write per key, sorted by (contract, key)', () => {
      expect(
        normalizeWrites([
          { contract: 'b', key: 'x', value: 1 },
          { contract: 'a', key: 'z', value: 1 },
          { contract: 'a', key: 'k', value: 2 },
          { contract: 'a', key: 'z' },
          { contract: 'a', key: 'k', value: undefined },
          { contract: 'a', key: 'Z', value: 3 },
        ]),
      ).toEqual([
        { contract: 'a', key: 'Z', value: 3 },
        { contract: 'a', key: 'k' },
        { contract: 'a', key: 'z' },
        { contract: 'b', key: 'x', value: 1 },
      ])
    })
  })
})

describe('hashWrites', () => {
  // Vectors computed independently: printf '<json>' | sha256sum | xxd -r -p | base64
  describe('when there are no writes', () => {
    it('is SHA-256 of "[]", the writes field of every failed call', () => {
      expect(toBase64(hashWrites([]))).toBe('T1PNoYwrqgwDVLtfmj7L5e0Sq02OEbqHPC8RFhICuUU=')
      expect(entryWritesField([])).toBe('T1PNoYwrqgwDVLtfmj7L5e0Sq02OEbqHPC8RFhICuUU=')
    })
  })
  describe('when there are a delete and a put', () => {
    it('hashes the JCS of the list, a delete having no value member', () => {
      const writes = [{ contract: 'a', key: 'k' }, { contract: 'a', key: 'z', value: { n: 1 } }]
      expect(entryWritesField(writes)).toBe('7OOKEfiFLSrr5S6pnXmsIl68kJYjnAqIGRpkWikfkSo=')
      expect(hashWriteSet(writes)).toEqual(hashWrites(writes))
      expect(entryWritesField([{ contract: 'a', key: 'k', value: undefined }, writes[1]!])).toBe(entryWritesField(writes))
    })
  })
})

describe('writeJcs and hashWriteJcsList', () => {
  it('hash a list exactly as hashWrites does, deletes and odd values included', async () => {
    const { writeJcs, hashWriteJcsList, hashWrites } = await import('./write-set.js')
    const lists = [
      [],
      [{ contract: 'identity', key: 'citizen/did:key:z6Mk', value: { name: 'Dewi \u{1F600}', n: 0.1, list: [1, { b: 2, a: 1 }] } }],
      [
        { contract: 'a', key: 'k1' },
        { contract: 'a', key: 'k2', value: 'x"y' },
        { contract: 'b', key: '~!', value: [true, false, null] },
      ],
    ]
    for (const list of lists) expect(hashWriteJcsList(list.map(writeJcs))).toEqual(hashWrites(list))
  })
})
