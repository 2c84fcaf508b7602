import { describe, expect, it } from 'vitest'
import { KeyPair } from '../keys/key-pair.js'
import { formatVerifierKey, parseVerifierKey } from './verifier-key.js'
import { signCheckpoint } from './sign-checkpoint.js'
import { parseCheckpoint } from './parse-checkpoint.js'
import { verifyCheckpoint } from './verify-checkpoint.js'
import { codeOf } from '../../../../../test/support/code-of.js'

// Source: a checkpoint published by the staging CT log arche2025h1.staging.ct.transparency.dev,
// cosigned by public witnesses, with its log key and the witness key of remora.n621.de, as quoted
// in the tlog_scales (Python) test suite, TestCheckpointVerification. The first line is an RFC 6962
// STH signature (type 0x05), unknown here and so ignored.
const REAL_LOG_VKEY = 'arche2025h1.staging.ct.transparency.dev+ba2f06c0+AU0vHmlGCS/PdN8b2OaGmKprLI8HKM+dJ472xgFYh15f'
const REAL_CHECKPOINT = `arche2025h1.staging.ct.transparency.dev
1432088532
U7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=

\u2014 arche2025h1.staging.ct.transparency.dev zTM8sQAAAZ5W0WdjBAMARjBEAiBjW5IQf9pvsYLfQFX6hoGREPMHbdQ3urbllzalApkptQIgIpwtEroeW2BXaHAI4kJXFbon5Ch9MNL5zRNZ55lvGt0=
\u2014 arche2025h1.staging.ct.transparency.dev ui8GwCF1+kWqZrxGdhj4aX3gcw7XUlXQQabg/27lefwhUkzbC3NygNI75MdhL1bfTW9g8Ei59RA23oHP7Ry1k3ZFWwQ=
\u2014 transparency.dev/DEV:witness-little-garden 2AQqhwAAAABqEiEgzgFIqqhbUoDwjMWE6UP8nd8/KYTzwZ2rhIgcqoXHAwVkjZr4AscylP3v7sEodkRAErumC2q44vdgJY096st5BQ==
\u2014 witness1.smartit.nu/witness1 pIyCDwAAAABqEiEghIp82KWebrw7/oHQwlTAm3g2RKS4+eebl8eO0WH+/iEcxZ75W3u5hNI7TOQtmJbqmNWVuE0tgh0XwzdZsDsUAQ==
\u2014 remora.n621.de 2net5wAAAABqEiEgPlfF3V06o0Y+fHM+J5J9s27wgxxcOVSpZ/2g/KSiXCg9DEZI+aVCIobWX9sXTynk5XeU/zZ0WBxtqB0DrAWfBw==
\u2014 witness.stagemole.eu Z/euoAAAAABqEiEgw0i+7g2ENfDAWHmtRzCfKTHSDwYDJA2NmKeGi9Y8FtEyOUvVr+AJmIY/2TUFucgKi7lI7cUiOvKFYe/TmN9DAg==
`

const ORIGIN = 'saksi.example/kota-contoh'
const node = KeyPair.fromSeed(new Uint8Array(32).fill(3))
const other = KeyPair.fromSeed(new Uint8Array(32).fill(4))
const nodeVkey = formatVerifierKey(ORIGIN, node.publicKey)
const ROOT = new Uint8Array(32).fill(0xab)
const checkpoint = { origin: ORIGIN, size: 42, root: ROOT }

describe('signCheckpoint', () => {
  describe('when the node signs with its key', () => {
    it('produces the PROTOCOL section 6 layout with the origin as key name', () => {
      const note = signCheckpoint(checkpoint, node)
      expect(note).toMatch(/^saksi\.example\/kota-contoh\n42\nq6ur[A-Za-z0-9+/]+=\n\n\u2014 saksi\.example\/kota-contoh [A-Za-z0-9+/]+=*\n$/)
      expect(verifyCheckpoint(note, [nodeVkey])).toMatchObject({ ...checkpoint, extensions: [], signers: [ORIGIN] })
    })
  })

  describe('when the checkpoint is invalid', () => {
    it('throws the body code before signing', () => {
      expect(codeOf(() => signCheckpoint({ ...checkpoint, size: -1 }, node))).toBe('CHECKPOINT_SIZE_INVALID')
    })
  })
})

