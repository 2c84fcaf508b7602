import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { KeyPair } from '../../packages/saksi/src/core/keys/key-pair.js'
import { signTx, type BuildTxInput } from '../../packages/saksi/src/core/tx/sign-tx.js'
import { defineContract } from '../../packages/saksi/src/core/runtime/define-contract.js'
import { defineCodes } from '../../packages/saksi/src/core/codes/define-codes.js'
import { anyone } from '../../packages/saksi/src/core/runtime/policies.js'
import type { Contract } from '../../packages/saksi/src/core/runtime/define-contract.js'
import { MemoryLedgerStore } from '../store/memory/memory-ledger-store.js'
import { createGenesis } from './genesis.js'
import { openNode } from './open-node.js'
import type { LedgerNode } from './ledger-node.js'
import { serviceContracts } from '../services/registry.js'

const nodeKey = KeyPair.generate()
const admin = KeyPair.generate()

// The current rules by default; 'absent' writes a genesis as before rules versions existed (rules 1).
function genesisOf(rules?: number | 'absent') {
  const doc = createGenesis({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did, organisations: [{ id: 'dinsos', name: 'Dinas Sosial', admins: [admin.did] }] })
  if (rules === 'absent') delete doc.rules
  else if (rules !== undefined) doc.rules = rules
  return doc
}

// A contract whose `open` fails until `unseal` ran: a sealed call refused early must not be logged.
const SEALED_CODES = defineCodes({
  SEALED_TOO_EARLY: { kind: 'conflict', id: 'Belum boleh dibuka.', en: 'not yet open for reveals' },
  SEALED_REFUSED: { kind: 'validation', id: 'Isi tidak diterima.', en: 'the content is refused' },
})
const sealedBox: Contract = defineContract({
  name: 'box',
  version: 1,
  codes: SEALED_CODES,
  methods: {
    unseal: { args: z.strictObject({}), allow: anyone, run: (ctx) => ctx.state.put('open', true) },
    open: {
      args: z.strictObject({ price: z.number().int().min(0).max(1e15), ok: z.boolean() }),
      longNumbers: ['price'],
      sealedArgs: true,
      allow: anyone,
      run(ctx, { ok }) {
        if (ctx.state.get('open') !== true) ctx.fail('SEALED_TOO_EARLY')
        if (!ok) ctx.fail('SEALED_REFUSED')
      },
    },
  },
})

let open: LedgerNode[] = []
afterEach(async () => {
  await Promise.all(open.map((n) => n.close()))
  open = []
})

async function start(rules?: number | 'absent'): Promise<LedgerNode> {
  const node = await openNode({ contracts: [...serviceContracts(), sealedBox], store: new MemoryLedgerStore(), key: nodeKey, genesis: genesisOf(rules), signatureWorkers: 0, maxBlockDelayMs: 2, admission: { registeredOnly: false } })
  open.push(node)
  return node
}

function envelope(key: KeyPair, contract: string, method: string, args: BuildTxInput['args']): string {
  return JSON.stringify(signTx({ network: 'kota-contoh', contract, method, args }, key).envelope)
}

