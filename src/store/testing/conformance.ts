/**
 * The LedgerStore conformance suite: every driver (memory, SQLite, PostgreSQL next) must pass it.
 * A driver's test file calls {@link describeLedgerStoreConformance} with a factory of empty stores.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { toKeyRange } from '../../../packages/saksi/src/core/state/key-range.js'
import type { LedgerStore } from '../ledger-store.js'
import { replayState } from './chain-builder.js'
import { expectCode, expectStateEqual, expectThrowsCode, stateRange, stateValue, type ConformanceContext } from './conformance-helpers.js'
import { describeStateDigest } from './conformance-digest.js'
import { describeReads } from './conformance-reads.js'
import { describeRefusals } from './conformance-refusals.js'
import { buildLedgerFixture, type LedgerFixture } from './ledger-fixture.js'

/**
 * Declares the conformance tests for one driver.
 * @param name the driver's name, for test titles
 * @param open opens a new, empty store
 * @param reopen closes a store and opens the same database again (durable drivers); the
 *   reopen tests are skipped without it
 */
export function describeLedgerStoreConformance(name: string, open: () => Promise<LedgerStore>, reopen?: (store: LedgerStore) => Promise<LedgerStore>): void {
  describe(`LedgerStore conformance: ${name}`, () => {
    let fx: LedgerFixture | undefined
    const opened: LedgerStore[] = []
    const fixture = (): LedgerFixture => (fx ??= buildLedgerFixture())
    const track = (s: LedgerStore): LedgerStore => {
      opened.push(s)
      return s
    }
    const ctx: ConformanceContext = {
      fixture,
      fresh: async () => track(await open()),
      filled: async (blocks) => {
        const f = fixture()
        const store = track(await open())
        await store.initialise(f.genesis, f.block0)
        for (const b of f.blocks.slice(0, blocks ?? f.blocks.length)) await store.commitBlock(b)
        return store
      },
      reopen: reopen && (async (s) => track(await reopen(s))),
    }
    beforeAll(() => {
      fixture()
    })
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close().catch(() => undefined)
    })

    describe('before initialisation', () => {
      it('has no genesis, head, blocks, entries or state', async () => {
        const store = await ctx.fresh()
        expect(await store.genesis()).toBeUndefined()
        expect(await store.head()).toBeUndefined()
        expect(await store.getBlock(0)).toBeUndefined()
        expect(await store.getCheckpoint(0)).toBeUndefined()
        expect(await store.getEntry(0)).toBeUndefined()
        expect(await store.getEntries(0, 10)).toEqual([])
        expect(await store.findTx('00'.repeat(32))).toBeUndefined()
        expect(await store.committedTxIds(['00'.repeat(32)])).toEqual(new Set())
        expect(await store.entriesBySigner(fixture().busySigner, -1, 10)).toEqual([])
        expect(await stateValue(store, 'people', 'x')).toBeUndefined()
        expect(await stateRange(store, 'people')).toEqual([])
        await expectCode(store.merkle.getNodes([{ level: 0, index: 0 }]), 'MERKLE_NODE_MISSING')
      })
      it('refuses a block with STORE_NOT_INITIALISED', async () => {
        const store = await ctx.fresh()
        await expectCode(store.commitBlock(fixture().blocks[0]!), 'STORE_NOT_INITIALISED')
        expect(await store.head()).toBeUndefined()
      })
    })

    describe('initialise', () => {
      it('records the genesis document, block 0, its checkpoint and the genesis writes', async () => {
        const f = fixture()
        const store = await ctx.fresh()
        await store.initialise(f.genesis, f.block0)
        expect(await store.genesis()).toEqual(f.genesis)
        expect(await store.head()).toEqual({ block: f.block0.block, checkpoint: f.block0.checkpoint })
        expect(await store.getBlock(0)).toEqual(f.block0.block)
        expect(await store.getCheckpoint(0)).toBe(f.block0.checkpoint)
        expect(f.block0.writes.length).toBeGreaterThan(0)
        await expectStateEqual(store, replayState([f.block0]), f.contracts)
      })
      it('refuses a second genesis with STORE_ALREADY_INITIALISED and keeps the first', async () => {
        const f = fixture()
        const store = await ctx.filled(1)
        await expectCode(store.initialise({ ...f.genesis, network: 'other' }, f.block0), 'STORE_ALREADY_INITIALISED')
        expect(await store.genesis()).toEqual(f.genesis)
        expect((await store.head())?.block).toEqual(f.blocks[0]!.block)
      })
      it('refuses a block 0 that is not at height 0, writing nothing', async () => {
        const f = fixture()
        const store = await ctx.fresh()
        await expectCode(store.initialise(f.genesis, f.blocks[0]!), 'STORE_BLOCK_OUT_OF_ORDER')
        expect(await store.genesis()).toBeUndefined()
        expect(await store.head()).toBeUndefined()
      })
    })

    describeReads(ctx)
    describeRefusals(ctx)
    describeStateDigest(ctx)

    describe('close', () => {
      it('refuses every later call with STORE_CLOSED, and closing twice is harmless', async () => {
        const f = fixture()
        const store = await ctx.filled(1)
        await store.close()
        const txId = f.blocks[0]!.entries[0]!.txId
        await expectCode(store.genesis(), 'STORE_CLOSED')
        await expectCode(store.initialise(f.genesis, f.block0), 'STORE_CLOSED')
        await expectCode(store.commitBlock(f.blocks[1]!), 'STORE_CLOSED')
        await expectCode(store.head(), 'STORE_CLOSED')
        await expectCode(store.getBlock(0), 'STORE_CLOSED')
        await expectCode(store.getCheckpoint(0), 'STORE_CLOSED')
        await expectCode(store.getEntry(0), 'STORE_CLOSED')
        await expectCode(store.getEntries(0, 2), 'STORE_CLOSED')
        await expectCode(store.findTx(txId), 'STORE_CLOSED')
        await expectCode(store.committedTxIds([txId]), 'STORE_CLOSED')
        await expectCode(store.entriesBySigner(f.busySigner, -1, 5), 'STORE_CLOSED')
        await expectCode(store.merkle.getNodes([{ level: 0, index: 0 }]), 'STORE_CLOSED')
        await expectCode(store.stateDigest(), 'STORE_CLOSED')
        await expectCode(store.stateDigestAt(0), 'STORE_CLOSED')
        await expectCode(store.checkStateDigest(), 'STORE_CLOSED')
        await expectCode(store.state.getMany([{ contract: 'people', key: 'x' }]), 'STORE_CLOSED')
        await expectCode(store.state.rangeMany([{ contract: 'people', range: toKeyRange() }]), 'STORE_CLOSED')
        if (store.syncState) {
          expectThrowsCode(() => store.syncState!.get('people', 'x'), 'STORE_CLOSED')
          expectThrowsCode(() => store.syncState!.range('people', toKeyRange()), 'STORE_CLOSED')
        }
        await store.close()
      })
    })
  })
}
