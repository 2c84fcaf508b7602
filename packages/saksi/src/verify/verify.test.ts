import { describe, expect, it } from 'vitest'
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { base58 } from '@scure/base'
import { leafHash, parseCheckpoint, verifyCheckpoint, verifyConsistency, verifyEnvelope, verifyInclusion, SaksiError } from './index.js'
import { sharedTestdata } from '../../../../test/support/shared-testdata.js'
import { prng } from '../../../../test/support/prng.js'

// Independent reference implementations: node:crypto and the definitions of RFC 6962 section 2.1,
// written here without any of Saksi's code, so the module is checked against cases it did not make.
const sha = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(createHash('sha256').update(Buffer.concat(parts)).digest())
const LEAF = Uint8Array.of(0)
const NODE = Uint8Array.of(1)
const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64')

function k(n: number): number {
  let p = 1
  while (p * 2 < n) p *= 2
  return p
}
function mth(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha()
  if (leaves.length === 1) return sha(LEAF, leaves[0]!)
  const s = k(leaves.length)
  return sha(NODE, mth(leaves.slice(0, s)), mth(leaves.slice(s)))
}
function path(m: number, leaves: Uint8Array[]): Uint8Array[] {
  if (leaves.length <= 1) return []
  const s = k(leaves.length)
  return m < s ? [...path(m, leaves.slice(0, s)), mth(leaves.slice(s))] : [...path(m - s, leaves.slice(s)), mth(leaves.slice(0, s))]
}
function subproof(m: number, leaves: Uint8Array[], b: boolean): Uint8Array[] {
  const n = leaves.length
  if (m === n) return b ? [] : [mth(leaves)]
  const s = k(n)
  return m <= s ? [...subproof(m, leaves.slice(0, s), b), mth(leaves.slice(s))] : [...subproof(m - s, leaves.slice(s), false), mth(leaves.slice(0, s))]
}


const vectors = sharedTestdata('rfc6962')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.json') ? [join(dir, n)] : []))
}

describe('verifyInclusion and verifyConsistency', () => {
  describe('when given the shared RFC 6962 vectors as base64 strings', () => {
    for (const file of files(join(vectors, 'inclusion'))) {
      const v = JSON.parse(readFileSync(file, 'utf8'))
      it(`inclusion ${relative(vectors, file)}`, () => {
        expect(verifyInclusion({ leafHash: v.leafHash, index: v.leafIdx, size: v.treeSize, proof: v.proof, root: v.root })).toBe(!v.wantErr)
      })
    }
    for (const file of files(join(vectors, 'consistency'))) {
      const v = JSON.parse(readFileSync(file, 'utf8'))
      it(`consistency ${relative(vectors, file)}`, () => {
        expect(verifyConsistency({ size1: v.size1, size2: v.size2, root1: v.root1, root2: v.root2, proof: v.proof })).toBe(!v.wantErr)
      })
    }
  })

  describe('when given independently generated trees', () => {
    const rand = prng(42)
    const leaves = Array.from({ length: 300 }, (_, i) => new TextEncoder().encode(`entry ${i} ${rand()}`))
    it('accepts every proof of the reference implementation and refuses altered ones', () => {
      let checked = 0
      for (let trial = 0; trial < 120; trial++) {
        const n = 1 + Math.floor(rand() * leaves.length)
        const m = Math.floor(rand() * n)
        const tree = leaves.slice(0, n)
        const r = mth(tree)
        const proof = path(m, tree)
        const lh = leafHash(tree[m]!)
        expect(b64(lh)).toBe(b64(sha(LEAF, tree[m]!)))
        expect(verifyInclusion({ leafHash: lh, index: m, size: n, proof, root: r })).toBe(true)
        expect(verifyInclusion({ leafHash: b64(lh), index: m, size: n, proof: proof.map(b64), root: b64(r) })).toBe(true)
        expect(verifyInclusion({ leafHash: lh, index: (m + 1) % n, size: n, proof, root: r })).toBe(n === 1)
        if (proof.length > 0) {
          const bad = proof.map((h) => h.slice())
          bad[0]![0]! ^= 1
          expect(verifyInclusion({ leafHash: lh, index: m, size: n, proof: bad, root: r })).toBe(false)
        }
        const size1 = 1 + Math.floor(rand() * n)
        const cproof = size1 === n ? [] : subproof(size1, tree, true)
        const r1 = mth(leaves.slice(0, size1))
        expect(verifyConsistency({ size1, size2: n, root1: r1, root2: r, proof: cproof })).toBe(true)
        expect(verifyConsistency({ size1, size2: n, root1: r, root2: r1, proof: cproof })).toBe(size1 === n)
        checked++
      }
      expect(checked).toBe(120)
    })

    it('answers false, never throws, for malformed input', () => {
      const bad = [
        { leafHash: 'not base64!', index: 0, size: 1, proof: [], root: b64(sha()) },
        { leafHash: new Uint8Array(31), index: 0, size: 1, proof: [], root: new Uint8Array(31) },
        { leafHash: new Uint8Array(32), index: -1, size: 1, proof: [], root: new Uint8Array(32) },
        { leafHash: new Uint8Array(32), index: 0, size: 2 ** 60, proof: [], root: new Uint8Array(32) },
        { leafHash: new Uint8Array(32), index: 0, size: 2, proof: 'x' as never, root: new Uint8Array(32) },
      ]
      for (const args of bad) expect(verifyInclusion(args)).toBe(false)
      expect(verifyConsistency({ size1: 2, size2: 1, root1: '', root2: '', proof: [] })).toBe(false)
      expect(verifyInclusion(null as never)).toBe(false)
      expect(verifyConsistency(undefined as never)).toBe(false)
      expect(() => leafHash([] as never)).toThrowError(expect.objectContaining({ code: 'VERIFY_INPUT_INVALID' }))
      expect(verifyConsistency({ size1: 1.5, size2: 3, root1: new Uint8Array(32), root2: new Uint8Array(32), proof: [] })).toBe(false)
    })
  })
})

