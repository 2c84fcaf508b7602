import { describe, expect, it } from 'vitest'
import { StorageError } from '../../packages/saksi/src/core/errors.js'
import type { LedgerStore } from '../store/ledger-store.js'
import { CommittedCheck } from './committed-check.js'

const id = (n: number): string => n.toString(16).padStart(64, '0')

function fakeStore(committed: Set<string>, fail = false): { store: LedgerStore; queries: string[][] } {
  const queries: string[][] = []
  const store = {
    async committedTxIds(ids: readonly string[]) {
      queries.push([...ids])
      if (fail) throw new StorageError('STORE_IO', 'disk gone')
      return new Set(ids.filter((x) => committed.has(x)))
    },
  } as unknown as LedgerStore
  return { store, queries }
}

describe('CommittedCheck', () => {
  it('answers every id of one event-loop turn with a single query', async () => {
    const { store, queries } = fakeStore(new Set([id(3), id(7)]))
    const check = new CommittedCheck(store)
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => check.isCommitted(id(i))))
    expect(answers).toEqual([false, false, false, true, false, false, false, true, false, false])
    expect(queries).toHaveLength(1)
    expect(await check.isCommitted(id(3))).toBe(true)
    expect(queries).toHaveLength(2)
  })

  it('rejects every waiting check with the store error, then works again', async () => {
    const { store } = fakeStore(new Set(), true)
    const check = new CommittedCheck(store)
    const results = await Promise.allSettled([check.isCommitted(id(1)), check.isCommitted(id(2))])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'STORE_IO' })
  })
})
