import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { signTx, type BuildTxInput } from '../../../packages/saksi/src/core/tx/sign-tx.js'
import { defineContract } from '../../../packages/saksi/src/core/runtime/define-contract.js'
import { anyone } from '../../../packages/saksi/src/core/runtime/policies.js'
import type { JsonObject } from '../../../packages/saksi/src/core/encoding/json.js'
import { MemoryLedgerStore } from '../../store/memory/memory-ledger-store.js'
import { serviceContracts } from '../../services/registry.js'
import { createGenesis } from '../genesis.js'
import type { LedgerNode } from '../ledger-node.js'
import { openNode, type OpenNodeOptions } from '../open-node.js'
import type { AdmissionLimits } from './admission-limits.js'

const START = Date.parse('2026-11-23T08:00:00.000Z')
const nodeKey = KeyPair.generate()
const admin = KeyPair.generate()
const genesis = (admission?: JsonObject) =>
  createGenesis({
    network: 'kota-contoh',
    origin: 'saksi.example/kota-contoh',
    nodeKey: nodeKey.did,
    time: START - 1000,
    organisations: [{ id: 'dinsos', name: 'Dinas Sosial', admins: [admin.did] }],
    ...(admission ? { extra: { admission } } : {}),
  })

/** A contract whose `big` method declares room for more than the default argument size. */
const notes = defineContract({
  name: 'notes',
  version: 1,
  methods: {
    post: { args: z.strictObject({ text: z.string() }), allow: anyone, run: () => undefined },
    big: { args: z.strictObject({ text: z.string() }), allow: anyone, maxArgsBytes: 40_000, run: () => undefined },
  },
})

/** Every limit off: the node as it was before finding 3 of issue 12. */
const UNLIMITED: Partial<AdmissionLimits> = { perKey: null, perClient: null, failedCallsPerDay: null, maxArgsBytes: null, registeredOnly: false }

let open: LedgerNode[] = []
afterEach(async () => {
  await Promise.all(open.map((n) => n.close()))
  open = []
})

/** A node on a clock the test moves; `at` is that clock. */
async function start(over: Partial<OpenNodeOptions> = {}) {
  const at = { now: START }
  const node = await openNode({ contracts: [...serviceContracts(), notes], store: new MemoryLedgerStore(), key: nodeKey, genesis: genesis(), signatureWorkers: 0, maxBlockDelayMs: 1, now: () => at.now, ...over })
  open.push(node)
  const tx = (key: KeyPair, contract: string, method: string, args: BuildTxInput['args']) =>
    JSON.stringify(signTx({ network: 'kota-contoh', contract, method, args, now: at.now }, key).envelope)
  const commit = async (text: string) => {
    const { txId } = await node.submit(text)
    return node.waitForReceipt(txId, 10_000)
  }
  return { node, at, tx, commit }
}

const refusal = (p: Promise<unknown>) => p.then(() => undefined, (e: { code: string; details?: unknown }) => ({ code: e.code, details: e.details }))

