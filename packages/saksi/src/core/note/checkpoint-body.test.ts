import { describe, expect, it } from 'vitest'
import { formatCheckpointBody, type CheckpointInput } from './format-checkpoint-body.js'
import { parseCheckpointBody } from './parse-checkpoint-body.js'
import { codeOf } from '../../../../../test/support/code-of.js'

const ROOT = Uint8Array.from({ length: 32 }, (_, i) => i)
const ROOT_B64 = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8='
const BODY = `saksi.example/kota-contoh\n42\n${ROOT_B64}\n`

describe('formatCheckpointBody', () => {
  describe('when given origin, size and root', () => {
    it('writes three newline-terminated lines', () => {
      expect(formatCheckpointBody({ origin: 'saksi.example/kota-contoh', size: 42, root: ROOT })).toBe(BODY)
    })

    it('writes size 0 as "0"', () => {
      expect(formatCheckpointBody({ origin: 'o', size: 0, root: ROOT }).split('\n')[1]).toBe('0')
    })
  })

  describe('when given extension lines', () => {
    it('appends one line each', () => {
      expect(formatCheckpointBody({ origin: 'o', size: 1, root: ROOT, extensions: ['ext one', 'two'] })).toBe(`o\n1\n${ROOT_B64}\next one\ntwo\n`)
    })
  })

  describe('when a field is invalid', () => {
    const base: CheckpointInput = { origin: 'o', size: 1, root: ROOT }
    it.each<[string, Partial<CheckpointInput> | null, string]>([
      ['the checkpoint is null', null, 'CHECKPOINT_MALFORMED'],
      ['the origin is empty', { origin: '' }, 'CHECKPOINT_ORIGIN_INVALID'],
      ['the origin holds a space', { origin: 'a b' }, 'CHECKPOINT_ORIGIN_INVALID'],
      ['the origin holds a newline', { origin: 'a\nb' }, 'CHECKPOINT_ORIGIN_INVALID'],
      ['the size is negative', { size: -1 }, 'CHECKPOINT_SIZE_INVALID'],
      ['the size is fractional', { size: 1.5 }, 'CHECKPOINT_SIZE_INVALID'],
      ['the size is beyond 2^53-1', { size: 2 ** 53 }, 'CHECKPOINT_SIZE_INVALID'],
      ['the size is a string', { size: '1' as unknown as number }, 'CHECKPOINT_SIZE_INVALID'],
      ['the root is 31 bytes', { root: new Uint8Array(31) }, 'CHECKPOINT_ROOT_INVALID'],
      ['an extension is empty', { extensions: [''] }, 'CHECKPOINT_EXTENSION_INVALID'],
      ['an extension holds a newline', { extensions: ['a\nb'] }, 'CHECKPOINT_EXTENSION_INVALID'],
    ])('throws when %s', (_why, change, code) => {
      expect(codeOf(() => formatCheckpointBody(change === null ? (null as unknown as CheckpointInput) : { ...base, ...change }))).toBe(code)
    })
  })
})

describe('parseCheckpointBody', () => {
  describe('when given a well-formed body', () => {
    it('returns origin, size, root and no extensions', () => {
      expect(parseCheckpointBody(BODY)).toEqual({ origin: 'saksi.example/kota-contoh', size: 42, root: ROOT, extensions: [] })
    })

    it('round-trips with formatCheckpointBody, extensions included', () => {
      const cp = { origin: 'o', size: 2 ** 53 - 1, root: ROOT, extensions: ['x'] }
      expect(parseCheckpointBody(formatCheckpointBody(cp))).toEqual(cp)
    })
  })

  describe('when the body is malformed', () => {
    it.each<[string, unknown, string]>([
      ['is not text', 7, 'CHECKPOINT_MALFORMED'],
      ['is empty', '', 'CHECKPOINT_MALFORMED'],
      ['lacks the final newline', BODY.slice(0, -1), 'CHECKPOINT_MALFORMED'],
      ['is truncated to two lines', 'o\n42\n', 'CHECKPOINT_MALFORMED'],
      ['has an empty origin', `\n42\n${ROOT_B64}\n`, 'CHECKPOINT_ORIGIN_INVALID'],
      ['has an origin with a space', `a b\n42\n${ROOT_B64}\n`, 'CHECKPOINT_ORIGIN_INVALID'],
      ['has an origin with a tab', `a\tb\n42\n${ROOT_B64}\n`, 'NOTE_INVALID_CHARACTER'],
      ['has an empty size', `o\n\n${ROOT_B64}\n`, 'CHECKPOINT_SIZE_INVALID'],
      ['has a size with a leading zero', `o\n042\n${ROOT_B64}\n`, 'CHECKPOINT_SIZE_INVALID'],
      ['has a size of "00"', `o\n00\n${ROOT_B64}\n`, 'CHECKPOINT_SIZE_INVALID'],
      ['has a size with a plus sign', `o\n+42\n${ROOT_B64}\n`, 'CHECKPOINT_SIZE_INVALID'],
      ['has a negative size', `o\n-1\n${ROOT_B64}\n`, 'CHECKPOINT_SIZE_INVALID'],
      ['has a size with spaces', `o\n 42\n${ROOT_B64}\n`, 'CHECKPOINT_SIZE_INVALID'],
      ['has a hexadecimal size', `o\n0x2a\n${ROOT_B64}\n`, 'CHECKPOINT_SIZE_INVALID'],
      ['has an exponent size', `o\n1e3\n${ROOT_B64}\n`, 'CHECKPOINT_SIZE_INVALID'],
      ['has a size of 2^53', `o\n9007199254740992\n${ROOT_B64}\n`, 'CHECKPOINT_SIZE_INVALID'],
      ['has a size beyond 2^64', `o\n${'9'.repeat(30)}\n${ROOT_B64}\n`, 'CHECKPOINT_SIZE_INVALID'],
      ['has a root of 31 bytes', `o\n1\n${'A'.repeat(40)}AA==\n`, 'CHECKPOINT_ROOT_INVALID'],
      ['has a root of 33 bytes', `o\n1\n${'A'.repeat(44)}\n`, 'CHECKPOINT_ROOT_INVALID'],
      ['has an unpadded root', `o\n1\n${ROOT_B64.slice(0, -1)}\n`, 'CHECKPOINT_ROOT_INVALID'],
      ['has a non-canonical root', `o\n1\n${ROOT_B64.slice(0, -2)}f=\n`, 'CHECKPOINT_ROOT_INVALID'],
      ['has a base64url root', `o\n1\n${'_'.repeat(43)}=\n`, 'CHECKPOINT_ROOT_INVALID'],
      ['has an empty root line', 'o\n1\n\n', 'CHECKPOINT_ROOT_INVALID'],
      ['has an empty extension line', `${BODY}\n`, 'CHECKPOINT_EXTENSION_INVALID'],
    ])('throws when the body %s', (_why, text, code) => {
      expect(codeOf(() => parseCheckpointBody(text as string))).toBe(code)
    })
  })
})
