import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { blockHash, genesisHash, type BlockHeader } from '../packages/saksi/src/core/block/block-header.js'
import { toBase64 } from '../packages/saksi/src/core/encoding/base64.js'
import { canonicalBytes } from '../packages/saksi/src/core/encoding/jcs.js'
import type { JsonObject, JsonValue } from '../packages/saksi/src/core/encoding/json.js'
import { formatTime } from '../packages/saksi/src/core/encoding/time.js'
import { KeyPair } from '../packages/saksi/src/core/keys/key-pair.js'
import { MerkleAppender, leafHash } from '../packages/saksi/src/core/merkle/index.js'
import { anyone, createRuntime, defineContract, executeBlock, executeGenesis, role, selfAsCitizen } from '../packages/saksi/src/core/runtime/index.js'
import { MemoryStateStore, keyInRange, type KeyRange, type StateEntry, type StateStore, type StateWrite } from '../packages/saksi/src/core/state/index.js'
import { signTx } from '../packages/saksi/src/core/tx/sign-tx.js'
import type { ParsedEnvelope } from '../packages/saksi/src/core/tx/types.js'
import { identity, signRotationProof } from '../src/services/identity/contract/index.js'
import { prng } from './support/prng.js'

// Two independent runtimes execute the same pre-signed random workload (valid and failing calls)
// in the same blocks, each on its own fresh state; everything they produce must be byte-identical.

const SEED = 20261123
const TX_COUNT = 3000
const NETWORK = 'kota-contoh'
const T0 = Date.parse('2026-11-23T08:00:00.000Z')


// A second service that reads identity through policies and views, scans ranges and deletes.
const board = defineContract({
  name: 'board',
  version: 1,
  methods: {
    post: {
      args: z.strictObject({ text: z.string().min(1).max(80) }),
      allow: selfAsCitizen,
      run(ctx, { text }) {
        ctx.state.put(`post/${String(ctx.index).padStart(10, '0')}`, { by: ctx.caller, text, at: ctx.time.iso })
        const n = (ctx.state.get(`count/${ctx.caller}`) as number | undefined) ?? 0
        ctx.state.put(`count/${ctx.caller}`, n + 1)
        ctx.emit('board.Posted', { by: ctx.caller, n: n + 1 })
      },
    },
    prune: {
      args: z.strictObject({ keep: z.number().int().min(0).max(20) }),
      allow: role('board.moderator'),
      run(ctx, { keep }) {
        const newest = ctx.state.range({ prefix: 'post/', reverse: true })
        for (const e of newest.slice(keep)) ctx.state.delete(e.key)
        ctx.emit('board.Pruned', { removed: Math.max(0, newest.length - keep) })
      },
    },
    tally: {
      args: z.strictObject({ limit: z.number().int().min(1).max(10) }),
      allow: anyone,
      run(ctx, { limit }) {
        const org = ctx.view('identity').query('organisation', { id: 'dukcapil' }) as { admins: string[] } | undefined
        const top = ctx.state.range({ prefix: 'count/', limit }).map((e) => [e.key.slice(6, 20), e.value])
        ctx.state.put('tally', { top, admins: org?.admins.length ?? 0, at: ctx.time.ms })
        ctx.emit('board.Tallied', { entries: top.length })
      },
    },
    broken: { args: z.strictObject({}), allow: anyone, run: (ctx) => ctx.state.put('x', Number.NaN) },
  },
})

