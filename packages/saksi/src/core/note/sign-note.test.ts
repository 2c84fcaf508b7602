import { describe, expect, it } from 'vitest'
import { ValidationError } from '../errors.js'
import { KeyPair } from '../keys/key-pair.js'
import { formatVerifierKey } from './verifier-key.js'
import { noteKeyId } from './key-id.js'
import { parseNote } from './parse-note.js'
import { noteSignerFromSigner, signNote, type NoteSigner } from './sign-note.js'
import { verifyNote } from './verify-note.js'
import { NOTE_MAX_BYTES, NOTE_MAX_SIGNATURES } from './note-text.js'
import { codeOf } from '../../../../../test/support/code-of.js'

const alice = KeyPair.fromSeed(new Uint8Array(32).fill(7))
const signer = noteSignerFromSigner('alice.example', alice)
const vkey = formatVerifierKey('alice.example', alice.publicKey)

describe('noteSignerFromSigner', () => {
  describe('when given a key pair and a name', () => {
    it('uses the note key id of that name and key', () => {
      expect(signer.keyId).toEqual(noteKeyId('alice.example', alice.publicKey))
      expect(signer.name).toBe('alice.example')
    })
  })

  describe('when the name or signer is invalid', () => {
    it('throws NOTE_KEY_NAME_INVALID for a name with a plus sign', () => {
      expect(codeOf(() => noteSignerFromSigner('a+b', alice))).toBe('NOTE_KEY_NAME_INVALID')
    })

    it('throws NOTE_SIGNER_INVALID for an object without a 32-byte public key', () => {
      expect(codeOf(() => noteSignerFromSigner('a', { publicKey: new Uint8Array(3), sign: () => new Uint8Array(64) }))).toBe('NOTE_SIGNER_INVALID')
      expect(codeOf(() => noteSignerFromSigner('a', null as unknown as KeyPair))).toBe('NOTE_SIGNER_INVALID')
    })
  })
})

describe('signNote', () => {
  describe('when given text and one signer', () => {
    it('writes the text, a blank line and an em-dash signature line', () => {
      const note = signNote('hello\n', [signer])
      expect(note).toMatch(/^hello\n\n\u2014 alice\.example [A-Za-z0-9+/]+=*\n$/)
    })
  })

  describe('when the text holds blank lines and lines that look like signatures', () => {
    it('round-trips, because the parser splits at the last blank line', () => {
      const text = 'first\n\n\u2014 fake.example AAAAAAAA\n\nlast\n'
      expect(verifyNote(signNote(text, [signer]), [vkey]).text).toBe(text)
    })

    it('round-trips text that is a single newline or ends in a blank line', () => {
      for (const text of ['\n', 'a\n\n', '\n\n\n']) expect(verifyNote(signNote(text, [signer]), [vkey]).text).toBe(text)
    })
  })

  describe('when the text cannot be signed', () => {
    it.each([
      ['is empty', '', 'NOTE_TEXT_INVALID'],
      ['does not end in a newline', 'hello', 'NOTE_TEXT_INVALID'],
      ['holds a carriage return', 'a\r\n', 'NOTE_INVALID_CHARACTER'],
      ['holds a tab', 'a\tb\n', 'NOTE_INVALID_CHARACTER'],
      ['holds a lone surrogate', 'a\ud800\n', 'NOTE_INVALID_CHARACTER'],
      ['is too large', 'a'.repeat(NOTE_MAX_BYTES) + '\n', 'NOTE_TOO_LARGE'],
      ['is not a string', 42 as unknown as string, 'NOTE_TEXT_INVALID'],
    ])('throws when the text %s', (_why, text, code) => {
      expect(codeOf(() => signNote(text, [signer]))).toBe(code)
    })

    it('throws NOTE_TOO_LARGE when the signatures push the note over the limit', () => {
      const text = 'a'.repeat(NOTE_MAX_BYTES - 40) + '\n'
      expect(codeOf(() => signNote(text, [signer]))).toBe('NOTE_TOO_LARGE')
    })
  })

  describe('when the signers are unusable', () => {
    const keyId = Uint8Array.of(1, 2, 3, 4)
    it.each<[string, unknown, string]>([
      ['none are given', [], 'NOTE_SIGNER_INVALID'],
      ['a name holds a space', [{ name: 'a b', keyId, sign: () => new Uint8Array(64) }], 'NOTE_SIGNER_INVALID'],
      ['a key id is 3 bytes', [{ name: 'a', keyId: keyId.slice(1), sign: () => new Uint8Array(64) }], 'NOTE_SIGNER_INVALID'],
      ['one key signs twice', [signer, signer], 'NOTE_SIGNER_INVALID'],
      ['too many sign', Array.from({ length: NOTE_MAX_SIGNATURES + 1 }, () => signer), 'NOTE_TOO_MANY_SIGNATURES'],
      ['a signer throws', [{ name: 'a', keyId, sign: () => { throw new Error('hsm offline') } }], 'NOTE_SIGNER_FAILED'],
      ['a signer returns nothing', [{ name: 'a', keyId, sign: () => undefined }], 'NOTE_SIGNER_FAILED'],
    ])('throws when %s', (_why, signers, code) => {
      expect(codeOf(() => signNote('x\n', signers as NoteSigner[]))).toBe(code)
    })

    it('lets a coded error thrown by a signer pass through unchanged', () => {
      const own = new ValidationError('WALLET_LOCKED', 'locked')
      const failing: NoteSigner = { name: 'a', keyId, sign: () => { throw own } }
      expect(codeOf(() => signNote('x\n', [failing]))).toBe('WALLET_LOCKED')
    })
  })

  describe('when several signers sign', () => {
    it('writes one line per signer, in order, each over the same text', () => {
      const bob = KeyPair.fromSeed(new Uint8Array(32).fill(8))
      const note = signNote('x\n', [signer, noteSignerFromSigner('bob.example', bob)])
      expect(parseNote(note).signatures.map((s) => s.name)).toEqual(['alice.example', 'bob.example'])
    })
  })
})
