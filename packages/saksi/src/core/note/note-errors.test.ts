import { describe, expect, it } from 'vitest'
import { ERROR_CODE_PATTERN, isSaksiError } from '../errors.js'
import { KeyPair } from '../keys/key-pair.js'
import { NOTE_ERROR_CODES } from './note-errors.js'
import { formatVerifierKey, parseVerifierKey } from './verifier-key.js'
import { formatCosignatureVerifierKey, parseCosignatureVerifierKey } from './cosignature-key.js'
import { parseNote } from './parse-note.js'
import { verifyNote } from './verify-note.js'
import { parseCheckpoint } from './parse-checkpoint.js'
import { parseCheckpointBody } from './parse-checkpoint-body.js'
import { signCheckpoint } from './sign-checkpoint.js'
import { verifyCheckpoint } from './verify-checkpoint.js'
import { cosignCheckpoint } from './cosign-checkpoint.js'
import { verifyCosignature } from './verify-cosignature.js'

describe('NOTE_ERROR_CODES', () => {
  describe('when listed', () => {
    it('holds only stable upper-case codes with a description', () => {
      for (const [code, description] of Object.entries(NOTE_ERROR_CODES)) {
        expect(code).toMatch(ERROR_CODE_PATTERN)
        expect(description.en.length).toBeGreaterThan(10)
      }
    })
  })
})

// A small deterministic generator, so a failure can be replayed.
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const ALPHABET = ['\n', '\n\n', ' ', '+', '=', '/', '0', 'A', '\u2014', '\u2014 ', '\r', '\u0000', '\ud800', '\u00e9', '-']

function mutate(text: string, next: () => number): string {
  let out = text
  const edits = 1 + Math.floor(next() * 3)
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (out.length + 1))
    const kind = next()
    if (kind < 0.33) out = out.slice(0, at) + out.slice(at + 1)
    else if (kind < 0.66) out = out.slice(0, at) + ALPHABET[Math.floor(next() * ALPHABET.length)] + out.slice(at)
    else out = out.slice(0, at)
  }
  return out
}

describe('every parser and verifier', () => {
  describe('when fed thousands of mutated inputs', () => {
    it('either succeeds or throws a SaksiError with a listed code', () => {
      const log = KeyPair.fromSeed(new Uint8Array(32).fill(9))
      const witness = KeyPair.fromSeed(new Uint8Array(32).fill(10))
      const origin = 'saksi.example/fuzz'
      const vkey = formatVerifierKey(origin, log.publicKey)
      const wkey = formatCosignatureVerifierKey('w.example', witness.publicKey)
      const note = signCheckpoint({ origin, size: 12345, root: new Uint8Array(32).fill(2) }, log)
      const cosigned = note + cosignCheckpoint(note, witness, 'w.example', 1_700_000_000)
      const targets: [string, (input: string) => unknown][] = [
        [cosigned, parseNote],
        [cosigned, (s) => verifyNote(s, [vkey, parseCosignatureVerifierKey(wkey)])],
        [cosigned, parseCheckpoint],
        [cosigned, (s) => verifyCheckpoint(s, [vkey], { origin })],
        [cosigned, (s) => verifyCosignature(s, wkey)],
        [cosigned, (s) => cosignCheckpoint(s, witness, 'w.example', 1)],
        [note.slice(0, note.indexOf('\n\n') + 1), parseCheckpointBody],
        [vkey, parseVerifierKey],
        [wkey, parseCosignatureVerifierKey],
      ]
      const next = rng(20260101)
      const codes = new Set(Object.keys(NOTE_ERROR_CODES))
      for (const [valid, fn] of targets) {
        for (let i = 0; i < 400; i++) {
          const input = mutate(valid, next)
          try {
            fn(input)
          } catch (e) {
            if (!isSaksiError(e) || !codes.has(e.code)) throw new Error(`untyped or unlisted error for ${JSON.stringify(input)}: ${String(e)}`)
          }
        }
      }
    })
  })
})