describe('AdmissionGuard', () => {
  describe('when 100 fresh keys each send a call of 60 KB (finding 3 of issue 12)', () => {
    const spam = (tx: (k: KeyPair, c: string, m: string, a: JsonObject) => string) =>
      Array.from({ length: 100 }, (_, i) => tx(KeyPair.generate(), i % 2 ? 'identity' : 'papan-unknown', i % 2 ? 'register' : 'post', { name: 'x'.repeat(60_000) }))

    it('with every limit off, is still refused by the argument checks (finding 1): an unknown contract, an over-long name', async () => {
      // Before findings 1 and 3 these 100 calls became 6 MB of permanent failed entries.
      const { node, tx } = await start({ admission: UNLIMITED })
      const codes = await Promise.all(spam(tx).map((t) => refusal(node.submit(t))))
      expect(new Set(codes.map((c) => c?.code))).toEqual(new Set(['CONTRACT_UNKNOWN', 'ARGS_INVALID']))
      expect(node.size()).toBe(0)
    })

    it('refuses every one at admission with the defaults, and logs nothing', async () => {
      const { node, tx } = await start()
      const codes = await Promise.all(spam(tx).map((t) => refusal(node.submit(t))))
      expect(new Set(codes.map((c) => c?.code))).toEqual(new Set(['ARGS_TOO_LARGE']))
      expect(node.size()).toBe(0)
    })
  })

  describe('when a key is not registered', () => {
    it('refuses any call but identity.register with SIGNER_NOT_REGISTERED, never logged', async () => {
      const { node, tx } = await start()
      const key = KeyPair.generate()
      // (An unknown contract or method, or bad arguments, are refused first: finding 1.)
      for (const [contract, method, args] of [['notes', 'post', { text: 'halo' }], ['identity', 'revokeKey', { did: key.did }]] as const) {
        expect(await refusal(node.submit(tx(key, contract, method, args)))).toMatchObject({ code: 'SIGNER_NOT_REGISTERED', details: { signer: key.did } })
      }
      expect(node.size()).toBe(0)
    })

    it('admits its next calls as soon as its registration is admitted, before the block', async () => {
      const { node, tx, commit } = await start()
      const key = KeyPair.generate()
      const registered = node.submit(tx(key, 'identity', 'register', { name: 'Warga' }))
      const posted = node.submit(tx(key, 'notes', 'post', { text: 'halo' }))
      const [r, p] = await Promise.all([registered, posted])
      expect(await node.waitForReceipt(p.txId, 10_000)).toMatchObject({ status: 'ok' })
      expect(await node.waitForReceipt(r.txId, 10_000)).toMatchObject({ status: 'ok' })
      expect(await commit(tx(key, 'notes', 'post', { text: 'lagi' }))).toMatchObject({ status: 'ok' })
    })

    it('admits a genesis admin, who is a member without registering', async () => {
      const { tx, commit } = await start()
      expect(await commit(tx(admin, 'notes', 'post', { text: 'halo' }))).toMatchObject({ status: 'ok' })
    })

    it('refuses a member again once removed from its organisation (what was known is forgotten)', async () => {
      const { tx, commit } = await start()
      const member = KeyPair.generate()
      expect(await commit(tx(admin, 'identity', 'addMember', { org: 'dinsos', did: member.did, roles: ['identity.admin'] }))).toMatchObject({ status: 'ok' })
      expect(await commit(tx(member, 'notes', 'post', { text: 'halo' }))).toMatchObject({ status: 'ok' })
      expect(await commit(tx(admin, 'identity', 'removeMember', { org: 'dinsos', did: member.did }))).toMatchObject({ status: 'ok' })
      expect(await refusal(commit(tx(member, 'notes', 'post', { text: 'lagi' })))).toMatchObject({ code: 'SIGNER_NOT_REGISTERED' })
    })

    it('applies no such rule when the limits turn it off', async () => {
      const { tx, commit } = await start({ admission: { registeredOnly: false } })
      expect(await commit(tx(KeyPair.generate(), 'notes', 'post', { text: 'halo' }))).toMatchObject({ status: 'ok' })
    })
  })

  describe('when the arguments are larger than the method admits', () => {
    it('refuses them with ARGS_TOO_LARGE naming the size and the limit, and keeps a method\'s own limit', async () => {
      const { node, tx, commit } = await start({ admission: { maxArgsBytes: 1000 } })
      const text = 'x'.repeat(2000)
      expect(await refusal(node.submit(tx(admin, 'notes', 'post', { text })))).toEqual({ code: 'ARGS_TOO_LARGE', details: { bytes: 2011, limit: 1000 } })
      expect(await commit(tx(admin, 'notes', 'big', { text }))).toMatchObject({ status: 'ok' })
      expect(await refusal(node.submit(tx(admin, 'notes', 'big', { text: 'x'.repeat(40_000) })))).toMatchObject({ code: 'ARGS_TOO_LARGE', details: { limit: 40_000 } })
    })
  })

  describe('when a key sends faster than its bucket refills', () => {
    it('refuses it with RATE_LIMITED and the seconds to wait, then admits it once refilled', async () => {
      const { node, at, tx } = await start({ admission: { perKey: { burst: 3, perSecond: 0.5 } } })
      for (let i = 0; i < 3; i++) await node.submit(tx(admin, 'notes', 'post', { text: `${i}` }))
      expect(await refusal(node.submit(tx(admin, 'notes', 'post', { text: 'more' })))).toEqual({ code: 'RATE_LIMITED', details: { scope: 'key', retryAfterSeconds: 2 } })
      const other = KeyPair.generate()
      await node.submit(tx(other, 'identity', 'register', { name: 'Warga' }))
      at.now += 2000
      await expect(node.submit(tx(admin, 'notes', 'post', { text: 'later' }))).resolves.toMatchObject({ txId: expect.any(String) })
    })

    it('spends nothing of a key\'s bucket for envelopes that name it without its signature', async () => {
      const { node, tx } = await start({ admission: { perKey: { burst: 2, perSecond: 0.001 } } })
      for (let i = 0; i < 20; i++) {
        const forged = JSON.parse(tx(KeyPair.generate(), 'notes', 'post', { text: `${i}` })) as { tx: { signer: string } }
        forged.tx.signer = admin.did
        expect(await refusal(node.submit(JSON.stringify(forged)))).toMatchObject({ code: 'TX_BAD_SIGNATURE' })
      }
      await node.submit(tx(admin, 'notes', 'post', { text: 'a' }))
      await node.submit(tx(admin, 'notes', 'post', { text: 'b' }))
      expect(await refusal(node.submit(tx(admin, 'notes', 'post', { text: 'c' })))).toMatchObject({ code: 'RATE_LIMITED' })
    })
  })

  describe('when a client address sends faster than its bucket refills', () => {
    it('refuses it with RATE_LIMITED (scope client), one token per started KiB, and no other address', async () => {
      const { node, tx } = await start({ admission: { perClient: { burst: 4, perSecond: 0.001 } } })
      await node.submit(tx(admin, 'notes', 'post', { text: 'x'.repeat(2000) }), { client: '203.0.113.7' })
      await node.submit(tx(admin, 'notes', 'post', { text: 'a' }), { client: '203.0.113.7' })
      expect(await refusal(node.submit(tx(admin, 'notes', 'post', { text: 'x'.repeat(1500) }), { client: '203.0.113.7' }))).toMatchObject({ code: 'RATE_LIMITED', details: { scope: 'client' } })
      await expect(node.submit(tx(admin, 'notes', 'post', { text: 'b' }), { client: '203.0.113.8' })).resolves.toBeDefined()
      await expect(node.submit(tx(admin, 'notes', 'post', { text: 'c' }))).resolves.toBeDefined()
    })

    it('counts the addresses of one IPv6 /64 as one client', async () => {
      const { node, tx } = await start({ admission: { perClient: { burst: 1, perSecond: 0.001 } } })
      await node.submit(tx(admin, 'notes', 'post', { text: 'a' }), { client: '2001:db8:1:2::1' })
      expect(await refusal(node.submit(tx(admin, 'notes', 'post', { text: 'b' }), { client: '2001:db8:1:2::ffff' }))).toMatchObject({ code: 'RATE_LIMITED' })
    })
  })

  describe('when a key\'s calls keep failing', () => {
    it('refuses it for the rest of the UTC day once it has the day\'s most committed failed calls', async () => {
      const { node, at, tx, commit } = await start({ admission: { failedCallsPerDay: 2 } })
      const key = KeyPair.generate()
      expect(await commit(tx(key, 'identity', 'register', { name: 'Warga' }))).toMatchObject({ status: 'ok' })
      for (let i = 0; i < 2; i++) expect(await commit(tx(key, 'identity', 'register', { name: `lagi ${i}` }))).toMatchObject({ code: 'IDENTITY_EXISTS' })
      const size = node.size()
      expect(await refusal(node.submit(tx(key, 'notes', 'post', { text: 'halo' })))).toEqual({ code: 'RATE_LIMITED', details: { scope: 'failed-calls', retryAfterSeconds: 16 * 3600 } })
      expect(node.size()).toBe(size)
      expect(await commit(tx(admin, 'notes', 'post', { text: 'halo' }))).toMatchObject({ status: 'ok' })
      at.now = Date.parse('2026-11-24T00:00:00.000Z')
      expect(await commit(tx(key, 'notes', 'post', { text: 'besok' }))).toMatchObject({ status: 'ok' })
    })
  })

  describe('when the genesis document declares the network\'s limits', () => {
    it('applies them, under the node\'s own options', async () => {
      const { node, tx } = await start({ genesis: genesis({ maxArgsBytes: 100 }) })
      expect(await refusal(node.submit(tx(admin, 'notes', 'post', { text: 'x'.repeat(200) })))).toMatchObject({ code: 'ARGS_TOO_LARGE', details: { limit: 100 } })
      const { node: other, tx: otherTx } = await start({ genesis: genesis({ maxArgsBytes: 100 }), store: new MemoryLedgerStore(), admission: { maxArgsBytes: 1000 } })
      await expect(other.submit(otherTx(admin, 'notes', 'post', { text: 'x'.repeat(200) }))).resolves.toBeDefined()
    })

    it('refuses a malformed section with GENESIS_INVALID naming the field', () => {
      expect(() => genesis({ perKey: { burst: 0, perSecond: 1 } })).toThrow(expect.objectContaining({ code: 'GENESIS_INVALID', message: expect.stringContaining('admission.perKey.burst') }))
    })
  })
})
