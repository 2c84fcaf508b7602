/** Conformance suite, part 3: refused commits leave nothing behind; a reopened store sees everything. */
import { describe, expect, it } from 'vitest'
import type { JsonValue } from '../../../packages/saksi/src/core/encoding/json.js'
import { expectCode, expectExactly, forge, hex, type ConformanceContext } from './conformance-helpers.js'

/** Declares the refusal, atomicity and reopen tests (see `describeLedgerStoreConformance`). */
export function describeRefusals(ctx: ConformanceContext): void {
  // Blocks 0-2 committed; block 3 (fixture.blocks[2]) is the next one, with 14 entries and writes.
  const setUp = async () => {
    const f = ctx.fixture()
    const store = await ctx.filled(2)
    return { f, store, committed: f.chain.commits.slice(0, 3), next: f.blocks[2]! }
  }

  describe('when a commit is refused', () => {
    it('refuses a height that does not follow the head with STORE_BLOCK_OUT_OF_ORDER', async () => {
      const { f, store, committed, next } = await setUp()
      await expectCode(store.commitBlock(f.blocks[3]!), 'STORE_BLOCK_OUT_OF_ORDER')
      await expectCode(store.commitBlock(f.blocks[1]!), 'STORE_BLOCK_OUT_OF_ORDER')
      await expectCode(store.commitBlock(forge(next, (c) => (c.block.header.height = 2))), 'STORE_BLOCK_OUT_OF_ORDER')
      await expectExactly(store, committed, f)
    })

    it('refuses entries that do not continue the log with STORE_BLOCK_OUT_OF_ORDER', async () => {
      const { f, store, committed, next } = await setUp()
      const shifted = forge(next, (c) => {
        c.block.header.firstIndex += 1
        c.block.header.size += 1
      })
      await expectCode(store.commitBlock(shifted), 'STORE_BLOCK_OUT_OF_ORDER')
      await expectCode(store.commitBlock(forge(next, (c) => (c.entries[1]!.index += 1))), 'STORE_BLOCK_OUT_OF_ORDER')
      await expectExactly(store, committed, f)
    })

    it('refuses a transaction id that is already committed, or twice in the block, with STORE_DUPLICATE_TX', async () => {
      const { f, store, committed, next } = await setUp()
      const old = committed[1]!.entries[4]!.txId
      await expectCode(store.commitBlock(forge(next, (c) => (c.entries[0]!.txId = old))), 'STORE_DUPLICATE_TX')
      await expectCode(store.commitBlock(forge(next, (c) => (c.entries[5]!.txId = c.entries[4]!.txId))), 'STORE_DUPLICATE_TX')
      await expectExactly(store, committed, f)
    })

    it('refuses a commit that contradicts itself with STORE_COMMIT_INVALID', async () => {
      const { f, store, committed, next } = await setUp()
      await expectCode(store.commitBlock(forge(next, (c) => c.entries.pop())), 'STORE_COMMIT_INVALID')
      await expectCode(store.commitBlock(forge(next, (c) => c.nodes.pop())), 'STORE_COMMIT_INVALID')
      await expectCode(store.commitBlock(forge(next, (c) => c.nodes.push(c.nodes[0]!))), 'STORE_COMMIT_INVALID')
      await expectCode(store.commitBlock(forge(next, (c) => (c.nodes[0] = { ...c.nodes[0]!, hash: new Uint8Array(31) }))), 'STORE_COMMIT_INVALID')
      await expectCode(store.commitBlock(forge(next, (c) => (c.nodes[0] = { level: 0, index: 0, hash: new Uint8Array(32) }))), 'STORE_COMMIT_INVALID')
      await expectExactly(store, committed, f)
    })

    it('leaves no partial rows when a commit fails midway, and then takes the right block', async () => {
      const { f, store, committed, next } = await setUp()
      const old = committed[1]!.entries[0]!.txId
      await expectCode(store.commitBlock(forge(next, (c) => (c.entries[2]!.txId = old))), 'STORE_DUPLICATE_TX')
      expect(await store.findTx(next.entries[0]!.txId)).toBeUndefined()
      await expectExactly(store, committed, f)
      const badValue = { contract: 'notes', key: 'bad', value: (() => 1) as unknown as JsonValue }
      await expectCode(store.commitBlock(forge(next, (c) => c.writes.push(badValue))), 'STORE_COMMIT_INVALID')
      await expectExactly(store, committed, f)
      await store.commitBlock(next)
      await expectExactly(store, [...committed, next], f)
    })
  })

  // Only drivers that persist can be reopened; the memory driver declares no reopen test at all.
  const reopen = ctx.reopen
  if (reopen) describe('when the store is reopened', () => {
    it('sees everything committed before, and carries on from its head', async () => {
      const f = ctx.fixture()
      const first = await ctx.filled(3)
      const store = await reopen(first)
      expect(await store.genesis()).toEqual(f.genesis)
      await expectExactly(store, f.chain.commits.slice(0, 4), f)
      for (const e of f.chain.commits.slice(0, 4).flatMap((c) => c.entries)) expect(hex(await store.getEntry(e.index))).toBe(hex(e.bytes))
      for (const b of f.blocks.slice(3)) await store.commitBlock(b)
      await expectExactly(store, f.chain.commits, f)
      const again = await reopen(store)
      await expectExactly(again, f.chain.commits, f)
      expect(await again.entriesBySigner(f.busySigner, -1, 1000)).toEqual(
        f.chain.commits.flatMap((c) => c.entries.filter((e) => e.signer === f.busySigner).map((e) => e.index)),
      )
    })
  })
}
