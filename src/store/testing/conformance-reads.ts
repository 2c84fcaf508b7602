/** Conformance suite, part 2: everything a filled store reads back. */
import { describe, expect, it } from 'vitest'
import { toKeyRange } from '../../../packages/saksi/src/core/state/key-range.js'
import { replayState } from './chain-builder.js'
import { allNodeIds, expectCode, expectStateEqual, hex, stateRange, stateValue, type ConformanceContext } from './conformance-helpers.js'

/** Declares the read tests (see `describeLedgerStoreConformance`). */
export function describeReads(ctx: ConformanceContext): void {
  describe('after committing blocks', () => {
    it('reads back the head, every block and every checkpoint', async () => {
      const commits = ctx.fixture().chain.commits
      const store = await ctx.filled()
      const last = commits[commits.length - 1]!
      expect(await store.head()).toEqual({ block: last.block, checkpoint: last.checkpoint })
      for (const c of commits) {
        expect(await store.getBlock(c.block.header.height)).toEqual(c.block)
        expect(await store.getCheckpoint(c.block.header.height)).toBe(c.checkpoint)
      }
      for (const h of [commits.length, -1, 1.5, NaN]) {
        expect(await store.getBlock(h)).toBeUndefined()
        expect(await store.getCheckpoint(h)).toBeUndefined()
      }
    })

    it('returns the exact bytes of every entry, and nothing past the end', async () => {
      const entries = ctx.fixture().chain.commits.flatMap((c) => c.entries)
      const store = await ctx.filled()
      for (const e of entries) expect(hex(await store.getEntry(e.index))).toBe(hex(e.bytes))
      for (const i of [entries.length, -1, 0.5]) expect(await store.getEntry(i)).toBeUndefined()
      const listed = await store.getEntries(0, entries.length)
      expect(listed.map((e) => ({ ...e, bytes: hex(e.bytes) }))).toEqual(entries.map((e) => ({ ...e, bytes: hex(e.bytes) })))
    })

    it('bounds getEntries: from inclusive, to exclusive, stopping at the end of the log', async () => {
      const size = ctx.fixture().chain.commits.flatMap((c) => c.entries).length
      const store = await ctx.filled()
      const indexes = async (from: number, to: number): Promise<number[]> => (await store.getEntries(from, to)).map((e) => e.index)
      expect(await indexes(size - 2, size + 10)).toEqual([size - 2, size - 1])
      expect(await indexes(3, 6)).toEqual([3, 4, 5])
      expect(await indexes(size, size + 5)).toEqual([])
      expect(await indexes(5, 5)).toEqual([])
      expect(await indexes(7, 3)).toEqual([])
      expect(await indexes(-3, 2)).toEqual([0, 1])
      expect(await indexes(NaN, 3)).toEqual([])
      expect(await indexes(1, Infinity)).toHaveLength(size - 1)
    })

    it('finds where each transaction was committed', async () => {
      const commits = ctx.fixture().chain.commits
      const store = await ctx.filled()
      for (const c of commits) {
        for (const e of c.entries) expect(await store.findTx(e.txId)).toEqual({ index: e.index, block: c.block.header.height })
      }
      expect(await store.findTx('ab'.repeat(32))).toBeUndefined()
    })

    it('tells which transaction ids are committed, in batches of any size', async () => {
      const ids = ctx.fixture().chain.commits.flatMap((c) => c.entries.map((e) => e.txId))
      const store = await ctx.filled()
      const unknown = Array.from({ length: 1200 }, (_, i) => i.toString(16).padStart(64, '0'))
      expect(await store.committedTxIds([])).toEqual(new Set())
      expect(await store.committedTxIds([ids[0]!, ids[0]!, unknown[0]!])).toEqual(new Set([ids[0]]))
      expect(await store.committedTxIds([...unknown, ...ids])).toEqual(new Set(ids))
    })

    it('pages the entries of a signer in index order', async () => {
      const f = ctx.fixture()
      const mine = f.chain.commits.flatMap((c) => c.entries.filter((e) => e.signer === f.busySigner).map((e) => e.index))
      expect(new Set(f.chain.commits.filter((c) => c.entries.some((e) => e.signer === f.busySigner))).size).toBeGreaterThan(2)
      const store = await ctx.filled()
      expect(await store.entriesBySigner(f.busySigner, -1, 1000)).toEqual(mine)
      const paged: number[] = []
      for (let after = -1; ; ) {
        const page = await store.entriesBySigner(f.busySigner, after, 3)
        expect(page.length).toBeLessThanOrEqual(3)
        if (page.length === 0) break
        paged.push(...page)
        after = page[page.length - 1]!
      }
      expect(paged).toEqual(mine)
      expect(await store.entriesBySigner(f.busySigner, mine[2]! - 0.5, 2)).toEqual(mine.slice(2, 4))
      expect(await store.entriesBySigner(f.busySigner, -1, 0)).toEqual([])
      expect(await store.entriesBySigner(f.busySigner, mine[mine.length - 1]!, 10)).toEqual([])
      expect(await store.entriesBySigner('did:key:zNobody', -1, 10)).toEqual([])
    })

    it('returns the same Merkle node hashes as a MemoryHashStore fed the same leaves, in the order asked', async () => {
      const hashes = ctx.fixture().chain.hashes
      const store = await ctx.filled()
      const ids = allNodeIds(hashes.size)
      expect((await store.merkle.getNodes(ids)).map(hex)).toEqual(hashes.getNodes(ids).map(hex))
      expect(await store.merkle.getNodes([])).toEqual([])
      const partial = { level: 3, index: Math.floor(hashes.size / 8) }
      await expectCode(store.merkle.getNodes([ids[0]!, { level: 0, index: hashes.size }, ids[1]!]), 'MERKLE_NODE_MISSING')
      await expectCode(store.merkle.getNodes([partial]), 'MERKLE_NODE_MISSING')
      await expectCode(store.merkle.getNodes([{ level: 0, index: -1 }]), 'MERKLE_NODE_MISSING')
    })

    it('holds the same state as a MemoryStateStore fed the same writes: gets, prefixes, bounds, limits, reverse', async () => {
      const f = ctx.fixture()
      const store = await ctx.filled()
      await expectStateEqual(store, f.chain.state, f.contracts)
      const odd = (await stateValue(store, 'notes', 'c')) as Record<string, unknown>
      expect(Object.keys(odd).sort()).toEqual(['', '__proto__'])
      expect(Object.getPrototypeOf(odd)).toBe(Object.prototype)
      expect(await stateValue(store, 'notes', 'a/1')).toEqual({ text: 'Jl. Merdeka №5 — ✓', n: [1, 2.5, -3, 1.5e-7], ok: true })
      expect(await stateValue(store, 'notes', 'gone')).toBeUndefined()
      expect(await stateValue(store, 'notes', 'back')).toBe('again')
      expect(await stateRange(store, 'notes', { prefix: 'm/' })).toHaveLength(40)
    })

    it('answers batched state reads in the order asked, with repeats, other contracts and empty batches', async () => {
      const f = ctx.fixture()
      const store = await ctx.filled()
      const ref = (contract: string, key: string) => ({ contract, key })
      const asked = [ref('notes', 'back'), ref('people', 'absent'), ref('notes', 'a/1'), ref('notes', 'back'), ref('nobody', 'x')]
      expect(await store.state.getMany(asked)).toEqual(asked.map((k) => f.chain.state.get(k.contract, k.key)))
      const scans = [{ contract: 'notes', range: toKeyRange({ prefix: 'm/', limit: 3, reverse: true }) }, { contract: 'nobody', range: toKeyRange() }, { contract: 'notes', range: toKeyRange({ prefix: 'm/', limit: 3 }) }]
      expect(await store.state.rangeMany(scans)).toEqual(scans.map((s) => f.chain.state.range(s.contract, s.range)))
      expect(await store.state.getMany([])).toEqual([])
      expect(await store.state.rangeMany([])).toEqual([])
    })

    it('keeps its data apart from what callers hold', async () => {
      const f = ctx.fixture()
      const store = await ctx.fresh()
      await store.initialise(f.genesis, f.block0)
      const b1 = f.blocks[0]!
      const copy = { ...b1, entries: b1.entries.map((e) => ({ ...e, bytes: e.bytes.slice() })) }
      await store.commitBlock(copy)
      copy.entries[0]!.bytes.fill(0)
      expect(hex(await store.getEntry(0))).toBe(hex(b1.entries[0]!.bytes))
      ;(await store.getEntry(0))!.fill(0)
      ;(await store.getEntries(0, 1))[0]!.bytes.fill(0)
      expect(hex(await store.getEntry(0))).toBe(hex(b1.entries[0]!.bytes))
      ;(await store.merkle.getNodes([{ level: 0, index: 0 }]))[0]!.fill(0)
      expect(hex((await store.merkle.getNodes([{ level: 0, index: 0 }]))[0])).toBe(hex(f.chain.hashes.getNodes([{ level: 0, index: 0 }])[0]))
      const block = await store.getBlock(1)
      if (!Object.isFrozen(block!.header)) block!.header.height = 99
      expect(await store.getBlock(1)).toEqual(b1.block)
      const reference = replayState([f.block0, b1])
      const key = reference.range('people', toKeyRange({ prefix: 'person/' }))[0]!.key
      const [value] = (await store.state.getMany([{ contract: 'people', key }])) as Record<string, unknown>[]
      if (!Object.isFrozen(value)) value!.extra = 1
      const [scanned] = await store.state.rangeMany([{ contract: 'people', range: toKeyRange({ prefix: key }) }])
      if (!Object.isFrozen(scanned![0]!.value)) (scanned![0]!.value as Record<string, unknown>).extra = 1
      if (store.syncState) {
        const direct = store.syncState.get('people', key) as Record<string, unknown>
        if (!Object.isFrozen(direct)) direct.extra = 1
      }
      expect(await stateValue(store, 'people', key)).toEqual(reference.get('people', key))
    })
  })
}
