import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { signTx, type BuildTxInput } from '../../../packages/saksi/src/core/tx/sign-tx.js'
import { parseEnvelope } from '../../../packages/saksi/src/core/tx/parse-envelope.js'
import { formatTime } from '../../../packages/saksi/src/core/encoding/time.js'
import { defineCodes } from '../../../packages/saksi/src/core/codes/define-codes.js'
import { defineContract, type Contract } from '../../../packages/saksi/src/core/runtime/define-contract.js'
import { anyone } from '../../../packages/saksi/src/core/runtime/policies.js'
import { MemoryLedgerStore } from '../../store/memory/memory-ledger-store.js'
import { createGenesis, openNode, type SaksiNode } from '../../node/index.js'
import { serviceContracts } from '../../services/registry.js'
import { buildApi } from '../build-api.js'
import { expectError } from '../testing/api-harness.js'

const nodeKey = KeyPair.generate()
const admin = KeyPair.generate()
const welfareVerifier = KeyPair.generate()

// A method with sealed arguments that fails until `unseal` ran.
const BOX_CODES = defineCodes({ BOX_CLOSED: { kind: 'conflict', id: 'Kotak belum dibuka.', en: 'the box is not open yet' } })
const box: Contract = defineContract({
  name: 'box',
  version: 1,
  codes: BOX_CODES,
  methods: {
    unseal: { args: z.strictObject({}), allow: anyone, run: (ctx) => ctx.state.put('open', true) },
    open: {
      args: z.strictObject({ price: z.number().int().min(0) }),
      sealedArgs: true,
      allow: anyone,
      run: (ctx) => {
        if (ctx.state.get('open') !== true) ctx.fail('BOX_CLOSED')
      },
    },
  },
})

let node: SaksiNode | undefined
afterEach(async () => {
  await node?.close()
  node = undefined
})

async function api(admission: object = {}) {
  const genesis = createGenesis({
    network: 'kota-contoh',
    origin: 'saksi.example/kota-contoh',
    nodeKey: nodeKey.did,
    organisations: [{ id: 'dinsos', name: 'Dinas Sosial', admins: [admin.did], grants: ['identity.verifier', 'welfare.verifier'], members: [{ did: welfareVerifier.did, roles: ['welfare.verifier'] }] }],
  })
  node = await openNode({ contracts: [...serviceContracts(), box], store: new MemoryLedgerStore(), key: nodeKey, genesis, signatureWorkers: 0, maxBlockDelayMs: 1, admission: { registeredOnly: false, ...admission } })
  return buildApi(node, { logger: false })
}

let nonce = 0
const envelope = (input: Partial<BuildTxInput> = {}, key = KeyPair.generate()) =>
  JSON.stringify(signTx({ network: 'kota-contoh', contract: 'identity', method: 'register', args: { name: 'Siti Rahayu' }, nonce: `s${nonce++}`, ...input }, key).envelope)

