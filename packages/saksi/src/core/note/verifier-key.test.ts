import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { toHex } from '../encoding/hex.js'
import { fromBase64, toBase64 } from '../encoding/base64.js'
import { concatBytes } from '../encoding/bytes.js'
import { KeyPair } from '../keys/key-pair.js'
import { cosignatureKeyId, noteKeyId } from './key-id.js'
import { formatVerifierKey, parseVerifierKey } from './verifier-key.js'
import { codeOf } from '../../../../../test/support/code-of.js'
import { sharedTestdata } from '../../../../../test/support/shared-testdata.js'

// Source: C2SP signed-note v1.0.0, section "Example" (copied to the shared test data).
const example = JSON.parse(readFileSync(sharedTestdata('c2sp', 'signed-note-example.json'), 'utf8')) as {
  vkey: string
  keyName: string
  keyIdHex: string
}
// Source: golang.org/x/mod/sumdb/note, package documentation, "Example".
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'
// Source: tlog_scales (Python) tests, TestSigner: a key whose base64 holds '+'.
const PLUS_VKEY = 'foo+1573814f+ATnT68N1+aPhXIQhFQ0X6jekt0UsUk/iyE8dWHb3g9GN'

const seedKey = (n: number) => KeyPair.fromSeed(new Uint8Array(32).fill(n))

describe('parseVerifierKey', () => {
  describe('when given the C2SP signed-note example key', () => {
    it('returns its key name, key id and public key', () => {
      const v = parseVerifierKey(example.vkey)
      expect(v.name).toBe(example.keyName)
      expect(toHex(v.keyId)).toBe(example.keyIdHex)
      expect(toHex(v.publicKey)).toBe('e932791ae6e7a840a46164c904786426d5e7821dd8b29a00d61cae72afdd4da4')
      expect(v.type).toBe(1)
    })
  })

  describe('when given the Go sumdb/note example key', () => {
    it('returns name PeterNeumann and key id c74f20a3', () => {
      const v = parseVerifierKey(GO_VKEY)
      expect(v.name).toBe('PeterNeumann')
      expect(toHex(v.keyId)).toBe('c74f20a3')
    })
  })

  describe("when the base64 key material contains '+'", () => {
    it('splits on the first two plus signs only (published vector)', () => {
      const v = parseVerifierKey(PLUS_VKEY)
      expect(v.name).toBe('foo')
      expect(toHex(v.keyId)).toBe('1573814f')
      expect(toBase64(concatBytes(Uint8Array.of(1), v.publicKey))).toBe('ATnT68N1+aPhXIQhFQ0X6jekt0UsUk/iyE8dWHb3g9GN')
    })

    it('round-trips a freshly generated key whose base64 holds plus signs', () => {
      let vkey = ''
      let pair = seedKey(0)
      for (let n = 0; n < 256 && !vkey.split('+').slice(2).join('+').includes('+'); n++) {
        pair = seedKey(n)
        vkey = formatVerifierKey('saksi.example/plus', pair.publicKey)
      }
      expect(vkey.split('+').length).toBeGreaterThan(3)
      const v = parseVerifierKey(vkey)
      expect(v.name).toBe('saksi.example/plus')
      expect(v.publicKey).toEqual(pair.publicKey)
    })
  })

  describe('when the key id is upper-case hex', () => {
    it('accepts it, as Go does', () => {
      expect(toHex(parseVerifierKey(GO_VKEY.replace('c74f20a3', 'C74F20A3')).keyId)).toBe('c74f20a3')
    })
  })
})

