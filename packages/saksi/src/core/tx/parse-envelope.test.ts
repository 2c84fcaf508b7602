import { describe, expect, it } from 'vitest'
import { fromBase64, toBase64 } from '../encoding/base64.js'
import { concatBytes, utf8 } from '../encoding/bytes.js'
import { SaksiError } from '../errors.js'
import { KeyPair } from '../keys/key-pair.js'
import { parseEnvelope } from './parse-envelope.js'
import { signTx } from './sign-tx.js'
import { TX_ERROR_CODES } from './tx-errors.js'
import { MAX_ENVELOPE_BYTES } from './types.js'
import { verifyParsedEnvelope } from './verify-envelope.js'
import { codeOf } from '../../../../../test/support/code-of.js'

const key = KeyPair.fromSeed(new Uint8Array(32).fill(3))
const other = KeyPair.fromSeed(new Uint8Array(32).fill(4))
const CALL = { network: 'kota-contoh', contract: 'identity', method: 'register', args: { name: 'Siti Rahayu' }, nonce: 'n1', expiresAt: '2026-11-23T19:00:00.000Z' }
const valid = signTx(CALL, key)
const TEXT = JSON.stringify(valid.envelope)

type Json = Record<string, unknown>
type MutableEnvelope = { tx: Json; sig?: unknown } & Json
/** The valid envelope as a fresh mutable object. */
const fresh = (): MutableEnvelope => JSON.parse(TEXT) as MutableEnvelope
/** JSON text of the valid envelope after `change`. */
function envelopeWith(change: (e: MutableEnvelope) => void): string {
  const e = fresh()
  change(e)
  return JSON.stringify(e)
}
/** The valid envelope's text with one raw substitution (for what JSON.stringify cannot write). */
function rawWith(from: string, to: string): string {
  expect(TEXT).toContain(from)
  return TEXT.replace(from, to)
}
const sigOf = (n: number): string => toBase64(new Uint8Array(n).fill(1))