/** A second storage driver: unsorted maps holding JSON text, answering with fresh objects, as SQL drivers do. */
class TextStore implements StateStore {
  readonly #data = new Map<string, Map<string, string>>()
  get(contract: string, key: string): JsonValue | undefined {
    const text = this.#data.get(contract)?.get(key)
    return text === undefined ? undefined : (JSON.parse(text) as JsonValue)
  }
  range(contract: string, range: KeyRange): StateEntry[] {
    const keys = [...(this.#data.get(contract)?.keys() ?? [])].filter((k) => keyInRange(k, range)).sort()
    if (range.reverse) keys.reverse()
    return keys.slice(0, range.limit).map((key) => ({ key, value: this.get(contract, key)! }))
  }
  apply(writes: readonly StateWrite[]): void {
    for (const w of writes) {
      let m = this.#data.get(w.contract)
      if (!m) this.#data.set(w.contract, (m = new Map()))
      if (w.value === undefined) m.delete(w.key)
      else m.set(w.key, JSON.stringify(w.value))
    }
  }
  dump(): StateWrite[] {
    return [...this.#data.keys()].sort().flatMap((contract) =>
      [...this.#data.get(contract)!.keys()].sort().map((key) => ({ contract, key, value: this.get(contract, key)! })),
    )
  }
}

interface Person {
  key: KeyPair
  oldKeys: KeyPair[]
  registered: boolean
}

function workload() {
  const rand = prng(SEED)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const newKey = () => KeyPair.fromSeed(Uint8Array.from({ length: 32 }, () => Math.floor(rand() * 256)))
  const people: Person[] = Array.from({ length: 150 }, () => ({ key: newKey(), oldKeys: [], registered: false }))
  const p = (i: number) => people[i]!.key.did
  const genesis: JsonObject = {
    network: NETWORK,
    origin: `saksi.example/${NETWORK}`,
    organisations: [
      {
        id: 'dukcapil',
        name: 'Dinas Kependudukan dan Pencatatan Sipil',
        admins: [p(0), p(1)],
        grants: ['identity.verifier'],
        members: [{ did: p(2), roles: ['identity.verifier'] }, { did: p(3), roles: ['identity.verifier'] }],
      },
      { id: 'dinsos', name: 'Dinas Sosial', admins: [p(4)], grants: ['board.moderator', 'dinsos.officer'], members: [{ did: p(5), roles: ['board.moderator'] }] },
      { id: 'inspektorat', name: 'Inspektorat', admins: [p(6)] },
    ],
  }
  const admins: Record<string, number[]> = { dukcapil: [0, 1], dinsos: [4], inspektorat: [6] }
  const orgs = Object.keys(admins)
  const roles = ['identity.verifier', 'board.moderator', 'identity.admin', 'dinsos.officer']
  const txs: ParsedEnvelope[] = []
  let nonce = 0
  const add = (signer: KeyPair, contract: string, method: string, args: JsonObject) =>
    txs.push(signTx({ network: NETWORK, contract, method, args, nonce: `w${nonce++}`, expiresAt: formatTime(T0 + 86_400_000) }, signer))

  while (txs.length < TX_COUNT) {
    const who = pick(people)
    const r = rand()
    if (r < 0.22) {
      add(who.key, 'identity', 'register', { name: `Warga ${nonce}` })
      who.registered = true
    } else if (r < 0.25) add(who.key, 'identity', 'register', { name: pick(['', ' ', 'x'.repeat(101), 'NIK 3171012345678901']) })
    else if (r < 0.35) {
      const verifierish = rand() < 0.7 ? people[pick([2, 3])]! : who
      const evidence: JsonObject = { method: pick(['ktp-in-person', 'dukcapil', 'ktp-el-chip', 'selfie']) }
      if (rand() < 0.5) evidence.nikHash = toBase64(Uint8Array.from({ length: 32 }, () => Math.floor(rand() * 256)))
      add(verifierish.key, 'identity', 'verifyCitizen', { did: pick(people).key.did, evidence })
    } else if (r < 0.42) {
      const org = pick(orgs)
      const signer = rand() < 0.6 ? people[pick(admins[org]!)]!.key : who.key
      const method = pick(['addMember', 'addMember', 'setRoles', 'removeMember'])
      const args: JsonObject = { org, did: pick(people).key.did }
      if (method !== 'removeMember') args.roles = roles.filter(() => rand() < 0.3)
      add(signer, 'identity', method, args)
    } else if (r < 0.47 && who.registered) {
      const next = newKey()
      const valid = rand() < 0.85
      add(who.key, 'identity', 'rotateKey', { newDid: next.did, proof: signRotationProof(valid ? next : newKey(), who.key.did) })
      if (valid) {
        who.oldKeys.push(who.key)
        who.key = next
      }
    } else if (r < 0.48) {
      // The holder revokes a lost key and starts again with a new one.
      add(who.key, 'identity', 'revokeKey', { did: who.key.did, reason: 'lost phone' })
      who.oldKeys.push(who.key)
      who.key = newKey()
      who.registered = false
    } else if (r < 0.53 && who.oldKeys.length > 0) {
      if (rand() < 0.5) add(pick(who.oldKeys), 'identity', 'register', { name: 'old key' })
      else add(pick(who.oldKeys), 'board', 'post', { text: 'old key' })
    } else if (r < 0.78) add(who.key, 'board', 'post', { text: `halo ${nonce}` })
    else if (r < 0.83) add(rand() < 0.5 ? people[5]!.key : who.key, 'board', 'prune', { keep: Math.floor(rand() * 8) })
    else if (r < 0.9) add(who.key, 'board', 'tally', { limit: 1 + Math.floor(rand() * 10) })
    else if (r < 0.93) add(who.key, 'board', 'post', { text: '' })
    else if (r < 0.95) add(who.key, 'board', 'broken', {})
    else if (r < 0.97) add(who.key, 'identity', pick(['nope', 'constructor', 'grantEverything']), {})
    else add(who.key, pick(['welfare', 'land']), 'register', {})
  }
  const blocks: { time: string; txs: ParsedEnvelope[] }[] = []
  let at = T0
  for (let i = 0; i < txs.length; ) {
    const n = rand() < 0.05 ? 0 : 1 + Math.floor(rand() * 60)
    at += 1 + Math.floor(rand() * 2000)
    blocks.push({ time: formatTime(at), txs: txs.slice(i, i + n) })
    i += n
  }
  return { genesis, blocks, proposer: people[0]!.key.did }
}

function replay(w: ReturnType<typeof workload>, store: MemoryStateStore | TextStore) {
  const runtime = createRuntime({ contracts: [identity, board] })
  const g = executeGenesis({ runtime, genesis: w.genesis, time: formatTime(T0) })
  store.apply(g.writes)
  const log = new MerkleAppender()
  let header: BlockHeader = {
    v: 1,
    network: NETWORK,
    height: 0,
    prev: toBase64(genesisHash(w.genesis)),
    time: formatTime(T0),
    firstIndex: 0,
    size: 0,
    logRoot: toBase64(log.root()),
    stateDigest: toBase64(g.stateDigest),
    proposer: w.proposer,
  }
  const headers = [canonicalBytes(header as unknown as JsonValue)]
  const entries: Uint8Array[] = []
  const codes = new Map<string, number>()
  let digest = g.stateDigest
  w.blocks.forEach((b, i) => {
    const out = executeBlock({ runtime, state: store, height: i + 1, time: b.time, firstIndex: log.size, txs: b.txs, prevStateDigest: digest })
    store.apply(out.writes)
    for (const bytes of out.entryBytes) {
      log.append(leafHash(bytes))
      entries.push(bytes)
    }
    for (const e of out.entries) {
      const code = e.result.status === 'ok' ? 'ok' : e.result.code
      codes.set(code, (codes.get(code) ?? 0) + 1)
    }
    digest = out.stateDigest
    const firstIndex = header.size
    header = {
      v: 1,
      network: NETWORK,
      height: i + 1,
      prev: toBase64(blockHash(header)),
      time: b.time,
      firstIndex,
      size: log.size,
      logRoot: toBase64(log.root()),
      stateDigest: toBase64(digest),
      proposer: w.proposer,
    }
    headers.push(canonicalBytes(header as unknown as JsonValue))
  })
  return { headers, entries, codes, state: store.dump() }
}

describe('executeBlock', () => {
  describe('when two independent runtimes replay the same random workload', () => {
    it('produce byte-identical entries, block headers, state digests and state', () => {
      const w = workload()
      const a = replay(w, new MemoryStateStore())
      const b = replay(w, new TextStore())

      expect(a.entries).toHaveLength(TX_COUNT)
      expect(b.entries.length).toBe(a.entries.length)
      for (let i = 0; i < a.entries.length; i++) {
        if (Buffer.compare(a.entries[i]!, b.entries[i]!) !== 0) expect.fail(`entry ${i} differs`)
      }
      expect(b.headers.length).toBe(w.blocks.length + 1)
      for (let h = 0; h < a.headers.length; h++) {
        if (Buffer.compare(a.headers[h]!, b.headers[h]!) !== 0) expect.fail(`block header ${h} differs`)
      }
      expect(b.state).toEqual(a.state)

      // The workload must really mix successes and the failures it aims at.
      expect(a.codes.get('ok')! / TX_COUNT).toBeGreaterThan(0.3)
      for (const code of [
        'IDENTITY_EXISTS',
        'ARGS_INVALID',
        'IDENTITY_NIK_IN_CLEAR',
        'ACCESS_DENIED',
        'CITIZEN_NOT_REGISTERED',
        'IDENTITY_KEY_REVOKED',
        'IDENTITY_ROTATION_PROOF_INVALID',
        'IDENTITY_ALREADY_VERIFIED',
        'IDENTITY_ROLE_NOT_GRANTABLE',
        'NONDETERMINISTIC_VALUE',
        'METHOD_UNKNOWN',
        'CONTRACT_UNKNOWN',
      ]) {
        expect(a.codes.get(code), code).toBeGreaterThan(0)
      }
    })
  })
})
