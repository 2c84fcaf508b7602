import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeyPair } from '../../core/keys/key-pair.js'
import { leafHash, verifyCheckpoint, verifyConsistency, verifyInclusion } from '../../verify/index.js'
import { listenApi, type ListeningApi } from '../../../../../src/api/testing/listen-api.js'
import { getBlock } from './get-block.js'
import { getCheckpoint } from './get-checkpoint.js'
import { getConsistencyProof } from './get-consistency-proof.js'
import { getEntry } from './get-entry.js'
import { getEntryBytes } from './get-entry-bytes.js'
import { getInclusionProof } from './get-inclusion-proof.js'
import { sendTransaction } from './send-transaction.js'
import { caught } from '../testing/caught.js'

let api: ListeningApi
const txIds: string[] = []

beforeAll(async () => {
  api = await listenApi()
  for (const name of ['Siti Rahayu', 'Budi Santoso', 'Dewi Lestari']) {
    txIds.push((await sendTransaction(api.client, { signer: KeyPair.generate(), contract: 'identity', method: 'register', args: { name }, wait: true })).txId)
  }
})
afterAll(async () => {
  await api.close()
})

describe('getCheckpoint', () => {
  describe('when the log holds entries', () => {
    it("answers a note that verifies under the node's vkey", async () => {
      const c = verifyCheckpoint(await getCheckpoint(api.client), api.node.info().vkey)
      expect(c.size).toBe(api.node.size())
    })
  })
})

describe('getEntry', () => {
  describe('when the index is in the log', () => {
    it('answers the parsed entry', async () => {
      const index = api.node.size() - 1
      expect(await getEntry(api.client, { index })).toMatchObject({ v: 1, index, txId: txIds.at(-1), result: { status: 'ok' } })
    })
  })

  describe('when the index is past the end', () => {
    it('throws a 404', async () => {
      expect(await caught(getEntry(api.client, { index: 1000 }))).toMatchObject({ status: 404, kind: 'not_found' })
    })
  })
})

describe('getEntryBytes', () => {
  describe('when the index is in the log', () => {
    it('answers the exact stored bytes', async () => {
      expect(await getEntryBytes(api.client, { index: 0 })).toEqual(await api.node.entry(0))
    })
  })
})

describe('getInclusionProof', () => {
  describe('when the entry is in the tree', () => {
    it("answers a proof that verifies against the checkpoint's root", async () => {
      const c = verifyCheckpoint(await getCheckpoint(api.client), api.node.info().vkey)
      const index = c.size - 2
      const p = await getInclusionProof(api.client, { index, size: c.size })
      expect(p).toMatchObject({ index, size: c.size })
      const leaf = leafHash(await getEntryBytes(api.client, { index }))
      expect(verifyInclusion({ leafHash: leaf, index, size: c.size, proof: p.proof, root: c.root })).toBe(true)
    })
  })

  describe('when the index is not below the size', () => {
    it('throws a 400 with the node code', async () => {
      expect(await caught(getInclusionProof(api.client, { index: 5, size: 5 }))).toMatchObject({ status: 400, code: expect.any(String) })
    })
  })
})

describe('getConsistencyProof', () => {
  describe('when both sizes are in the log', () => {
    it('answers a proof that the older tree is a prefix of the newer', async () => {
      const c = verifyCheckpoint(await getCheckpoint(api.client), api.node.info().vkey)
      const old = await getBlock(api.client, { height: 1 })
      const p = await getConsistencyProof(api.client, { from: old.header.size, to: c.size })
      expect(p).toMatchObject({ from: old.header.size, to: c.size })
      expect(verifyConsistency({ size1: old.header.size, size2: c.size, root1: old.header.logRoot, root2: c.root, proof: p.proof })).toBe(true)
    })
  })
})

describe('getBlock', () => {
  describe('when no height is given', () => {
    it('answers the latest signed block', async () => {
      const latest = await getBlock(api.client)
      expect(latest).toEqual(await api.node.block('latest'))
      expect(latest.header.size).toBe(api.node.size())
    })
  })

  describe('when a height is given', () => {
    it('answers that block', async () => {
      expect((await getBlock(api.client, { height: 0 })).header.height).toBe(0)
    })
  })

  describe('when the height is not produced yet', () => {
    it('throws a 404', async () => {
      expect(await caught(getBlock(api.client, { height: 10_000 }))).toMatchObject({ status: 404 })
    })
  })
})