describe('parseVerifierKey', () => {
  describe('when the verifier key is malformed', () => {
    const [name, id, key] = example.vkey.split('+') as [string, string, string]
    const raw = fromBase64(key)
    const withKey = (bytes: Uint8Array) => `${name}+${id}+${toBase64(bytes)}`
    it.each<[string, unknown, string]>([
      ['is not a string', 42, 'VKEY_INVALID'],
      ['is empty', '', 'VKEY_INVALID'],
      ['has no plus signs', name, 'VKEY_INVALID'],
      ['is truncated after the key id', `${name}+${id}`, 'VKEY_INVALID'],
      ['is truncated after the second plus', `${name}+${id}+`, 'VKEY_INVALID'],
      ['is truncated inside a base64 quantum', example.vkey.slice(0, -1), 'VKEY_INVALID'],
      ['is truncated by a whole base64 quantum', example.vkey.slice(0, -4), 'VKEY_PUBLIC_KEY_INVALID'],
      ['has an empty name', `+${id}+${key}`, 'VKEY_INVALID'],
      ['has a name with a space', `a b+${id}+${key}`, 'VKEY_INVALID'],
      ['has a 7-digit key id', `${name}+${id.slice(1)}+${key}`, 'VKEY_INVALID'],
      ['has a 9-digit key id', `${name}+0${id}+${key}`, 'VKEY_INVALID'],
      ['has a non-hex key id', `${name}+zzzzzzzz+${key}`, 'VKEY_INVALID'],
      ['has bad base64', `${name}+${id}+not base64!`, 'VKEY_INVALID'],
      ['has unpadded base64', `${name}+${id}+${key.slice(0, -1)}`, 'VKEY_INVALID'],
      ['has base64url instead of base64', `${name}+${id}+${key.replace(/\//g, '_')}x`, 'VKEY_INVALID'],
      ['has a trailing newline', `${example.vkey}\n`, 'VKEY_INVALID'],
      ['has algorithm byte 0x04', withKey(concatBytes(Uint8Array.of(4), raw.subarray(1))), 'VKEY_ALGORITHM_UNSUPPORTED'],
      ['has algorithm byte 0x02', withKey(concatBytes(Uint8Array.of(2), raw.subarray(1))), 'VKEY_ALGORITHM_UNSUPPORTED'],
      ['has a 31-byte public key', withKey(raw.subarray(0, 32)), 'VKEY_PUBLIC_KEY_INVALID'],
      ['has a 33-byte public key', withKey(concatBytes(raw, Uint8Array.of(0))), 'VKEY_PUBLIC_KEY_INVALID'],
      ['has a key id that does not match', `${name}+00000000+${key}`, 'VKEY_KEY_ID_MISMATCH'],
      ['has another name than the key id was computed for', `example.com/bar+${id}+${key}`, 'VKEY_KEY_ID_MISMATCH'],
    ])('throws when it %s', (_why, vkey, code) => {
      expect(codeOf(() => parseVerifierKey(vkey as string))).toBe(code)
    })
  })
})

describe('formatVerifierKey', () => {
  describe('when given the example key name and public key', () => {
    it('reproduces the published verifier key', () => {
      const v = parseVerifierKey(example.vkey)
      expect(formatVerifierKey(v.name, v.publicKey)).toBe(example.vkey)
    })
  })

  describe('when the name is invalid', () => {
    it.each([
      ['empty', ''],
      ['with a space', 'a b'],
      ['with a plus', 'a+b'],
      ['with a no-break space', 'a\u00a0b'],
      ['with a newline', 'a\nb'],
    ])('throws NOTE_KEY_NAME_INVALID for a name %s', (_why, name) => {
      expect(codeOf(() => formatVerifierKey(name, seedKey(1).publicKey))).toBe('NOTE_KEY_NAME_INVALID')
    })
  })

  describe('when the public key is not 32 bytes', () => {
    it('throws VKEY_PUBLIC_KEY_INVALID', () => {
      expect(codeOf(() => formatVerifierKey('a', new Uint8Array(31)))).toBe('VKEY_PUBLIC_KEY_INVALID')
    })
  })
})

describe('noteKeyId', () => {
  describe('when given the example key', () => {
    it('is the first 4 bytes of SHA-256(name, 0x0A, 0x01, key)', () => {
      const v = parseVerifierKey(example.vkey)
      expect(toHex(noteKeyId(v.name, v.publicKey))).toBe(example.keyIdHex)
    })
  })

  describe('when compared with the cosignature key id of the same key', () => {
    it('differs, because the type byte differs', () => {
      const v = parseVerifierKey(example.vkey)
      expect(toHex(cosignatureKeyId(v.name, v.publicKey))).not.toBe(example.keyIdHex)
    })
  })
})