/** A checkpoint signed with node:crypto and the C2SP formats written out by hand. */
function handSignedCheckpoint(origin: string, size: number, rootHash: Uint8Array, key: { privateKey: KeyObject; publicKey: KeyObject }) {
  const pub = new Uint8Array(key.publicKey.export({ format: 'der', type: 'spki' }).subarray(12))
  const keyId = sha(new TextEncoder().encode(origin + '\n'), Uint8Array.of(1), pub).subarray(0, 4)
  const vkey = `${origin}+${Buffer.from(keyId).toString('hex')}+${b64(Uint8Array.of(1, ...pub))}`
  const text = `${origin}\n${size}\n${b64(rootHash)}\n`
  const sig = sign(null, Buffer.from(text), key.privateKey)
  return { vkey, note: `${text}\n\u2014 ${origin} ${b64(Uint8Array.of(...keyId, ...sig))}\n` }
}

describe('parseCheckpoint and verifyCheckpoint', () => {
  const key = generateKeyPairSync('ed25519')
  const r = sha(new TextEncoder().encode('root'))
  const { vkey, note } = handSignedCheckpoint('saksi.example/kota-contoh', 42, r, key)

  it('verifies a checkpoint signed outside Saksi', () => {
    const c = verifyCheckpoint(note, [vkey])
    expect(c).toMatchObject({ origin: 'saksi.example/kota-contoh', size: 42, rootBase64: b64(r), signers: ['saksi.example/kota-contoh'] })
    expect(parseCheckpoint(note)).toMatchObject({ origin: 'saksi.example/kota-contoh', size: 42, rootBase64: b64(r) })
  })

  it('throws coded errors for another key, a changed size and another origin', () => {
    const other = handSignedCheckpoint('saksi.example/kota-contoh', 42, r, generateKeyPairSync('ed25519'))
    const code = (f: () => unknown) => {
      try {
        f()
      } catch (e) {
        return e instanceof SaksiError ? e.code : 'UNTYPED'
      }
    }
    expect(code(() => verifyCheckpoint(note, [other.vkey]))).toBe('NOTE_NO_KNOWN_SIGNATURE')
    expect(code(() => verifyCheckpoint(note.replace('\n42\n', '\n43\n'), [vkey]))).toBe('NOTE_BAD_SIGNATURE')
    expect(code(() => verifyCheckpoint(note, [vkey], { origin: 'saksi.example/lain' }))).toBe('CHECKPOINT_ORIGIN_MISMATCH')
    expect(code(() => parseCheckpoint('garbage'))).toMatch(/^(NOTE|CHECKPOINT)_/)
  })
})

describe('verifyEnvelope', () => {
  // JCS for the simple values used here: sorted keys, JSON.stringify for strings and integers.
  const jcs = (v: unknown): string =>
    v !== null && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${jcs((v as Record<string, unknown>)[key])}`)
          .join(',')}}`
      : JSON.stringify(v)

  function handSigned(args: Record<string, unknown>) {
    const key = generateKeyPairSync('ed25519')
    const pub = key.publicKey.export({ format: 'der', type: 'spki' }).subarray(12)
    const signer = `did:key:z${base58.encode(Uint8Array.of(0xed, 0x01, ...pub))}`
    const tx = { v: 1, network: 'kota-contoh', contract: 'identity', method: 'register', args, signer, nonce: 'abc', expiresAt: '2026-11-23T19:00:00.000Z' }
    const input = Buffer.from(`saksi/tx/v1\n${jcs(tx)}`)
    return { envelope: { tx, sig: b64(sign(null, input, key.privateKey)) }, txId: createHash('sha256').update(input).digest('hex') }
  }

  it('returns the txId of an envelope signed outside Saksi, as object, text and bytes', () => {
    const { envelope, txId } = handSigned({ name: 'Budi Santoso', z: 1, a: 'é' })
    expect(verifyEnvelope(envelope)).toEqual({ txId })
    expect(verifyEnvelope(JSON.stringify(envelope))).toEqual({ txId })
    expect(verifyEnvelope(new TextEncoder().encode(JSON.stringify(envelope)))).toEqual({ txId })
  })

  it('throws TX_BAD_SIGNATURE for a changed argument', () => {
    const { envelope } = handSigned({ name: 'Budi' })
    envelope.tx.args = { name: 'Budi2' }
    expect(() => verifyEnvelope(envelope)).toThrowError(expect.objectContaining({ code: 'TX_BAD_SIGNATURE' }))
  })
})
