import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { utf8 } from '../encoding/bytes.js'
import { isSaksiError, VerificationError } from '../errors.js'
import { KeyPair } from '../keys/key-pair.js'
import { formatVerifierKey, parseVerifierKey, type NoteVerifier } from './verifier-key.js'
import { noteSignerFromSigner, signNote, type NoteSigner } from './sign-note.js'
import { verifyNote } from './verify-note.js'
import { sharedTestdata } from '../../../../../test/support/shared-testdata.js'

// Source: C2SP signed-note v1.0.0, section "Example" (copied to the shared test data).
const example = JSON.parse(readFileSync(sharedTestdata('c2sp', 'signed-note-example.json'), 'utf8')) as {
  vkey: string
  keyName: string
  note: string
  text: string
}
// Source: golang.org/x/mod/sumdb/note, package documentation, "Example".
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
const GO_NOTE = `${GO_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`

function errorOf(fn: () => unknown): { code: string; verification: boolean } | undefined {
  try {
    fn()
  } catch (e) {
    return isSaksiError(e) ? { code: e.code, verification: e instanceof VerificationError } : { code: `UNTYPED ${String(e)}`, verification: false }
  }
  return undefined
}

const pair = (n: number) => KeyPair.fromSeed(new Uint8Array(32).fill(n))
const alice = pair(1)
const bob = pair(2)
const aliceSigner = noteSignerFromSigner('alice.example', alice)
const bobSigner = noteSignerFromSigner('bob.example', bob)
const aliceVkey = formatVerifierKey('alice.example', alice.publicKey)
const bobVkey = formatVerifierKey('bob.example', bob.publicKey)
const TEXT = 'saksi.example/kota-contoh\n42\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n'

