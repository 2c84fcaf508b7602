import { describe, expect, it } from 'vitest'
import type { JsonValue } from '../../packages/saksi/src/core/encoding/json.js'
import { asyncStateReader, type AsyncStateReader } from '../../packages/saksi/src/core/state/async-state-reader.js'
import { toKeyRange } from '../../packages/saksi/src/core/state/key-range.js'
import { MemoryStateStore } from '../../packages/saksi/src/core/state/memory-state-store.js'
import { UNKNOWN } from '../../packages/saksi/src/core/state/state-cache.js'
import type { StateWrite } from '../../packages/saksi/src/core/state/state-store.js'
import { CommittedState } from './committed-state.js'

/** A chain of keys: `n/0` holds the name of the next key, and so on; each read depends on the one before. */
function chainStore(length: number): MemoryStateStore {
  const store = new MemoryStateStore()
  store.apply(Array.from({ length }, (_, i) => ({ contract: 'c', key: `n/${i}`, value: i + 1 < length ? `n/${i + 1}` : 'end' })))
  return store
}

/** Follows the chain from `n/0` through `state`, returning the keys visited. */
function follow(state: CommittedState): string[] {
  const seen: string[] = []
  for (let key: JsonValue | undefined = 'n/0'; typeof key === 'string' && key !== 'end'; key = state.get('c', key)) seen.push(key)
  return seen
}

/** An asynchronous reader over `store` that counts batches. */
function counted(store: MemoryStateStore): AsyncStateReader & { batches: number } {
  const inner = asyncStateReader(store)
  const reader = {
    batches: 0,
    getMany: (keys: Parameters<AsyncStateReader['getMany']>[0]) => {
      reader.batches++
      return inner.getMany(keys)
    },
    rangeMany: (scans: Parameters<AsyncStateReader['rangeMany']>[0]) => {
      reader.batches++
      return inner.rangeMany(scans)
    },
  }
  return reader
}