type App = Awaited<ReturnType<typeof api>>
const post = (app: App, url: string, payload: string, remoteAddress = '203.0.113.7', headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.inject({ method: 'POST', url, payload, remoteAddress, headers })
const simulate = (app: App, payload: string, remoteAddress?: string) => post(app, '/v1/tx/simulate', payload, remoteAddress)

describe('POST /v1/tx/simulate', () => {
  describe('when the call would succeed', () => {
    it('answers the would-be receipt, keeps nothing, and leaves the txId for a submission', async () => {
      const app = await api()
      const text = envelope()
      const { txId } = parseEnvelope(text)
      const first = await simulate(app, text)
      expect(first.statusCode).toBe(200)
      const answer = JSON.parse(first.body)
      expect(answer).toEqual({ txId, status: 'ok', index: 0, events: [{ type: 'identity.Registered', data: expect.objectContaining({ name: 'Siti Rahayu' }) }], simulated: true })
      expect(JSON.parse((await simulate(app, text)).body)).toEqual(answer)
      expect(node!.size()).toBe(0)
      expect(await node!.receipt(txId)).toBeUndefined()
      const submitted = await post(app, '/v1/tx?wait=true', text)
      expect(JSON.parse(submitted.body)).toMatchObject({ txId, status: 'ok', index: 0 })
      expect(node!.size()).toBe(1)
      // Once committed, the envelope is a duplicate, as for POST /v1/tx.
      expectError(await simulate(app, text), 409, 'TX_DUPLICATE')
    })
  })

  describe('when the call fails on a role', () => {
    it('answers the code, the message and the explanation; the committed result stays without it', async () => {
      const app = await api()
      const citizen = KeyPair.generate()
      await post(app, '/v1/tx?wait=true', envelope({}, citizen))
      const call = envelope({ method: 'verifyCitizen', args: { did: citizen.did, evidence: { method: 'dukcapil' } } }, welfareVerifier)
      const res = await simulate(app, call)
      expect(res.statusCode).toBe(200)
      expect(JSON.parse(res.body)).toMatchObject({
        status: 'failed',
        code: 'ACCESS_DENIED',
        message: 'the caller does not hold the role identity.verifier',
        index: 1,
        events: [],
        simulated: true,
        explanation: {
          needs: [{ role: 'identity.verifier' }],
          has: [{ role: 'welfare.verifier', org: 'dinsos' }],
          message: { en: 'needs `identity.verifier` of any organisation; this key has `welfare.verifier` of `dinsos`' },
        },
      })
      const committed = JSON.parse((await post(app, '/v1/tx?wait=true', call)).body)
      expect(Object.keys(committed).sort()).toEqual(['block', 'code', 'events', 'index', 'status', 'time', 'txId'])
      const entry = JSON.parse(Buffer.from(await node!.entry(committed.index)).toString('utf8'))
      expect(Object.keys(entry.result).sort()).toEqual(['code', 'events', 'message', 'status', 'writes'])
    })

    it('names the organisation an org admin call needs', async () => {
      const app = await api()
      const res = await simulate(app, envelope({ method: 'addMember', args: { org: 'dinsos', did: KeyPair.generate().did, roles: ['identity.verifier'] } }, welfareVerifier))
      expect(JSON.parse(res.body).explanation).toEqual({
        needs: [{ role: 'identity.admin', org: 'dinsos' }],
        has: [{ role: 'welfare.verifier', org: 'dinsos' }],
        message: {
          id: 'perlu peran `identity.admin` di `dinsos`; kunci ini memegang `welfare.verifier` di `dinsos`',
          en: 'needs `identity.admin` of `dinsos`; this key has `welfare.verifier` of `dinsos`',
        },
      })
    })
  })

  describe('when the envelope is malformed', () => {
    const now = Date.now()
    const bodies: [string, () => string, number, string][] = [
      ['not JSON', () => '{"v":1,', 400, 'JSON_INVALID'],
      ['another network', () => envelope({ network: 'kota-lain' }), 422, 'TX_WRONG_NETWORK'],
      ['expired', () => envelope({ expiresAt: formatTime(now - 60_000) }), 422, 'TX_EXPIRED'],
      ['too far ahead', () => envelope({ expiresAt: formatTime(now + 48 * 3600_000) }), 422, 'TX_TOO_FAR_AHEAD'],
      ['an unknown method', () => envelope({ method: 'nope' }), 422, 'METHOD_UNKNOWN'],
      ['arguments that fail the schema', () => envelope({ args: { name: 7 } }), 422, 'ARGS_INVALID'],
      ['a bad signature', () => envelope().replace(/"sig":"[A-Za-z0-9+/]/, (m) => m.slice(0, -1) + (m.endsWith('A') ? 'B' : 'A')), 401, 'TX_BAD_SIGNATURE'],
      ['over 64 KiB', () => envelope().replace(/}$/, ' '.repeat(65 * 1024) + '}'), 413, 'TX_TOO_LARGE'],
    ]
    for (const [what, body, status, code] of bodies) {
      it(`answers ${status} ${code} for ${what}, as POST /v1/tx does, and writes nothing`, async () => {
        const app = await api()
        const text = body()
        const simulated = expectError(await simulate(app, text), status)
        const submitted = expectError(await post(app, '/v1/tx', text), status)
        expect(simulated.code).toBe(submitted.code)
        if (code !== 'JSON_INVALID') expect(simulated.code).toBe(code)
        expect(node!.size()).toBe(0)
      })
    }
    it('answers 415 without a body', async () => {
      const app = await api()
      expectError(await app.inject({ method: 'POST', url: '/v1/tx/simulate' }), 415, 'MEDIA_TYPE_UNSUPPORTED')
    })
  })

  describe('when the method has sealed arguments', () => {
    it('answers the failure that admission would refuse, then ok once the contract allows it', async () => {
      const app = await api()
      const call = envelope({ contract: 'box', method: 'open', args: { price: 1_250_000 } })
      expect(JSON.parse((await simulate(app, call)).body)).toMatchObject({ status: 'failed', code: 'BOX_CLOSED', simulated: true })
      expectError(await post(app, '/v1/tx', call), 409, 'BOX_CLOSED')
      await post(app, '/v1/tx?wait=true', envelope({ contract: 'box', method: 'unseal', args: {} }))
      expect(JSON.parse((await simulate(app, call)).body)).toMatchObject({ status: 'ok', index: 1 })
      expect(node!.size()).toBe(1)
    })
  })

  describe('under the admission limits', () => {
    it('takes from the client’s bucket, as submissions do', async () => {
      const app = await api({ perClient: { burst: 2, perSecond: 0.1 } })
      expect((await simulate(app, envelope())).statusCode).toBe(200)
      expect((await simulate(app, envelope())).statusCode).toBe(200)
      expect(expectError(await post(app, '/v1/tx', envelope()), 429, 'RATE_LIMITED').details).toMatchObject({ scope: 'client' })
      expectError(await simulate(app, envelope()), 429, 'RATE_LIMITED')
      expect((await simulate(app, envelope(), '198.51.100.1')).statusCode).toBe(200)
    })

    it('counts no simulated failure against the key’s failed-call cap, nor its key bucket', async () => {
      const app = await api({ failedCallsPerDay: 1, perKey: { burst: 1, perSecond: 0.01 } })
      const failing = () => envelope({ method: 'verifyCitizen', args: { did: admin.did, evidence: { method: 'dukcapil' } } }, welfareVerifier)
      for (let i = 0; i < 3; i++) expect(JSON.parse((await simulate(app, failing())).body)).toMatchObject({ status: 'failed', code: 'ACCESS_DENIED' })
      expect((await post(app, '/v1/tx', failing())).statusCode).toBe(202)
    })
  })
})
