import { describe, expect, it } from 'vitest'
import { toHex } from '../encoding/hex.js'
import { parseNote } from './parse-note.js'
import { NOTE_MAX_BYTES, NOTE_MAX_SIGNATURES } from './note-text.js'
import { codeOf } from '../../../../../test/support/code-of.js'

// Source: C2SP signed-note v1.0.0, section "Example".
const SIG = 'Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM='
const LINE = `\u2014 example.com/foo ${SIG}\n`
const NOTE = `This is an example message.\n\n${LINE}`

describe('parseNote', () => {
  describe('when given a well-formed note', () => {
    it('splits text and signatures without verifying', () => {
      const parsed = parseNote(NOTE)
      expect(parsed.text).toBe('This is an example message.\n')
      expect(parsed.signatures).toHaveLength(1)
      expect(parsed.signatures[0]?.name).toBe('example.com/foo')
      expect(toHex(parsed.signatures[0]!.keyId)).toBe('530d903a')
      expect(parsed.signatures[0]?.signature).toHaveLength(64)
    })

    it('splits at the last blank line, so earlier signature-like lines belong to the text', () => {
      const parsed = parseNote(`x\n\n${LINE}\n${LINE}`)
      expect(parsed.text).toBe(`x\n\n${LINE}`)
      expect(parsed.signatures).toHaveLength(1)
    })

    it('accepts exactly NOTE_MAX_SIGNATURES signature lines', () => {
      expect(parseNote(`x\n\n${LINE.repeat(NOTE_MAX_SIGNATURES)}`).signatures).toHaveLength(NOTE_MAX_SIGNATURES)
    })
  })

  describe('when the note is malformed', () => {
    it.each<[string, unknown, string]>([
      ['is not text', 42, 'NOTE_MALFORMED'],
      ['is empty', '', 'NOTE_MALFORMED'],
      ['has no blank line', `text\n${LINE}`, 'NOTE_MALFORMED'],
      ['has no signature lines', 'text\n\n', 'NOTE_MALFORMED'],
      ['lacks the final newline', NOTE.slice(0, -1), 'NOTE_MALFORMED'],
      ['is truncated inside the signature', NOTE.slice(0, -20), 'NOTE_MALFORMED'],
      ['ends with a blank line after the signatures', NOTE + '\n', 'NOTE_MALFORMED'],
      ['holds a carriage return', NOTE.replace('\n\n', '\r\n\n'), 'NOTE_INVALID_CHARACTER'],
      ['holds a NUL', 'a\u0000\n\n' + LINE, 'NOTE_INVALID_CHARACTER'],
      ['holds a lone surrogate', 'a\udc00\n\n' + LINE, 'NOTE_INVALID_CHARACTER'],
      ['is invalid UTF-8', Uint8Array.of(0x61, 0xff, 0x0a, 0x0a), 'NOTE_INVALID_CHARACTER'],
      ['is oversized', 'a'.repeat(NOTE_MAX_BYTES) + '\n\n' + LINE, 'NOTE_TOO_LARGE'],
      ['is oversized once encoded as UTF-8', '\u00e9'.repeat(NOTE_MAX_BYTES / 2) + '\n\n' + LINE, 'NOTE_TOO_LARGE'],
      ['is oversized as bytes', new Uint8Array(NOTE_MAX_BYTES + 1).fill(0x61), 'NOTE_TOO_LARGE'],
      ['has too many signatures', `x\n\n${LINE.repeat(NOTE_MAX_SIGNATURES + 1)}`, 'NOTE_TOO_MANY_SIGNATURES'],
      ['has a hyphen instead of the em dash', NOTE.replace('\u2014', '-'), 'NOTE_SIGNATURE_MALFORMED'],
      ['has an en dash instead of the em dash', NOTE.replace('\u2014', '\u2013'), 'NOTE_SIGNATURE_MALFORMED'],
      ['has no space after the em dash', NOTE.replace('\u2014 ', '\u2014'), 'NOTE_SIGNATURE_MALFORMED'],
      ['has no signature after the name', 'x\n\n\u2014 example.com/foo\n', 'NOTE_SIGNATURE_MALFORMED'],
      ['has an empty key name', `x\n\n\u2014  ${SIG}\n`, 'NOTE_SIGNATURE_MALFORMED'],
      ['has a key name with a plus', `x\n\n\u2014 a+b ${SIG}\n`, 'NOTE_SIGNATURE_MALFORMED'],
      ['has bad base64', 'x\n\n\u2014 a !!!!\n', 'NOTE_SIGNATURE_MALFORMED'],
      ['has unpadded base64', `x\n\n\u2014 a ${SIG.slice(0, -1)}\n`, 'NOTE_SIGNATURE_MALFORMED'],
      ['has two spaces before the signature', `x\n\n\u2014 a  ${SIG}\n`, 'NOTE_SIGNATURE_MALFORMED'],
      ['has a signature of only a key id', 'x\n\n\u2014 a AAAAAA==\n', 'NOTE_SIGNATURE_MALFORMED'],
    ])('throws when the note %s', (_why, input, code) => {
      expect(codeOf(() => parseNote(input as string))).toBe(code)
    })
  })
})
