/**
 * Test support: a small real ledger for the conformance suite. Six blocks of signed calls to the
 * identity contract and the `people` and `notes` test contracts, executed by the real runtime:
 * failed calls, an empty block, a key written twice in one block, keys deleted later, odd JSON.
 */
import type { JsonObject, JsonValue } from '../../../packages/saksi/src/core/encoding/json.js'
import { formatTime } from '../../../packages/saksi/src/core/encoding/time.js'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { createRuntime } from '../../../packages/saksi/src/core/runtime/index.js'
import { signTx } from '../../../packages/saksi/src/core/tx/sign-tx.js'
import type { ParsedEnvelope } from '../../../packages/saksi/src/core/tx/types.js'
import { identity } from '../../services/identity/contract/index.js'
import type { BlockCommit } from '../ledger-store.js'
import { ChainBuilder } from './chain-builder.js'
import { notes, people } from './fixture-contracts.js'

/** A built ledger: genesis, block 0 and the later blocks, with the builder's reference copies. */
export interface LedgerFixture {
  genesis: JsonObject
  block0: BlockCommit
  /** Blocks 1.. in order. */
  blocks: BlockCommit[]
  chain: ChainBuilder
  /** The signer with entries in several blocks (for paging by signer). */
  busySigner: string
  /** Contracts whose state the fixture writes. */
  contracts: string[]
}

const NETWORK = 'kota-contoh'
const ORIGIN = 'saksi.example/kota-contoh'
const T0 = Date.parse('2026-11-23T08:00:00.000Z')

function seed(n: number): KeyPair {
  return KeyPair.fromSeed(new Uint8Array(32).fill(n))
}

/** Builds the fixture (deterministic: fixed keys, nonces and times). */
export function buildLedgerFixture(): LedgerFixture {
  const nodeKey = seed(1)
  const admin = seed(2)
  const verifier = seed(3)
  const citizens = Array.from({ length: 6 }, (_, i) => seed(10 + i))
  const runtime = createRuntime({ contracts: [identity, people, notes] })
  const chain = new ChainBuilder(runtime, nodeKey, ORIGIN)
  const genesis: JsonObject = {
    v: 1,
    network: NETWORK,
    origin: ORIGIN,
    time: formatTime(T0),
    nodeKey: nodeKey.did,
    maxValiditySeconds: 3600,
    organisations: [{ id: 'dinsos', name: 'Dinas Sosial Kota Contoh', admins: [admin.did], grants: ['identity.verifier'] }],
  }
  let nonce = 0
  const call = (key: KeyPair, contract: string, method: string, args: JsonObject): ParsedEnvelope =>
    signTx({ network: NETWORK, contract, method, args, nonce: `n${nonce++}`, now: T0 }, key)
  const put = (key: KeyPair, k: string, value: JsonValue): ParsedEnvelope => call(key, 'notes', 'put', { key: k, value })
  const del = (key: KeyPair, k: string): ParsedEnvelope => call(key, 'notes', 'del', { key: k })
  const at = (height: number): string => formatTime(T0 + height * 1000)
  const [c0, c1, c2, c3, c4, c5] = citizens as [KeyPair, KeyPair, KeyPair, KeyPair, KeyPair, KeyPair]

  const block0 = chain.genesis(genesis)
  chain.next(
    [
      ...citizens.map((c, i) => call(c, 'people', 'register', { name: `Warga ${i}` })),
      call(c0, 'people', 'register', { name: 'Warga 0 again' }),
      call(verifier, 'people', 'join', { org: 'dinsos', roles: ['verifier'] }),
      ...citizens.slice(0, 4).map((c, i) => call(c, 'identity', 'register', { name: `Warga ${i}` })),
      call(admin, 'identity', 'addMember', { org: 'dinsos', did: verifier.did, roles: ['identity.verifier'] }),
    ],
    at(1),
  )
  chain.next([], at(2))
  chain.next(
    [
      call(verifier, 'people', 'verify', { did: c1.did }),
      call(verifier, 'people', 'verify', { did: verifier.did }),
      call(verifier, 'identity', 'verifyCitizen', { did: c1.did, evidence: { method: 'ktp-in-person' } }),
      call(c2, 'identity', 'register', { name: 'Warga 2 again' }),
      put(c0, 'a/1', { text: 'Jl. Merdeka №5 — ✓', n: [1, 2.5, -3, 1.5e-7], ok: true }),
      put(c0, 'a/10', 'ten'),
      put(c1, 'a/2', [{ deep: { deeper: [null, 'x'] } }]),
      put(c0, 'b', 1),
      put(c2, 'b', 2),
      put(c2, 'gone', 'soon'),
      del(c2, 'gone'),
      put(c3, 'back', 'first'),
      del(c3, 'back'),
      put(c3, 'back', 'again'),
      call(c4, 'notes', 'nope', {}),
      put(c0, 'A', { upper: 'case' }),
      put(c0, '~tilde', 'last'),
    ],
    at(3),
  )
  chain.next(
    [
      del(c0, 'a/10'),
      put(c0, 'c', JSON.parse('{"":"empty key","__proto__":"own"}') as JsonValue),
      call(c5, 'people', 'register', { name: 'Warga 5 again' }),
      put(c0, 'a/10', 'ten again'),
      del(c4, 'never-there'),
    ],
    at(4),
  )
  chain.next(
    Array.from({ length: 40 }, (_, i) => put(i % 3 === 0 ? c0 : c5, `m/${String(i).padStart(3, '0')}`, { i })),
    at(5),
  )
  const [, ...blocks] = chain.commits
  return { genesis, block0, blocks, chain, busySigner: c0.did, contracts: ['identity', 'people', 'notes'] }
}
