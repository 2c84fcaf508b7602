import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { KeyPair } from '../keys/key-pair.js'
import { toBase64 } from '../encoding/base64.js'
import { blockHash, genesisHash, INITIAL_STATE_DIGEST, nextStateDigest, type BlockHeader } from './block-header.js'
import { signBlock } from './sign-block.js'
import { parseSignedBlock } from './parse-block.js'
import { verifyBlockLink, verifyBlockSignature } from './verify-block.js'
import { codeOf } from '../../../../../test/support/code-of.js'

const proposer = KeyPair.fromSeed(new Uint8Array(32).fill(7))
const genesis = { network: 'kota-contoh', origin: 'saksi.example/kota-contoh' }
const zero = toBase64(new Uint8Array(32))

function header(over: Partial<BlockHeader> = {}): BlockHeader {
  return {
    v: 1,
    network: 'kota-contoh',
    height: 0,
    prev: toBase64(genesisHash(genesis)),
    time: '2026-11-23T18:30:00.000Z',
    firstIndex: 0,
    size: 3,
    logRoot: zero,
    stateDigest: zero,
    proposer: proposer.did,
    ...over,
  }
}

describe('blockHash', () => {
  it('is SHA-256 of the JCS of the header, independent of key order', () => {
    const h = header()
    const reordered = Object.fromEntries(Object.entries(h).reverse()) as unknown as BlockHeader
    const jcs = JSON.stringify(Object.fromEntries(Object.entries(h).sort(([a], [b]) => (a < b ? -1 : 1))))
    const expected = createHash('sha256').update(jcs).digest()
    expect(Buffer.from(blockHash(h))).toEqual(expected)
    expect(blockHash(reordered)).toEqual(blockHash(h))
  })
})

describe('nextStateDigest', () => {
  it('chains SHA-256(previous ‖ write-set hash), starting from 32 zero bytes', () => {
    const ws = new Uint8Array(32).fill(1)
    const expected = createHash('sha256').update(Buffer.concat([Buffer.alloc(32), Buffer.from(ws)])).digest()
    expect(Buffer.from(nextStateDigest(INITIAL_STATE_DIGEST, ws))).toEqual(expected)
  })
})

describe('signBlock and verifyBlockSignature', () => {
  it('round-trips a header signed by its proposer', () => {
    const signed = signBlock(header(), proposer)
    expect(() => verifyBlockSignature(parseSignedBlock(JSON.parse(JSON.stringify(signed))), [proposer.did])).not.toThrow()
  })

  describe('when anything is changed', () => {
    it('refuses a changed header field', () => {
      const signed = signBlock(header(), proposer)
      for (const change of [{ size: 4 }, { stateDigest: toBase64(new Uint8Array(32).fill(9)) }, { time: '2026-11-23T18:30:00.001Z' }]) {
        expect(codeOf(() => verifyBlockSignature({ ...signed, header: { ...signed.header, ...change } }, [proposer.did]))).toBe('BLOCK_BAD_SIGNATURE')
      }
    })

    it('refuses an unknown proposer', () => {
      expect(codeOf(() => verifyBlockSignature(signBlock(header(), proposer), [KeyPair.generate().did]))).toBe('BLOCK_PROPOSER_UNKNOWN')
    })

    it('refuses to sign for another proposer', () => {
      expect(codeOf(() => signBlock(header(), KeyPair.generate()))).toBe('BLOCK_PROPOSER_MISMATCH')
    })
  })
})

describe('parseSignedBlock', () => {
  const good = signBlock(header(), proposer)
  const cases: Array<[string, unknown]> = [
    ['not an object', 'x'],
    ['extra envelope field', { ...good, extra: 1 }],
    ['missing header field', { ...good, header: { ...good.header, size: undefined } }],
    ['unknown header field', { ...good, header: { ...good.header, x: 1 } }],
    ['v 2', { ...good, header: { ...good.header, v: 2 } }],
    ['negative height', { ...good, header: { ...good.header, height: -1 } }],
    ['fractional size', { ...good, header: { ...good.header, size: 1.5 } }],
    ['firstIndex after size', { ...good, header: { ...good.header, firstIndex: 9 } }],
    ['short logRoot', { ...good, header: { ...good.header, logRoot: 'AAAA' } }],
    ['bad time', { ...good, header: { ...good.header, time: '2026-11-23T18:30:00Z' } }],
    ['bad proposer', { ...good, header: { ...good.header, proposer: 'did:key:zzz' } }],
    ['short sig', { ...good, sig: toBase64(new Uint8Array(63)) }],
  ]
  for (const [name, value] of cases) {
    it(`refuses ${name} with BLOCK_MALFORMED`, () => {
      expect(codeOf(() => parseSignedBlock(JSON.parse(JSON.stringify(value))))).toBe('BLOCK_MALFORMED')
    })
  }
})

describe('verifyBlockLink', () => {
  const b0 = header()
  const b1 = header({ height: 1, prev: toBase64(blockHash(b0)), firstIndex: 3, size: 5, time: '2026-11-23T18:30:01.000Z' })

  it('accepts block 0 after genesis and block 1 after block 0', () => {
    expect(() => verifyBlockLink(b0, { genesisHash: genesisHash(genesis), network: 'kota-contoh' })).not.toThrow()
    expect(() => verifyBlockLink(b1, b0)).not.toThrow()
  })

  describe('when the chain is broken', () => {
    const cases: Array<[string, Partial<BlockHeader>]> = [
      ['wrong prev', { prev: zero }],
      ['skipped height', { height: 2 }],
      ['gap in indexes', { firstIndex: 4 }],
      ['other network', { network: 'kota-lain' }],
      ['time going back', { time: '2026-11-23T18:29:59.999Z' }],
    ]
    for (const [name, change] of cases) {
      it(`refuses ${name}`, () => {
        expect(codeOf(() => verifyBlockLink({ ...b1, ...change }, b0))).toBe('BLOCK_CHAIN_BROKEN')
      })
    }
    it('refuses a block 0 whose prev is not the genesis hash', () => {
      expect(codeOf(() => verifyBlockLink({ ...b0, prev: zero }, { genesisHash: genesisHash(genesis), network: 'kota-contoh' }))).toBe('BLOCK_CHAIN_BROKEN')
    })
  })
})

describe('buildBlockHeader', () => {
  it('links block 0 to the genesis hash and each next block to the previous header', async () => {
    const { buildBlockHeader } = await import('./build-block-header.js')
    const root = new Uint8Array(32).fill(2)
    const b0 = buildBlockHeader({ network: 'kota-contoh', genesisHash: genesisHash(genesis) }, { time: '2026-11-23T18:30:00.000Z', size: 0, logRoot: root, stateDigest: root, proposer: proposer.did })
    expect(b0).toMatchObject({ height: 0, firstIndex: 0, prev: toBase64(genesisHash(genesis)) })
    expect(() => verifyBlockLink(b0, { genesisHash: genesisHash(genesis), network: 'kota-contoh' })).not.toThrow()
    const b1 = buildBlockHeader(b0, { time: '2026-11-23T18:30:01.000Z', size: 4, logRoot: root, stateDigest: root, proposer: proposer.did })
    expect(b1).toMatchObject({ height: 1, firstIndex: 0, size: 4, prev: toBase64(blockHash(b0)) })
    expect(() => verifyBlockLink(b1, b0)).not.toThrow()
  })
})
