import { describe, expect, it } from 'vitest'
import { fromBase64 } from '../encoding/base64.js'
import { concatBytes, utf8 } from '../encoding/bytes.js'
import { toHex } from '../encoding/hex.js'
import { ed25519Verify } from '../crypto/ed25519.js'
import { KeyPair } from '../keys/key-pair.js'
import { cosignatureKeyId } from './key-id.js'
import { cosignatureMessage } from './cosignature-message.js'
import { cosignatureVerifier, formatCosignatureVerifierKey, parseCosignatureVerifierKey } from './cosignature-key.js'
import { cosignCheckpoint } from './cosign-checkpoint.js'
import { verifyCosignature } from './verify-cosignature.js'
import { signCheckpoint } from './sign-checkpoint.js'
import { formatVerifierKey } from './verifier-key.js'
import { signatureLine } from './sign-note.js'
import { verifyNote } from './verify-note.js'
import { codeOf } from '../../../../../test/support/code-of.js'

// Source: a checkpoint of the staging CT log arche2025h1.staging.ct.transparency.dev with a
// cosignature by the public witness remora.n621.de, and that witness's key, as quoted in the
// tlog_scales (Python) test suite, TestCheckpointVerification (other signature lines left out,
// which the cosignature does not cover).
const REMORA_VKEY = 'remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2'
const REMORA_NOTE = `arche2025h1.staging.ct.transparency.dev
1432088532
U7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=

\u2014 remora.n621.de 2net5wAAAABqEiEgPlfF3V06o0Y+fHM+J5J9s27wgxxcOVSpZ/2g/KSiXCg9DEZI+aVCIobWX9sXTynk5XeU/zZ0WBxtqB0DrAWfBw==
`

const ORIGIN = 'saksi.example/kota-contoh'
const node = KeyPair.fromSeed(new Uint8Array(32).fill(5))
const witness = KeyPair.fromSeed(new Uint8Array(32).fill(6))
const WITNESS = 'witness.example/w1'
const witnessVkey = formatCosignatureVerifierKey(WITNESS, witness.publicKey)
const signed = signCheckpoint({ origin: ORIGIN, size: 7, root: new Uint8Array(32).fill(1) }, node)
const body = signed.slice(0, signed.indexOf('\n\n') + 1)
const TS = 1_700_000_000

describe('cosignatureMessage', () => {
  describe('when given the tlog-cosignature example body and time', () => {
    it('prefixes the header and time lines to the body', () => {
      const b = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n'
      expect(new TextDecoder().decode(cosignatureMessage(b, 1679315147))).toBe(`cosignature/v1\ntime 1679315147\n${b}`)
    })
  })

  describe('when the timestamp is out of range', () => {
    it.each<[string, unknown]>([
      ['negative', -1],
      ['fractional', 1.5],
      ['beyond 2^53-1 as a number', 2 ** 53],
      ['beyond 2^63-1 as a bigint', 1n << 63n],
      ['a string', '1'],
    ])('throws COSIGNATURE_TIMESTAMP_INVALID when it is %s', (_why, ts) => {
      expect(codeOf(() => cosignatureMessage(body, ts as number))).toBe('COSIGNATURE_TIMESTAMP_INVALID')
    })
  })
})

describe('parseCosignatureVerifierKey', () => {
  describe('when given the remora.n621.de witness key', () => {
    it('returns the name and key id', () => {
      const v = parseCosignatureVerifierKey(REMORA_VKEY)
      expect(v.name).toBe('remora.n621.de')
      expect(toHex(v.keyId)).toBe('da77ade7')
      expect(v.type).toBe(4)
      expect(formatCosignatureVerifierKey(v.name, v.publicKey)).toBe(REMORA_VKEY)
    })
  })

  describe('when given a plain Ed25519 (type 0x01) key', () => {
    it('throws VKEY_ALGORITHM_UNSUPPORTED', () => {
      expect(codeOf(() => parseCosignatureVerifierKey(formatVerifierKey(WITNESS, witness.publicKey)))).toBe('VKEY_ALGORITHM_UNSUPPORTED')
    })
  })

  describe('when the key id is the type-0x01 one', () => {
    it('throws VKEY_KEY_ID_MISMATCH', () => {
      const wrongId = formatVerifierKey(WITNESS, witness.publicKey).split('+')[1]
      const [name, , key] = witnessVkey.split('+')
      expect(codeOf(() => parseCosignatureVerifierKey(`${name}+${wrongId}+${key}`))).toBe('VKEY_KEY_ID_MISMATCH')
    })
  })
})

