import { describe, expect, it } from 'vitest'
import { KeyPair } from '../keys/key-pair.js'
import { signTx } from '../tx/sign-tx.js'
import { toBase64 } from '../encoding/base64.js'
import { fromUtf8, utf8 } from '../encoding/bytes.js'
import { encodeEntry, type Entry } from './entry.js'
import { parseEntry } from './parse-entry.js'
import { codeOf } from '../../../../../test/support/code-of.js'

const key = KeyPair.fromSeed(new Uint8Array(32).fill(3))
const parsed = signTx(
  { network: 'kota-contoh', contract: 'identity', method: 'register', args: { name: 'Siti Rahayu' }, nonce: 'n1', expiresAt: '2026-11-23T19:00:00.000Z' },
  key,
)
const writes = toBase64(new Uint8Array(32).fill(5))

function entry(over: Partial<Entry> = {}): Entry {
  return {
    v: 1,
    index: 41,
    block: 7,
    time: '2026-11-23T18:30:00.000Z',
    txId: parsed.txId,
    tx: parsed.envelope.tx,
    sig: parsed.envelope.sig,
    result: { status: 'ok', events: [{ type: 'identity.Registered', data: { did: key.did } }], writes },
    ...over,
  }
}

describe('encodeEntry', () => {
  it('writes JCS: sorted keys, no whitespace', () => {
    const text = fromUtf8(encodeEntry(entry()))
    expect(text.startsWith('{"block":7,"index":41,"result":{"events":[{"data":{"did":')).toBe(true)
    expect(text).not.toMatch(/\s"/)
  })
})

describe('parseEntry', () => {
  it('round-trips ok and failed entries', () => {
    const ok = entry()
    expect(parseEntry(encodeEntry(ok))).toEqual(ok)
    const failed = entry({ result: { status: 'failed', code: 'IDENTITY_EXISTS', message: 'already registered', events: [], writes } })
    expect(parseEntry(encodeEntry(failed))).toEqual(failed)
  })

  describe('when the bytes are wrong', () => {
    const cases: Array<[string, Uint8Array, string]> = [
      ['not UTF-8', Uint8Array.from([0xff, 0xfe]), 'ENTRY_MALFORMED'],
      ['not JSON', utf8('{"v":1'), 'JSON_MALFORMED'],
      ['an array', utf8('[]'), 'ENTRY_MALFORMED'],
      ['a missing field', utf8(JSON.stringify({ ...entry(), index: undefined })), 'ENTRY_MALFORMED'],
      ['an extra field', encodeEntry({ ...entry(), extra: 1 } as unknown as Entry), 'ENTRY_MALFORMED'],
      ['a negative index', encodeEntry(entry({ index: -1 })), 'ENTRY_MALFORMED'],
      ['a wrong txId', encodeEntry(entry({ txId: '00'.repeat(32) })), 'ENTRY_TXID_MISMATCH'],
      ['an unknown status', encodeEntry(entry({ result: { status: 'maybe', events: [], writes } as never })), 'ENTRY_MALFORMED'],
      ['a failed result with events', encodeEntry(entry({ result: { status: 'failed', code: 'X', events: [{ type: 'a', data: {} }], writes } as never })), 'ENTRY_MALFORMED'],
      ['a lower-case code', encodeEntry(entry({ result: { status: 'failed', code: 'oops', events: [], writes } })), 'ENTRY_MALFORMED'],
      ['short writes', encodeEntry(entry({ result: { status: 'ok', events: [], writes: 'AAAA' } })), 'BASE64_WRONG_LENGTH'],
      ['pretty-printed JSON', utf8(JSON.stringify(entry(), null, 1)), 'ENTRY_NOT_CANONICAL'],
      ['a bad time', encodeEntry(entry({ time: 'yesterday' })), 'TIME_INVALID'],
    ]
    for (const [name, bytes, code] of cases) {
      it(`refuses ${name} with ${code}`, () => {
        expect(codeOf(() => parseEntry(bytes))).toBe(code)
      })
    }
  })
})

describe('encodeEntry with the signing input (fast path)', () => {
  it('gives exactly the JCS bytes for ok and failed results, odd strings and large numbers', () => {
    const odd = signTx(
      { network: 'kota-contoh', contract: 'identity', method: 'register', args: { name: 'Dewi \u00e9\u{1F600} "q" \\ \n', n: 9007199254740991, e: 1e-7, f: 0.1, list: [3, { b: 1, a: 2 }] }, nonce: 'é', expiresAt: '2026-11-23T19:00:00.000Z' },
      key,
    )
    const cases: Entry[] = [
      entry(),
      entry({ index: 9_007_199_254_740_991, result: { status: 'failed', code: 'IDENTITY_EXISTS', message: 'sudah "terdaftar"', events: [], writes } }),
      { ...entry(), txId: odd.txId, tx: odd.envelope.tx, sig: odd.envelope.sig },
    ]
    for (const [i, e] of cases.entries()) {
      const signingInput = i === 2 ? odd.signingInput : parsed.signingInput
      expect(fromUtf8(encodeEntry(e, signingInput))).toBe(fromUtf8(encodeEntry(e)))
    }
  })
})