describe('parseCheckpoint', () => {
  describe('when given a signed checkpoint', () => {
    it('returns origin, size and root without checking signatures', () => {
      const note = signCheckpoint(checkpoint, other)
      expect(parseCheckpoint(note)).toMatchObject({ ...checkpoint, text: note.slice(0, note.indexOf('\n\n') + 1) })
    })

    it('parses the published staging checkpoint', () => {
      expect(parseCheckpoint(REAL_CHECKPOINT)).toMatchObject({ origin: 'arche2025h1.staging.ct.transparency.dev', size: 1432088532 })
    })
  })

  describe('when the body is not a checkpoint', () => {
    it('throws CHECKPOINT_SIZE_INVALID for a signed note whose second line is not a size', () => {
      const note = 'o\nmany\nroot\n\n\u2014 a AAAAAAAA\n'
      expect(codeOf(() => parseCheckpoint(note))).toBe('CHECKPOINT_SIZE_INVALID')
    })
  })
})

describe('verifyCheckpoint', () => {
  describe('when given the published staging checkpoint and its log key', () => {
    it('verifies, ignoring the STH signature and the cosignatures', () => {
      const result = verifyCheckpoint(REAL_CHECKPOINT, [REAL_LOG_VKEY], { origin: 'arche2025h1.staging.ct.transparency.dev' })
      expect(result.size).toBe(1432088532)
      expect(result.signers).toEqual(['arche2025h1.staging.ct.transparency.dev'])
    })

    it('rejects it with its size changed', () => {
      expect(codeOf(() => verifyCheckpoint(REAL_CHECKPOINT.replace('1432088532', '42'), [REAL_LOG_VKEY]))).toBe('NOTE_BAD_SIGNATURE')
    })
  })

  describe('when the origin is not the expected one', () => {
    it('throws CHECKPOINT_ORIGIN_MISMATCH', () => {
      const note = signCheckpoint(checkpoint, node)
      expect(codeOf(() => verifyCheckpoint(note, [nodeVkey], { origin: 'saksi.example/other' }))).toBe('CHECKPOINT_ORIGIN_MISMATCH')
    })
  })

  describe('when the signing key is not named after the origin', () => {
    const note = signCheckpoint({ ...checkpoint, origin: 'saksi.example/other' }, node, ORIGIN)
    it('does not count it as a log signature', () => {
      expect(codeOf(() => verifyCheckpoint(note, [nodeVkey]))).toBe('NOTE_NO_KNOWN_SIGNATURE')
    })

    it('counts it when keyNameMustMatchOrigin is false', () => {
      expect(verifyCheckpoint(note, [parseVerifierKey(nodeVkey)], { keyNameMustMatchOrigin: false }).signers).toEqual([ORIGIN])
    })
  })

  describe('when the log rotated its key and both keys sign', () => {
    it('verifies with either key and reports the origin once', () => {
      const body = signCheckpoint(checkpoint, node)
      const second = signCheckpoint(checkpoint, other)
      const note = body + second.slice(second.lastIndexOf('\u2014'))
      const otherVkey = formatVerifierKey(ORIGIN, other.publicKey)
      expect(verifyCheckpoint(note, [otherVkey]).signers).toEqual([ORIGIN])
      expect(verifyCheckpoint(note, [nodeVkey, otherVkey]).signers).toEqual([ORIGIN])
    })
  })

  describe('when the note is signed by an unknown key only', () => {
    it('throws NOTE_NO_KNOWN_SIGNATURE', () => {
      expect(codeOf(() => verifyCheckpoint(signCheckpoint(checkpoint, other), [nodeVkey]))).toBe('NOTE_NO_KNOWN_SIGNATURE')
    })
  })
})