describe('cosignCheckpoint', () => {
  describe('when a witness cosigns a signed checkpoint', () => {
    const line = cosignCheckpoint(signed, witness, WITNESS, TS)
    const bytes = fromBase64(line.slice(line.lastIndexOf(' ') + 1, -1))

    it('returns "— <name> base64(key id ‖ u64 timestamp ‖ signature)" and a newline', () => {
      expect(line.startsWith(`\u2014 ${WITNESS} `)).toBe(true)
      expect(line.endsWith('\n')).toBe(true)
      expect(bytes).toHaveLength(4 + 8 + 64)
      expect(bytes.subarray(0, 4)).toEqual(cosignatureKeyId(WITNESS, witness.publicKey))
      expect(new DataView(bytes.buffer, bytes.byteOffset + 4, 8).getBigUint64(0)).toBe(BigInt(TS))
    })

    it('signs exactly "cosignature/v1\\ntime <t>\\n" followed by the body', () => {
      const message = concatBytes(utf8(`cosignature/v1\ntime ${TS}\n`), utf8(body))
      expect(ed25519Verify(witness.publicKey, message, bytes.subarray(12))).toBe(true)
    })

    it('gives the same line for the body alone', () => {
      expect(cosignCheckpoint(body, witness, WITNESS, TS)).toBe(line)
    })

    it('verifies with verifyCosignature, which returns the timestamp', () => {
      expect(verifyCosignature(signed + line, witnessVkey)).toBe(TS)
    })
  })

  describe('when the input is not a valid checkpoint', () => {
    it.each<[string, unknown, string]>([
      ['the body lacks a size', `${ORIGIN}\n`, 'CHECKPOINT_MALFORMED'],
      ['the size has a leading zero', body.replace('\n7\n', '\n07\n'), 'CHECKPOINT_SIZE_INVALID'],
      ['the note is malformed', signed.slice(0, -1), 'NOTE_MALFORMED'],
      ['it is not text', 5, 'CHECKPOINT_MALFORMED'],
    ])('throws when %s', (_why, input, code) => {
      expect(codeOf(() => cosignCheckpoint(input as string, witness, WITNESS, TS))).toBe(code)
    })
  })

  describe('when the name, key or time is invalid', () => {
    it('throws NOTE_KEY_NAME_INVALID for a name with a space', () => {
      expect(codeOf(() => cosignCheckpoint(body, witness, 'a b', TS))).toBe('NOTE_KEY_NAME_INVALID')
    })

    it('throws NOTE_SIGNER_INVALID for a signer without a public key', () => {
      expect(codeOf(() => cosignCheckpoint(body, { sign: witness.sign } as KeyPair, WITNESS, TS))).toBe('NOTE_SIGNER_INVALID')
    })

    it('throws COSIGNATURE_TIMESTAMP_INVALID for a negative time', () => {
      expect(codeOf(() => cosignCheckpoint(body, witness, WITNESS, -5))).toBe('COSIGNATURE_TIMESTAMP_INVALID')
    })
  })
})