describe('verifyNote', () => {
  describe('when given the C2SP signed-note example', () => {
    it('verifies with the example key and returns the text', () => {
      const result = verifyNote(example.note, [example.vkey])
      expect(result.text).toBe(example.text)
      expect(result.signers).toEqual([example.keyName])
    })

    it('verifies the same note given as UTF-8 bytes', () => {
      expect(verifyNote(utf8(example.note), [parseVerifierKey(example.vkey)]).text).toBe(example.text)
    })
  })

  describe('when given the Go sumdb/note example', () => {
    it('verifies with the PeterNeumann key', () => {
      expect(verifyNote(GO_NOTE, [GO_VKEY])).toMatchObject({ text: GO_TEXT, signers: ['PeterNeumann'] })
    })
  })

  describe('when the note is signed with a fresh key', () => {
    it('verifies with that key', () => {
      const note = signNote(TEXT, [aliceSigner])
      expect(verifyNote(note, [aliceVkey])).toMatchObject({ text: TEXT, signers: ['alice.example'] })
    })
  })

  describe('when the note has several signers', () => {
    it('lists every known signer that verified, in note order', () => {
      const note = signNote(TEXT, [aliceSigner, bobSigner])
      expect(verifyNote(note, [bobVkey, aliceVkey]).signers).toEqual(['alice.example', 'bob.example'])
    })

    it('verifies with a subset of the keys and reports the rest as unverified', () => {
      const result = verifyNote(signNote(TEXT, [aliceSigner, bobSigner]), [bobVkey])
      expect(result.signers).toEqual(['bob.example'])
      expect(result.unverified.map((s) => s.name)).toEqual(['alice.example'])
    })
  })

  describe('when a signature is by an unknown key', () => {
    it('ignores it, even when its signature is garbage', () => {
      const note = signNote(TEXT, [aliceSigner]) + '\u2014 stranger.example AAAAAAAA\n'
      expect(verifyNote(note, [aliceVkey]).signers).toEqual(['alice.example'])
    })

    it('ignores a key that shares the name but not the key id of a known key', () => {
      const impostor: NoteSigner = { name: 'alice.example', keyId: Uint8Array.of(0, 0, 0, 0), sign: () => new Uint8Array(64) }
      const note = signNote(TEXT, [impostor, aliceSigner])
      expect(verifyNote(note, [aliceVkey]).signers).toEqual(['alice.example'])
    })

    it('ignores a key that shares the key id but not the name of a known key', () => {
      const impostor: NoteSigner = { name: 'mallory.example', keyId: aliceSigner.keyId, sign: () => new Uint8Array(64) }
      const note = signNote(TEXT, [impostor, aliceSigner])
      expect(verifyNote(note, [aliceVkey]).signers).toEqual(['alice.example'])
    })
  })

  describe('when a known key (same name and key id) has a bad signature', () => {
    it('rejects the whole note with NOTE_BAD_SIGNATURE, even if another known key verifies', () => {
      const forger: NoteSigner = { name: 'bob.example', keyId: bobSigner.keyId, sign: (m) => alice.sign(m) }
      const note = signNote(TEXT, [aliceSigner, forger])
      expect(errorOf(() => verifyNote(note, [aliceVkey, bobVkey]))).toEqual({ code: 'NOTE_BAD_SIGNATURE', verification: true })
    })

    it('rejects a repeated signature line by the same key when the repeat is bad', () => {
      const good = signNote(TEXT, [aliceSigner])
      const bad = signNote(TEXT, [{ ...aliceSigner, sign: () => new Uint8Array(64) }])
      const note = good + bad.slice(bad.lastIndexOf('\u2014'))
      expect(errorOf(() => verifyNote(note, [aliceVkey]))?.code).toBe('NOTE_BAD_SIGNATURE')
    })
  })

  describe('when the text was tampered with', () => {
    it('rejects the note with NOTE_BAD_SIGNATURE', () => {
      const note = signNote(TEXT, [aliceSigner]).replace('\n42\n', '\n43\n')
      expect(errorOf(() => verifyNote(note, [aliceVkey]))?.code).toBe('NOTE_BAD_SIGNATURE')
    })

    it('rejects the example note with one character changed', () => {
      expect(errorOf(() => verifyNote(example.note.replace('example', 'exampel'), [example.vkey]))?.code).toBe('NOTE_BAD_SIGNATURE')
    })
  })

  describe('when no signature is by a known key', () => {
    it('rejects the note with NOTE_NO_KNOWN_SIGNATURE', () => {
      expect(errorOf(() => verifyNote(signNote(TEXT, [aliceSigner]), [bobVkey]))).toEqual({ code: 'NOTE_NO_KNOWN_SIGNATURE', verification: true })
    })

    it('rejects the note when no verifiers are given', () => {
      expect(errorOf(() => verifyNote(example.note, []))?.code).toBe('NOTE_NO_KNOWN_SIGNATURE')
    })
  })

  describe('when the verifiers are not usable', () => {
    it('refuses two different keys under one name and key id with NOTE_VERIFIER_AMBIGUOUS', () => {
      const real = parseVerifierKey(aliceVkey)
      const twin: NoteVerifier = { ...real, publicKey: bob.publicKey }
      expect(errorOf(() => verifyNote(example.note, [real, twin]))?.code).toBe('NOTE_VERIFIER_AMBIGUOUS')
    })

    it('accepts the same key given twice', () => {
      expect(verifyNote(example.note, [example.vkey, example.vkey]).signers).toEqual([example.keyName])
    })

    it('refuses a verifier that is neither a string nor a NoteVerifier with NOTE_VERIFIER_INVALID', () => {
      expect(errorOf(() => verifyNote(example.note, [{} as NoteVerifier]))?.code).toBe('NOTE_VERIFIER_INVALID')
    })

    it('passes on the code of a malformed verifier key', () => {
      expect(errorOf(() => verifyNote(example.note, ['nonsense']))?.code).toBe('VKEY_INVALID')
    })

    it('treats a verifier that throws as a bad signature', () => {
      const throwing: NoteVerifier = {
        ...parseVerifierKey(example.vkey),
        verify: () => {
          throw new Error('boom')
        },
      }
      expect(errorOf(() => verifyNote(example.note, [throwing]))?.code).toBe('NOTE_BAD_SIGNATURE')
    })
  })

  describe('when the text starts with a byte order mark', () => {
    it('keeps it as signed text, from both string and bytes', () => {
      const text = '\ufeffhello\n'
      const note = signNote(text, [aliceSigner])
      expect(verifyNote(note, [aliceVkey]).text).toBe(text)
      expect(verifyNote(utf8(note), [aliceVkey]).text).toBe(text)
    })
  })
})