describe('ArgumentAdmission', () => {
  describe('when a call is malformed or carries personal data (issue 12, finding 1)', () => {
    it('refuses each attack with its code at the door and logs nothing', async () => {
      const node = await start()
      const k = KeyPair.generate()
      const attacks: [string, string, BuildTxInput['args'], string, Record<string, unknown>?][] = [
        ['bogus', 'x', { nik: '3273012345678901', nama: 'Siti Rahayu', alamat: 'Jl. Merdeka 1' }, 'CONTRACT_UNKNOWN', { contract: 'bogus' }],
        ['identity', 'nosuch', {}, 'METHOD_UNKNOWN'],
        ['identity', 'register', { name: `Siti 0812-3456-7890 ${'x'.repeat(120)}` }, 'ARGS_PERSONAL_DATA', { reason: 'PHONE_NUMBER' }],
        ['identity', 'register', { name: 'x'.repeat(150) }, 'ARGS_INVALID', { path: 'args.name' }],
        ['identity', 'register', { name: 'Siti', age: 30 }, 'ARGS_INVALID', { path: 'args' }],
        ['identity', 'register', { name: '３２７３０１２３４５６７８９０１' }, 'ARGS_PERSONAL_DATA', { reason: 'NIK_IN_CLEAR' }],
        ['identity', 'register', { name: 'Jl. Merdeka 1, telp +62 812 3456 7890' }, 'ARGS_PERSONAL_DATA', { path: 'args.name', reason: 'PHONE_NUMBER' }],
        ['identity', 'register', { name: 'siti.rahayu@mail.example' }, 'ARGS_PERSONAL_DATA', { reason: 'EMAIL_ADDRESS' }],
        // A contract screen's own refusal keeps its old code as the reason.
        ['identity', 'register', { name: 'NIK 3273012345678901' }, 'ARGS_PERSONAL_DATA', { reason: 'IDENTITY_NIK_IN_CLEAR' }],
      ]
      for (const [contract, method, args, code, details] of attacks) {
        await expect(node.submit(envelope(k, contract, method, args)), `${contract}.${method} ${JSON.stringify(args)}`).rejects.toMatchObject({ code, name: 'TransactionRefused', ...(details ? { details: expect.objectContaining(details) } : {}) })
      }
      expect(node.size()).toBe(0)
    })

    it('admits identity.register with {} under the current rules and with a plain label', async () => {
      const node = await start()
      const a = await node.waitForReceipt((await node.submit(envelope(KeyPair.generate(), 'identity', 'register', {}))).txId, 5000)
      const b = await node.waitForReceipt((await node.submit(envelope(KeyPair.generate(), 'identity', 'register', { name: 'Toko Maju Jaya' }))).txId, 5000)
      expect([a?.status, b?.status]).toEqual(['ok', 'ok'])
    })
  })

  describe('when the network was founded under rules 1 (a genesis without rules)', () => {
    it('still refuses at the door, against the schemas of rules 1 (name required)', async () => {
      const node = await start('absent')
      await expect(node.submit(envelope(KeyPair.generate(), 'identity', 'register', {}))).rejects.toMatchObject({ code: 'ARGS_INVALID', details: { path: 'args.name' } })
      await expect(node.submit(envelope(KeyPair.generate(), 'bogus', 'x', {}))).rejects.toMatchObject({ code: 'CONTRACT_UNKNOWN' })
      const ok = await node.waitForReceipt((await node.submit(envelope(KeyPair.generate(), 'identity', 'register', { name: 'Budi' }))).txId, 5000)
      expect(ok?.status).toBe('ok')
      expect(node.size()).toBe(1)
    })
  })

  describe('when a method declares sealed arguments (issue 12, finding 2)', () => {
    it('refuses a call that would fail on the committed head with its code, and admits it once it would succeed', async () => {
      const node = await start()
      const k = KeyPair.generate()
      await expect(node.submit(envelope(k, 'box', 'open', { price: 1_250_000_000, ok: true }))).rejects.toMatchObject({ code: 'SEALED_TOO_EARLY', kind: 'conflict', details: { sealed: true } })
      expect(node.size()).toBe(0)
      await node.waitForReceipt((await node.submit(envelope(k, 'box', 'unseal', {}))).txId, 5000)
      await expect(node.submit(envelope(k, 'box', 'open', { price: 1_250_000_000, ok: false }))).rejects.toMatchObject({ code: 'SEALED_REFUSED', kind: 'validation' })
      const opened = await node.waitForReceipt((await node.submit(envelope(k, 'box', 'open', { price: 1_250_000_000, ok: true }))).txId, 5000)
      expect(opened?.status).toBe('ok')
      expect(node.size()).toBe(2)
    })
  })
})