describe('verifyCosignature', () => {
  describe('when given the remora.n621.de cosignature on a published checkpoint', () => {
    it('verifies and returns its timestamp', () => {
      expect(verifyCosignature(REMORA_NOTE, REMORA_VKEY)).toBe(1779573024)
    })

    it('rejects it with COSIGNATURE_INVALID once the size is changed', () => {
      expect(codeOf(() => verifyCosignature(REMORA_NOTE.replace('1432088532', '1432088533'), REMORA_VKEY))).toBe('COSIGNATURE_INVALID')
    })
  })

  describe('when other signature lines surround the cosignature', () => {
    it('still verifies, since only the body is signed', () => {
      const line = cosignCheckpoint(body, witness, WITNESS, TS)
      const other = cosignCheckpoint(body, node, 'other.example', TS + 1)
      expect(verifyCosignature(signed + other + line, parseCosignatureVerifierKey(witnessVkey))).toBe(TS)
    })
  })

  describe('when the witness cosigned twice', () => {
    it('returns the later timestamp', () => {
      const note = signed + cosignCheckpoint(body, witness, WITNESS, TS) + cosignCheckpoint(body, witness, WITNESS, TS + 60)
      expect(verifyCosignature(note, witnessVkey)).toBe(TS + 60)
    })
  })

  describe('when the cosignature does not verify', () => {
    it('throws COSIGNATURE_INVALID for a cosignature over another body', () => {
      const otherBody = body.replace('\n7\n', '\n8\n')
      expect(codeOf(() => verifyCosignature(signed + cosignCheckpoint(otherBody, witness, WITNESS, TS), witnessVkey))).toBe('COSIGNATURE_INVALID')
    })

    it('throws COSIGNATURE_INVALID when the timestamp bytes were changed', () => {
      const bytes = fromBase64(cosignCheckpoint(body, witness, WITNESS, TS).split(' ')[2]!.trim())
      bytes[11] = bytes[11]! ^ 1
      expect(codeOf(() => verifyCosignature(signed + signatureLine(WITNESS, bytes), witnessVkey))).toBe('COSIGNATURE_INVALID')
    })
  })

  describe('when the cosignature is missing or malformed', () => {
    const keyId = cosignatureKeyId(WITNESS, witness.publicKey)
    const max = new Uint8Array(8).fill(0xff)

    it('throws COSIGNATURE_MISSING when the witness did not sign', () => {
      expect(codeOf(() => verifyCosignature(signed, witnessVkey))).toBe('COSIGNATURE_MISSING')
    })

    it('throws COSIGNATURE_MALFORMED for a cosignature of the wrong length', () => {
      const note = signed + signatureLine(WITNESS, concatBytes(keyId, new Uint8Array(8 + 63)))
      expect(codeOf(() => verifyCosignature(note, witnessVkey))).toBe('COSIGNATURE_MALFORMED')
    })

    it('throws COSIGNATURE_MALFORMED for a timestamp beyond 2^63-1', () => {
      const note = signed + signatureLine(WITNESS, concatBytes(keyId, max, new Uint8Array(64)))
      expect(codeOf(() => verifyCosignature(note, witnessVkey))).toBe('COSIGNATURE_MALFORMED')
    })

    it('throws COSIGNATURE_TIMESTAMP_INVALID for a valid cosignature at a time beyond 2^53-1', () => {
      const ts = 1n << 60n
      const stamp = new Uint8Array(8)
      new DataView(stamp.buffer).setBigUint64(0, ts)
      const sig = witness.sign(cosignatureMessage(body, ts))
      const note = signed + signatureLine(WITNESS, concatBytes(keyId, stamp, sig))
      expect(cosignatureVerifier(WITNESS, witness.publicKey).verify(utf8(body), concatBytes(stamp, sig))).toBe(true)
      expect(codeOf(() => verifyCosignature(note, witnessVkey))).toBe('COSIGNATURE_TIMESTAMP_INVALID')
    })

    it('throws a checkpoint code when the body is not a checkpoint', () => {
      const note = 'hello\n\n' + cosignCheckpoint(body, witness, WITNESS, TS)
      expect(codeOf(() => verifyCosignature(note, witnessVkey))).toBe('CHECKPOINT_MALFORMED')
    })
  })

  describe('when the timestamp is later than notAfter', () => {
    it('throws COSIGNATURE_FROM_FUTURE', () => {
      const note = signed + cosignCheckpoint(body, witness, WITNESS, TS)
      expect(codeOf(() => verifyCosignature(note, witnessVkey, { notAfter: TS - 1 }))).toBe('COSIGNATURE_FROM_FUTURE')
      expect(verifyCosignature(note, witnessVkey, { notAfter: TS })).toBe(TS)
    })
  })

  describe('when the witness is given as a plain Ed25519 key', () => {
    it('throws VKEY_ALGORITHM_UNSUPPORTED', () => {
      const note = signed + cosignCheckpoint(body, witness, WITNESS, TS)
      expect(codeOf(() => verifyCosignature(note, formatVerifierKey(WITNESS, witness.publicKey)))).toBe('VKEY_ALGORITHM_UNSUPPORTED')
    })
  })
})

describe('verifyNote', () => {
  describe('when given a cosignature verifier', () => {
    it('verifies the cosignature like any other known key, alongside the log key', () => {
      const note = signed + cosignCheckpoint(signed, witness, WITNESS, TS)
      const result = verifyNote(note, [formatVerifierKey(ORIGIN, node.publicKey), parseCosignatureVerifierKey(witnessVkey)])
      expect(result.signers).toEqual([ORIGIN, WITNESS])
    })

    it('does not accept the witness key as a plain Ed25519 key, whose key id differs', () => {
      const note = body + '\n' + cosignCheckpoint(body, witness, WITNESS, TS)
      expect(codeOf(() => verifyNote(note, [formatVerifierKey(WITNESS, witness.publicKey)]))).toBe('NOTE_NO_KNOWN_SIGNATURE')
    })
  })
})
