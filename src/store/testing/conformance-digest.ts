/** The conformance suite's part on the state digest (LtHash16 of all state, kept with each block). */
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../packages/saksi/src/core/encoding/jcs.js'
import { StateDigest } from '../../../packages/saksi/src/core/state/state-digest.js'
import type { BlockCommit } from '../ledger-store.js'
import { replayState } from './chain-builder.js'
import { expectCode, hex, type ConformanceContext } from './conformance-helpers.js'

/** The digest of the state after `commits`, computed from scratch with core's `StateDigest`. */
function expectedDigest(commits: readonly BlockCommit[]): StateDigest {
  return StateDigest.of(replayState(commits).dump().map((w) => ({ contract: w.contract, key: w.key, value: canonicalJson(w.value!) })))
}

/** Declares the digest tests for the driver of `ctx`. */
export function describeStateDigest(ctx: ConformanceContext): void {
  describe('state digest', () => {
    it('has none before initialisation', async () => {
      const store = await ctx.fresh()
      expect(await store.stateDigest()).toBeUndefined()
      expect(await store.stateDigestAt(0)).toBeUndefined()
      await expectCode(store.checkStateDigest(), 'STORE_NOT_INITIALISED')
    })

    it("keeps, with every block, the LtHash16 of the state after it, as recomputing the block's state from scratch gives", async () => {
      const f = ctx.fixture()
      const store = await ctx.fresh()
      await store.initialise(f.genesis, f.block0)
      const commits = [f.block0]
      for (const b of f.blocks) {
        await store.commitBlock(b)
        commits.push(b)
        const d = await store.stateDigest()
        const expected = expectedDigest(commits)
        expect(d?.height).toBe(b.block.header.height)
        expect(hex(d?.value)).toBe(hex(expected.hash.bytes()))
        expect(hex(await store.stateDigestAt(b.block.header.height))).toBe(hex(expected.hash.checksum()))
      }
      expect(hex(await store.stateDigestAt(0))).toBe(hex(expectedDigest([f.block0]).hash.checksum()))
      expect(await store.stateDigestAt(f.blocks.length + 1)).toBeUndefined()
      expect(await store.stateDigestAt(-1)).toBeUndefined()
    })

    it('finds the recomputed digest equal to the stored one, counting every entry', async () => {
      const f = ctx.fixture()
      const store = await ctx.filled()
      const check = await store.checkStateDigest()
      expect(check.ok).toBe(true)
      expect(check.height).toBe(f.blocks.length)
      expect(check.entries).toBe(replayState([f.block0, ...f.blocks]).dump().length)
      expect(hex(check.computed)).toBe(hex(check.stored))
      expect(hex(check.stored)).toBe(hex(expectedDigest([f.block0, ...f.blocks]).hash.checksum()))
    })

    it('leaves the digest as it was when a commit is refused', async () => {
      const f = ctx.fixture()
      const store = await ctx.filled(2)
      const before = await store.stateDigest()
      await expectCode(store.commitBlock(f.blocks[3]!), 'STORE_BLOCK_OUT_OF_ORDER')
      expect(await store.stateDigest()).toEqual(before)
      expect((await store.checkStateDigest()).ok).toBe(true)
    })

    it('is the same after reopening', async () => {
      if (!ctx.reopen) return
      const store = await ctx.filled()
      const before = await store.stateDigest()
      const again = await ctx.reopen(store)
      expect(await again.stateDigest()).toEqual(before)
      expect((await again.checkStateDigest()).ok).toBe(true)
    })
  })
}