describe('parseEnvelope', () => {
  describe('when the envelope is valid', () => {
    it('accepts the text, its UTF-8 bytes and the parsed object alike', () => {
      const fromText = parseEnvelope(TEXT)
      expect(fromText).toEqual(valid)
      expect(parseEnvelope(utf8(TEXT))).toEqual(valid)
      expect(parseEnvelope(fresh())).toEqual(valid)
    })

    it('gives the same txId whatever the whitespace, key order or escaping of the text (only JCS(tx) is signed)', () => {
      const e = valid.envelope
      const variants = [
        JSON.stringify(e, null, 2),
        JSON.stringify({ sig: e.sig, tx: Object.fromEntries(Object.entries(e.tx).reverse()) }),
        TEXT.replace('"Siti Rahayu"', '"Siti \\u0052ahayu"').replace('"n1"', '"\\u006e1"'),
        TEXT.replace('"v":1', '"v":1.0'),
      ]
      for (const text of variants) {
        const p = parseEnvelope(text)
        expect(p.txId).toBe(valid.txId)
        expect(p.envelope).toEqual(valid.envelope)
        expect(() => verifyParsedEnvelope(p)).not.toThrow()
      }
    })

    it('accepts an envelope of exactly 64 KiB', () => {
      const padded = TEXT.slice(0, -1) + ' '.repeat(MAX_ENVELOPE_BYTES - TEXT.length) + '}'
      expect(utf8(padded).length).toBe(MAX_ENVELOPE_BYTES)
      expect(parseEnvelope(padded).txId).toBe(valid.txId)
      expect(parseEnvelope(utf8(padded)).txId).toBe(valid.txId)
    })

    it('accepts a nonce of 64 characters and args nested to the limit', () => {
      expect(codeOf(() => parseEnvelope(envelopeWith((e) => (e.tx.nonce = 'n'.repeat(64)))))).toBeUndefined()
      let deep: unknown = 1
      for (let i = 0; i < 61; i++) deep = { a: deep } // envelope, tx and args take three levels of 64
      expect(codeOf(() => parseEnvelope(envelopeWith((e) => (e.tx.args = deep as Json))))).toBeUndefined()
    })

    it('keeps the parsed key apart from the did:key cache', () => {
      const p = parseEnvelope(TEXT)
      p.publicKey.fill(0)
      expect(parseEnvelope(TEXT).publicKey).toEqual(key.publicKey)
    })
  })

  describe('when the envelope is malformed', () => {
    const TX_FIELDS = ['v', 'network', 'contract', 'method', 'args', 'signer', 'nonce', 'expiresAt'] as const
    const cases: Array<[string, unknown, string]> = [
      // not an envelope at all
      ['not JSON', '{"tx":', 'JSON_MALFORMED'],
      ['an array', '[]', 'TX_ENVELOPE_INVALID'],
      ['a string', '"tx"', 'TX_ENVELOPE_INVALID'],
      ['null', 'null', 'TX_ENVELOPE_INVALID'],
      ['a number', '1', 'TX_ENVELOPE_INVALID'],
      ['null as an object', null, 'TX_ENVELOPE_INVALID'],
      ['an array as an object', [], 'TX_ENVELOPE_INVALID'],
      // missing fields
      ['no tx', envelopeWith((e) => delete (e as Json).tx), 'TX_FIELD_MISSING'],
      ['no sig', envelopeWith((e) => delete e.sig), 'TX_FIELD_MISSING'],
      ['an empty object', '{}', 'TX_FIELD_MISSING'],
      ...TX_FIELDS.map((f): [string, unknown, string] => [`no tx.${f}`, envelopeWith((e) => delete e.tx[f]), 'TX_FIELD_MISSING']),
      // extra fields
      ['an extra envelope field', envelopeWith((e) => (e.txId = valid.txId)), 'TX_FIELD_UNKNOWN'],
      ['an extra tx field', envelopeWith((e) => (e.tx.fee = 0)), 'TX_FIELD_UNKNOWN'],
      ['an extra tx field that is null', envelopeWith((e) => (e.tx.memo = null)), 'TX_FIELD_UNKNOWN'],
      ['__proto__ in the envelope', rawWith('{"tx":', '{"__proto__":{},"tx":'), 'TX_FIELD_UNKNOWN'],
      ['__proto__ in tx', rawWith('"v":1', '"v":1,"__proto__":{"v":2}'), 'TX_FIELD_UNKNOWN'],
      ['constructor in tx', rawWith('"v":1', '"v":1,"constructor":1'), 'TX_FIELD_UNKNOWN'],
      // wrong types, each field
      ['tx as an array', envelopeWith((e) => (e.tx = [] as unknown as Json)), 'TX_FIELD_TYPE'],
      ['tx as a string', envelopeWith((e) => (e.tx = 'tx' as unknown as Json)), 'TX_FIELD_TYPE'],
      ['tx as null', envelopeWith((e) => (e.tx = null as unknown as Json)), 'TX_FIELD_TYPE'],
      ['v as a string', envelopeWith((e) => (e.tx.v = '1')), 'TX_FIELD_TYPE'],
      ['v as true', envelopeWith((e) => (e.tx.v = true)), 'TX_FIELD_TYPE'],
      ['v as null', envelopeWith((e) => (e.tx.v = null)), 'TX_FIELD_TYPE'],
      ['network as a number', envelopeWith((e) => (e.tx.network = 1)), 'TX_FIELD_TYPE'],
      ['contract as null', envelopeWith((e) => (e.tx.contract = null)), 'TX_FIELD_TYPE'],
      ['method as an array', envelopeWith((e) => (e.tx.method = ['register'])), 'TX_FIELD_TYPE'],
      ['args as an array', envelopeWith((e) => (e.tx.args = ['Siti'])), 'TX_FIELD_TYPE'],
      ['args as a string', envelopeWith((e) => (e.tx.args = 'Siti')), 'TX_FIELD_TYPE'],
      ['args as null', envelopeWith((e) => (e.tx.args = null)), 'TX_FIELD_TYPE'],
      ['args as a number', envelopeWith((e) => (e.tx.args = 1)), 'TX_FIELD_TYPE'],
      ['signer as an object', envelopeWith((e) => (e.tx.signer = { did: key.did })), 'TX_FIELD_TYPE'],
      ['nonce as a number', envelopeWith((e) => (e.tx.nonce = 1)), 'TX_FIELD_TYPE'],
      ['expiresAt as a number', envelopeWith((e) => (e.tx.expiresAt = Date.UTC(2026, 10, 23, 19))), 'TX_FIELD_TYPE'],
      ['sig as a number', envelopeWith((e) => (e.sig = 1)), 'TX_FIELD_TYPE'],
      ['sig as null', envelopeWith((e) => (e.sig = null)), 'TX_FIELD_TYPE'],
      ['sig as an array of bytes', envelopeWith((e) => (e.sig = Array.from(valid.signature))), 'TX_FIELD_TYPE'],
      // versions
      ['v = 2', envelopeWith((e) => (e.tx.v = 2)), 'TX_VERSION_UNSUPPORTED'],
      ['v = 0', envelopeWith((e) => (e.tx.v = 0)), 'TX_VERSION_UNSUPPORTED'],
      ['v = 1.5', envelopeWith((e) => (e.tx.v = 1.5)), 'TX_VERSION_UNSUPPORTED'],
      ['v = -1', envelopeWith((e) => (e.tx.v = -1)), 'TX_VERSION_UNSUPPORTED'],
      // names
      ['an empty network', envelopeWith((e) => (e.tx.network = '')), 'TX_FIELD_INVALID'],
      ['a network with a space', envelopeWith((e) => (e.tx.network = 'kota contoh')), 'TX_FIELD_INVALID'],
      ['a network of 65 characters', envelopeWith((e) => (e.tx.network = 'k'.repeat(65))), 'TX_FIELD_INVALID'],
      ['a non-ASCII contract', envelopeWith((e) => (e.tx.contract = 'identitás')), 'TX_FIELD_INVALID'],
      ['a method starting with a dot', envelopeWith((e) => (e.tx.method = '.register')), 'TX_FIELD_INVALID'],
      ['a method with a newline', envelopeWith((e) => (e.tx.method = 'register\n')), 'TX_FIELD_INVALID'],
      // signer
      ['a signer that is not a did:key', envelopeWith((e) => (e.tx.signer = 'did:web:example.com')), 'TX_SIGNER_INVALID'],
      ['a signer with a non-base58 character', envelopeWith((e) => (e.tx.signer = `${key.did.slice(0, 20)}0${key.did.slice(21)}`)), 'TX_SIGNER_INVALID'],
      ['a signer of a truncated key', envelopeWith((e) => (e.tx.signer = key.did.slice(0, -2))), 'TX_SIGNER_INVALID'],
      ['an X25519 did:key', envelopeWith((e) => (e.tx.signer = 'did:key:z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW')), 'TX_SIGNER_INVALID'],
      // nonce
      ['an empty nonce', envelopeWith((e) => (e.tx.nonce = '')), 'TX_NONCE_INVALID'],
      ['a nonce of 65 characters', envelopeWith((e) => (e.tx.nonce = 'n'.repeat(65))), 'TX_NONCE_INVALID'],
      // expiresAt
      ['an expiry on 30 February', envelopeWith((e) => (e.tx.expiresAt = '2026-02-30T00:00:00.000Z')), 'TX_EXPIRES_INVALID'],
      ['an expiry without milliseconds', envelopeWith((e) => (e.tx.expiresAt = '2026-11-23T19:00:00Z')), 'TX_EXPIRES_INVALID'],
      ['an expiry with an offset', envelopeWith((e) => (e.tx.expiresAt = '2026-11-24T02:00:00.000+07:00')), 'TX_EXPIRES_INVALID'],
      ['an empty expiry', envelopeWith((e) => (e.tx.expiresAt = '')), 'TX_EXPIRES_INVALID'],
      // args
      ['args holding an unsafe integer (raw text)', rawWith('"name":"Siti Rahayu"', '"n":9007199254740993'), 'JSON_NUMBER_UNSAFE'],
      ['args holding 1e400 (raw text)', rawWith('"name":"Siti Rahayu"', '"n":1e400'), 'JSON_NUMBER_UNSAFE'],
      ['args holding an unsafe integer (object)', { ...fresh(), tx: { ...fresh().tx, args: { n: 2 ** 53 } } }, 'TX_ARGS_INVALID'],
      ['args holding -0 (object)', { ...fresh(), tx: { ...fresh().tx, args: { n: -0 } } }, 'TX_ARGS_INVALID'],
      ['args holding undefined (object)', { ...fresh(), tx: { ...fresh().tx, args: { n: undefined } } }, 'TX_ARGS_INVALID'],
      ['args holding a Map (object)', { ...fresh(), tx: { ...fresh().tx, args: { m: new Map() } } }, 'TX_ARGS_INVALID'],
      ['args holding a lone surrogate (object)', { ...fresh(), tx: { ...fresh().tx, args: { name: '\udc00' } } }, 'TX_ARGS_INVALID'],
      ['args holding a lone surrogate (raw text)', rawWith('"Siti Rahayu"', '"Siti \\ud800"'), 'JSON_INVALID_UNICODE'],
      ['args nested too deep', envelopeWith((e) => (e.tx.args = JSON.parse(`${'{"a":'.repeat(70)}1${'}'.repeat(70)}`) as Json)), 'JSON_TOO_DEEP'],
      // signature encoding and length
      ['a sig that is not base64', envelopeWith((e) => (e.sig = '!'.repeat(88))), 'TX_SIG_ENCODING'],
      ['a sig in base64url', envelopeWith((e) => (e.sig = valid.envelope.sig.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''))), 'TX_SIG_ENCODING'],
      ['a sig without padding', envelopeWith((e) => (e.sig = valid.envelope.sig.replace(/=+$/, ''))), 'TX_SIG_ENCODING'],
      ['a sig with non-zero trailing bits', envelopeWith((e) => (e.sig = `${valid.envelope.sig.slice(0, 85)}B==`)), 'TX_SIG_ENCODING'],
      ['a sig with a line break', envelopeWith((e) => (e.sig = `${valid.envelope.sig.slice(0, 44)}\n${valid.envelope.sig.slice(44)}`)), 'TX_SIG_ENCODING'],
      ['a sig in hex (which is valid base64, of 96 bytes)', envelopeWith((e) => (e.sig = Buffer.from(valid.signature).toString('hex'))), 'TX_SIG_LENGTH'],
      ['a sig of 63 bytes', envelopeWith((e) => (e.sig = sigOf(63))), 'TX_SIG_LENGTH'],
      ['a sig of 65 bytes', envelopeWith((e) => (e.sig = sigOf(65))), 'TX_SIG_LENGTH'],
      ['an empty sig', envelopeWith((e) => (e.sig = '')), 'TX_SIG_LENGTH'],
      // raw text the JSON layer refuses
      ['a duplicate envelope key', rawWith('{"tx":', `{"sig":"${valid.envelope.sig}","tx":`), 'JSON_DUPLICATE_KEY'],
      ['a duplicate tx key', rawWith('"nonce":"n1"', '"nonce":"n1","nonce":"n2"'), 'JSON_DUPLICATE_KEY'],
      ['a duplicate tx key spelt with an escape', rawWith('"nonce":"n1"', '"nonce":"n1","\\u006eonce":"n2"'), 'JSON_DUPLICATE_KEY'],
      ['a duplicate args key', rawWith('"name":"Siti Rahayu"', '"name":"Siti Rahayu","name":"Budi"'), 'JSON_DUPLICATE_KEY'],
      ['a trailing comma', rawWith('.000Z"}', '.000Z",}'), 'JSON_MALFORMED'],
      ['a comment', `/* hi */${TEXT}`, 'JSON_MALFORMED'],
      ['a byte order mark (text)', `\ufeff${TEXT}`, 'JSON_MALFORMED'],
      ['a byte order mark (bytes)', concatBytes(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(TEXT)), 'JSON_MALFORMED'],
      ['invalid UTF-8 bytes', concatBytes(utf8(TEXT.slice(0, 40)), Uint8Array.of(0xff), utf8(TEXT.slice(41))), 'JSON_INVALID_UNICODE'],
      ['an overlong UTF-8 sequence', concatBytes(utf8(TEXT.slice(0, 40)), Uint8Array.of(0xc1, 0x81), utf8(TEXT.slice(41))), 'JSON_INVALID_UNICODE'],
      ['a UTF-8-encoded surrogate', concatBytes(utf8(TEXT.slice(0, 40)), Uint8Array.of(0xed, 0xa0, 0x80), utf8(TEXT.slice(41))), 'JSON_INVALID_UNICODE'],
      // size
      ['65 537 bytes of text', TEXT.slice(0, -1) + ' '.repeat(MAX_ENVELOPE_BYTES + 1 - TEXT.length) + '}', 'TX_TOO_LARGE'],
      ['65 537 bytes', utf8(TEXT.slice(0, -1) + ' '.repeat(MAX_ENVELOPE_BYTES + 1 - TEXT.length) + '}'), 'TX_TOO_LARGE'],
      ['text under 64 Ki characters but over 64 KiB of UTF-8', envelopeWith((e) => (e.tx.args = { name: '€'.repeat(22_000) })), 'TX_TOO_LARGE'],
      ['text of astral characters over 64 KiB of UTF-8', envelopeWith((e) => (e.tx.args = { name: '😀'.repeat(16_400) })), 'TX_TOO_LARGE'],
      ['ten megabytes of text', `{"tx":"${'a'.repeat(10_000_000)}"}`, 'TX_TOO_LARGE'],
      ['ten megabytes of bytes', new Uint8Array(10_000_000).fill(0x20), 'TX_TOO_LARGE'],
    ]
    for (const [name, input, code] of cases) {
      it(`refuses ${name} with ${code}`, () => {
        expect(codeOf(() => parseEnvelope(input))).toBe(code)
      })
    }

    it('uses only codes from TX_ERROR_CODES or JSON_*, each of the listed parse codes at least once', () => {
      const codes = new Set(cases.map(([, , c]) => c))
      for (const c of codes) expect(c in TX_ERROR_CODES || c.startsWith('JSON_')).toBe(true)
      const parseCodes = Object.keys(TX_ERROR_CODES).filter((c) => !['TX_BAD_SIGNATURE', 'TX_WRONG_NETWORK', 'TX_EXPIRED', 'TX_TOO_FAR_AHEAD'].includes(c))
      for (const c of parseCodes) expect(codes, c).toContain(c)
    })

    it('names the offending field in the error details', () => {
      try {
        parseEnvelope(envelopeWith((e) => (e.tx.nonce = '')))
        expect.unreachable()
      } catch (e) {
        expect((e as SaksiError).details).toEqual({ field: 'tx.nonce' })
        expect((e as SaksiError).kind).toBe('validation')
      }
    })
  })

  describe('when the input is hostile (property test, seeded)', () => {
    it('never throws anything but a SaksiError with a TX_* or JSON_* code, and never accepts a changed transaction that verifies', () => {
      let state = 20261123
      const next = (n: number): number => {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0
        return state % n
      }
      const interesting = ['"', '\\', ',', ':', '{', '}', '[', ']', '0', '9', '-', 'e', ' ', '\n', 'u', 'n', '\u0000', '\ud800', '€', '😀', '=', '+', '/', 'A']
      const base = utf8(TEXT)
      const outcomes = { verified: 0, badSignature: 0, refused: 0 }
      for (let i = 0; i < 4000; i++) {
        const kind = next(5)
        let input: string | Uint8Array
        if (kind === 0) {
          // byte flips in the UTF-8
          const b = base.slice()
          for (let k = 1 + next(3); k > 0; k--) b[next(b.length)]! ^= 1 << next(8)
          input = b
        } else if (kind === 1) {
          // truncation
          input = next(2) === 0 ? TEXT.slice(0, next(TEXT.length)) : base.subarray(0, next(base.length))
        } else if (kind === 2) {
          // insertion
          const at = next(TEXT.length + 1)
          input = TEXT.slice(0, at) + interesting[next(interesting.length)]! + TEXT.slice(at)
        } else if (kind === 3) {
          // deletion of a short run
          const at = next(TEXT.length)
          input = TEXT.slice(0, at) + TEXT.slice(at + 1 + next(4))
        } else {
          // character substitution inside the text
          const at = next(TEXT.length)
          input = TEXT.slice(0, at) + interesting[next(interesting.length)]! + TEXT.slice(at + 1)
        }
        let parsed
        try {
          parsed = parseEnvelope(input)
        } catch (e) {
          expect(e, `input ${i}`).toBeInstanceOf(SaksiError)
          const code = (e as SaksiError).code
          expect(code in TX_ERROR_CODES || code.startsWith('JSON_'), `${code} for input ${i}`).toBe(true)
          outcomes.refused++
          continue
        }
        try {
          verifyParsedEnvelope(parsed)
        } catch (e) {
          expect(e).toBeInstanceOf(SaksiError)
          expect((e as SaksiError).code).toBe('TX_BAD_SIGNATURE')
          outcomes.badSignature++
          continue
        }
        // Accepted and verifying: then it is the very same transaction.
        expect(parsed.txId).toBe(valid.txId)
        expect(parsed.envelope).toEqual(valid.envelope)
        outcomes.verified++
      }
      expect(outcomes.refused).toBeGreaterThan(1000)
      expect(outcomes.badSignature).toBeGreaterThan(50)
      expect(outcomes.verified).toBeGreaterThan(10)
    })

    it('refuses a signature from another key for the same transaction', () => {
      const forged = { tx: valid.envelope.tx, sig: toBase64(other.sign(valid.signingInput)) }
      expect(codeOf(() => verifyParsedEnvelope(parseEnvelope(forged)))).toBe('TX_BAD_SIGNATURE')
      expect(fromBase64(forged.sig)).toHaveLength(64)
    })
  })
})

describe('parseEnvelope on a caller\'s object', () => {
  describe('when a field is a getter that changes its answer', () => {
    it('signs exactly what it checked (each field is read once)', () => {
      const e = JSON.parse(TEXT) as { tx: Record<string, unknown>; sig: string }
      let reads = 0
      Object.defineProperty(e.tx, 'network', {
        enumerable: true,
        get: () => (reads++ === 0 ? 'kota-contoh' : 'kota lain, not a name'),
      })
      const p = parseEnvelope(e)
      expect(reads).toBe(1)
      expect(p.envelope.tx.network).toBe('kota-contoh')
      expect(p.txId).toBe(valid.txId)
    })
  })
})
