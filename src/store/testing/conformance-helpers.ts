/** Test support for the conformance suite: the suite's context, forged commits and comparisons. */
import { expect } from 'vitest'
import type { JsonValue } from '../../../packages/saksi/src/core/encoding/json.js'
import type { MemoryStateStore } from '../../../packages/saksi/src/core/state/memory-state-store.js'
import type { StateEntry } from '../../../packages/saksi/src/core/state/state-store.js'
import { toKeyRange, type RangeOptions } from '../../../packages/saksi/src/core/state/key-range.js'
import type { NodeId } from '../../../packages/saksi/src/core/merkle/node-id.js'
import type { BlockCommit, LedgerStore } from '../ledger-store.js'
import { replayState } from './chain-builder.js'
import type { LedgerFixture } from './ledger-fixture.js'

/** What each part of the suite gets from `describeLedgerStoreConformance`. */
export interface ConformanceContext {
  /** The shared fixture (built once; never mutate it). */
  fixture(): LedgerFixture
  /** A new empty store, closed after the test. */
  fresh(): Promise<LedgerStore>
  /** A new store holding genesis and the first `blocks` blocks after it (default: all). */
  filled(blocks?: number): Promise<LedgerStore>
  /** Closes the store and opens the same database again, when the driver can. */
  reopen: ((store: LedgerStore) => Promise<LedgerStore>) | undefined
}

/** Lowercase hex of bytes, for readable comparisons. */
export function hex(bytes: Uint8Array | undefined): string | undefined {
  return bytes === undefined ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')
}

/** Expects `promise` to reject with a Saksi error of kind `storage` and this `code`. */
export async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ code, kind: 'storage' })
}

/** Expects `fn` to throw a Saksi error of kind `storage` with this `code`. */
export function expectThrowsCode(fn: () => unknown, code: string): void {
  expect(fn).toThrow(expect.objectContaining({ code, kind: 'storage' }))
}

/**
 * A copy of a commit with its own arrays and header, changed by `change` (the fixture stays intact).
 */
export function forge(commit: BlockCommit, change: (c: BlockCommit) => void): BlockCommit {
  const copy: BlockCommit = {
    block: { header: { ...commit.block.header }, sig: commit.block.sig },
    checkpoint: commit.checkpoint,
    entries: commit.entries.map((e) => ({ ...e })),
    nodes: [...commit.nodes],
    writes: [...commit.writes],
  }
  change(copy)
  return copy
}

/** Every complete subtree of a log of `size` leaves, in a scrambled but fixed order. */
export function allNodeIds(size: number): NodeId[] {
  const ids: NodeId[] = []
  for (let level = 0; 2 ** level <= size; level++) {
    for (let index = 0; (index + 1) * 2 ** level <= size; index++) ids.push({ level, index })
  }
  return ids.map((id, i) => ({ id, k: (i * 7919) % 1009 })).sort((a, b) => a.k - b.k).map((x) => x.id)
}

/** Range options that cover prefixes, bounds, limits and both directions over `keys`. */
export function rangeCases(keys: readonly string[]): RangeOptions[] {
  const cases: RangeOptions[] = [
    {},
    { reverse: true },
    { limit: 0 },
    { limit: 1 },
    { limit: 5, reverse: true },
    { prefix: 'a' },
    { prefix: 'a/' },
    { prefix: 'm/', reverse: true, limit: 7 },
    { prefix: 'm/', start: 'm/010', end: 'm/020', reverse: true },
    { start: 'a/10', end: 'b' },
    { start: 'b' },
    { end: 'a/2' },
    { start: 'c', end: 'a' },
    { prefix: '~' },
    { prefix: 'zzz' },
  ]
  const prefixes = new Set(keys.map((k) => k.slice(0, k.indexOf('/') + 1)).filter((p) => p !== ''))
  for (const prefix of prefixes) cases.push({ prefix }, { prefix, reverse: true, limit: 2 })
  return cases
}

/**
 * The value at `key`, read through the store's batched `state`; when the driver also offers
 * `syncState`, expects it to answer the same.
 */
export async function stateValue(store: LedgerStore, contract: string, key: string): Promise<JsonValue | undefined> {
  const [value] = await store.state.getMany([{ contract, key }])
  if (store.syncState) expect(store.syncState.get(contract, key)).toEqual(value)
  return value
}

/** A range scan through the store's batched `state`, checked against `syncState` like {@link stateValue}. */
export async function stateRange(store: LedgerStore, contract: string, options?: RangeOptions): Promise<StateEntry[]> {
  const range = toKeyRange(options)
  const [entries] = await store.state.rangeMany([{ contract, range }])
  if (store.syncState) expect(store.syncState.range(contract, range)).toEqual(entries)
  return entries!
}

/**
 * Expects the store's state of `contracts` to equal `reference`: every key, every range case, read
 * in batches through `state` and one by one through `syncState` when the driver offers it.
 */
export async function expectStateEqual(store: LedgerStore, reference: MemoryStateStore, contracts: readonly string[]): Promise<void> {
  for (const contract of [...contracts, 'no-such-contract']) {
    const all = reference.range(contract, toKeyRange())
    const keys = [...all.map((e) => e.key), 'absent-key']
    const ranges = [toKeyRange(), ...rangeCases(all.map((e) => e.key)).map((options) => toKeyRange(options))]
    expect(await store.state.getMany(keys.map((key) => ({ contract, key })))).toEqual([...all.map((e) => e.value), undefined])
    const answers = await store.state.rangeMany(ranges.map((range) => ({ contract, range })))
    expect(answers).toHaveLength(ranges.length)
    ranges.forEach((range, i) => expect(answers[i], `${contract} ${JSON.stringify(range)}`).toEqual(reference.range(contract, range)))
    const sync = store.syncState
    if (!sync) continue
    expect(sync.range(contract, toKeyRange())).toEqual(all)
    for (const { key, value } of all) expect(sync.get(contract, key)).toEqual(value)
    expect(sync.get(contract, 'absent-key')).toBeUndefined()
    for (const range of ranges) expect(sync.range(contract, range), `${contract} ${JSON.stringify(range)}`).toEqual(reference.range(contract, range))
  }
}

/**
 * Expects the store to hold exactly genesis and `commits` (blocks 0..n-1) and nothing of the
 * block after them: head, the next block and entry, the next Merkle node, and state.
 */
export async function expectExactly(store: LedgerStore, commits: readonly BlockCommit[], fx: LedgerFixture): Promise<void> {
  const last = commits[commits.length - 1]!
  const { height, size } = last.block.header
  expect(await store.head()).toEqual({ block: last.block, checkpoint: last.checkpoint })
  expect(await store.getBlock(height + 1)).toBeUndefined()
  expect(await store.getEntry(size)).toBeUndefined()
  expect((await store.getEntries(0, size + 100)).map((e) => e.index)).toEqual(Array.from({ length: size }, (_, i) => i))
  await expectCode(store.merkle.getNodes([{ level: 0, index: size }]), 'MERKLE_NODE_MISSING')
  const later = fx.chain.commits.slice(commits.length).flatMap((c) => c.entries.map((e) => e.txId))
  expect(await store.committedTxIds(later)).toEqual(new Set())
  await expectStateEqual(store, replayState(commits), fx.contracts)
}