describe('CommittedState', () => {
  describe('when the store reads synchronously', () => {
    it('reads what the cache lacks at once, keeps what is read again, and applies committed writes to it', () => {
      const store = chainStore(3)
      const state = new CommittedState({ reader: asyncStateReader(store), sync: store, capacity: 100 })
      expect(state.run(() => follow(state), (keys) => keys)).toEqual(['n/0', 'n/1', 'n/2'])
      expect(state.cache.get('c', 'n/1')).toBe(UNKNOWN)
      expect(state.run(() => follow(state), (keys) => keys)).toEqual(['n/0', 'n/1', 'n/2'])
      expect(state.cache.get('c', 'n/1')).toBe('n/2')
      expect(state.range('c', toKeyRange({ prefix: 'n/', limit: 2 }))).toEqual(store.range('c', toKeyRange({ prefix: 'n/', limit: 2 })))
      // The cache takes the committed write (the store here does not: the cache cannot have read it there).
      state.committed([{ contract: 'c', key: 'n/1', value: 'end' }])
      expect(state.get('c', 'n/1')).toBe('end')
      expect(state.run(() => follow(state), (keys) => keys)).toEqual(['n/0', 'n/1'])
      expect(state.loads).toBe(0)
    })
  })

  describe('when the store reads only asynchronously', () => {
    it('executes in passes, loading each pass’s misses in one batch, until a pass misses nothing', async () => {
      const store = chainStore(4)
      const reader = counted(store)
      const state = new CommittedState({ reader, capacity: 100 })
      const result = state.run(() => follow(state), (keys) => keys.join(' '))
      expect(result).toBeInstanceOf(Promise)
      expect(await result).toBe('n/0 n/1 n/2 n/3')
      // Each key names the next, so each pass finds one more: four loads for four keys.
      expect(state.loads).toBe(4)
      // Warm now: the same reads need no load and run synchronously.
      expect(state.run(() => follow(state), (keys) => keys.length)).toBe(4)
      expect(reader.batches).toBe(4)
    })

    it('answers range scans from what it loaded, and reads independent keys of a pass in one batch', async () => {
      const store = new MemoryStateStore()
      store.apply([1, 2, 3].map((n) => ({ contract: 'c', key: `m/${n}`, value: n })))
      const reader = counted(store)
      const state = new CommittedState({ reader, capacity: 100 })
      const read = () => [state.range('c', toKeyRange({ prefix: 'm/', reverse: true, limit: 2 })), state.get('c', 'm/1'), state.get('c', 'x')]
      expect(await state.run(read, (r) => r)).toEqual([store.range('c', toKeyRange({ prefix: 'm/', reverse: true, limit: 2 })), 1, undefined])
      expect(state.loads).toBe(1)
      expect(reader.batches).toBe(2)
    })

    it('finishes a run even with a cache far smaller than what it reads', async () => {
      const store = chainStore(30)
      const state = new CommittedState({ reader: asyncStateReader(store), capacity: 3 })
      expect(await state.run(() => follow(state), (keys) => keys.length)).toBe(30)
      expect(state.cache.evictions).toBeGreaterThan(0)
      expect(state.cache.size).toBeLessThanOrEqual(3)
    })

    it('drops the failure of a pass that missed a read, and throws that of a complete pass', async () => {
      const store = chainStore(2)
      const state = new CommittedState({ reader: asyncStateReader(store), capacity: 100 })
      const strict = () => {
        const v = state.get('c', 'n/0')
        if (v === undefined) throw new Error('missing')
        return v
      }
      expect(await state.run(strict, (v) => v)).toBe('n/1')
      const failing = () => {
        state.get('c', 'n/1')
        throw new Error('a real failure')
      }
      await expect(async () => state.run(failing, (v) => v)).rejects.toThrow('a real failure')
    })

    it('refuses a read outside run that the cache cannot answer', () => {
      const state = new CommittedState({ reader: asyncStateReader(new MemoryStateStore()), capacity: 100 })
      expect(() => state.get('c', 'k')).toThrow(expect.objectContaining({ code: 'STATE_NOT_LOADED' }))
    })
  })

  describe('when a block commits while a load is in flight', () => {
    it('keeps neither the older value nor the older scan it loaded, and the run reads the committed write', async () => {
      const store = new MemoryStateStore()
      store.apply([{ contract: 'c', key: 'k', value: 'old' }])
      const releases: (() => void)[] = []
      // Answers with the state at the time of the call, once the test releases it.
      const reader: AsyncStateReader = {
        getMany: (keys) => {
          const values = keys.map((k) => store.get(k.contract, k.key))
          return new Promise((resolve) => releases.push(() => resolve(values)))
        },
        rangeMany: (scans) => {
          const answers = scans.map((s) => store.range(s.contract, s.range))
          return new Promise((resolve) => releases.push(() => resolve(answers)))
        },
      }
      const state = new CommittedState({ reader, capacity: 100 })
      const result = state.run(
        () => [state.get('c', 'k'), state.range('c', toKeyRange({ prefix: 'p/' })).map((e) => e.key)],
        (r) => r,
      )
      await Promise.resolve()
      expect(releases).toHaveLength(2)
      const writes: StateWrite[] = [
        { contract: 'c', key: 'k', value: 'new' },
        { contract: 'c', key: 'p/1', value: 1 },
      ]
      store.apply(writes)
      state.committed(writes)
      for (const release of releases.splice(0)) release()
      // The scan is loaded again (the committed block wrote inside it); the key came with the block.
      await new Promise((r) => setImmediate(r))
      releases.splice(0).forEach((release) => release())
      expect(await result).toEqual(['new', ['p/1']])
      expect(state.cache.get('c', 'k')).toBe('new')
      expect(state.cache.range('c', toKeyRange({ prefix: 'p/' }))).not.toBe(UNKNOWN)
      expect(state.loads).toBe(2)
    })

    it('applies it to what the run loaded in its earlier passes too', async () => {
      const store = new MemoryStateStore()
      store.apply([
        { contract: 'c', key: 'a', value: 'old' },
        { contract: 'c', key: 'b', value: 'b' },
      ])
      const releases: (() => void)[] = []
      const gated = asyncStateReader(store)
      const reader: AsyncStateReader = {
        getMany: async (keys) => {
          const values = await gated.getMany(keys)
          await new Promise<void>((resolve) => releases.push(resolve))
          return values
        },
        rangeMany: gated.rangeMany,
      }
      const state = new CommittedState({ reader, capacity: 100 })
      // `b` is read only once `a` is known: two loads.
      const result = state.run(
        () => {
          const a = state.get('c', 'a')
          return a === undefined ? [] : [a, state.get('c', 'b')]
        },
        (r) => r,
      )
      const loading = async () => {
        while (releases.length === 0) await new Promise((r) => setImmediate(r))
      }
      await loading()
      releases.shift()!()
      // The second load (of `b`) waits: the run has loaded `a`. Now a block overwrites `a`, and the
      // shared cache forgets it.
      await loading()
      const writes: StateWrite[] = [{ contract: 'c', key: 'a', value: 'new' }]
      store.apply(writes)
      state.committed(writes)
      for (let i = 0; i < 200; i++) state.cache.set('c', `filler/${i}`, i)
      releases.shift()!()
      expect(await result).toEqual(['new', 'b'])
    })
  })
})
