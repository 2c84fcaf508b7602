import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { JsonObject } from '../../../../packages/saksi/src/core/encoding/json.js'
import { KeyPair } from '../../../../packages/saksi/src/core/keys/key-pair.js'
import { signRequest } from '../../../../packages/saksi/src/core/request/sign-request.js'
import { signTx } from '../../../../packages/saksi/src/core/tx/sign-tx.js'
import { periodAt } from '../contract/periods.js'
import { pkhRules } from '../contract/pkh-example.js'
import { people, welfareGenesis } from '../contract/testing/welfare-fixture.js'
import { createGenesis } from '../../../node/genesis.js'
import type { LedgerNode } from '../../../node/ledger-node.js'
import { openNode } from '../../../node/open-node.js'
import { MemoryLedgerStore } from '../../../store/memory/memory-ledger-store.js'
import { MemoryVaultBackend } from '../../../store/vault/memory-vault-backend.js'
import { NikHasher } from '../../../store/vault/nik-hasher.js'
import { PersonalDataVault } from '../../../store/vault/personal-data-vault.js'
import { buildApi } from '../../../api/build-api.js'
import { expectError } from '../../../api/testing/api-harness.js'
import { signIn } from '../../../api/testing/sign-in.js'
import { SERVICES, serviceContracts } from '../../registry.js'

const P = 'dinsos.pkh'
const nodeKey = KeyPair.generate()
let node: LedgerNode
let app: FastifyInstance
let vault: PersonalDataVault

beforeEach(async () => {
  const genesis = createGenesis({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did, organisations: welfareGenesis().organisations as never })
  node = await openNode({ contracts: serviceContracts(), store: new MemoryLedgerStore(), key: nodeKey, genesis, signatureWorkers: 0, maxBlockDelayMs: 1 })
  vault = new PersonalDataVault(new MemoryVaultBackend(), { bytes: new Uint8Array(32).fill(9), id: 'k9000000' })
  app = buildApi(node, { services: SERVICES, vault, nik: new NikHasher(new Uint8Array(32).fill(1)) })
})
afterEach(async () => {
  await app.close()
  await node.close()
})

const post = (url: string, body: unknown) => app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: typeof body === 'string' ? body : JSON.stringify(body) })
const deposit = (key: KeyPair, body: JsonObject, over: Partial<Parameters<typeof signRequest>[0]> = {}) =>
  post('/v1/welfare/personal-data', signRequest({ network: 'kota-contoh', action: 'welfare.deposit', body, now: Date.now(), ...over }, key))
const envelope = (key: KeyPair, method: string, args: JsonObject) => JSON.stringify(signTx({ network: 'kota-contoh', contract: 'welfare', method, args }, key).envelope)
async function exec(key: KeyPair, method: string, args: JsonObject) {
  const { txId } = await node.submit(envelope(key, method, args))
  const r = await node.waitForReceipt(txId, 10_000)
  expect(r, method).toMatchObject({ status: 'ok' })
  return r!
}

/** What the nik-hashes route answers. */
interface NikHashes {
  check: { txId: string; index: number; seq: number }
  hashes: { ref: string; nikHash: string }[]
}

/** Deposits a two-person household through the API and registers and verifies it; returns its id. */
async function enrol(): Promise<string> {
  const period = periodAt('quarter', new Date().toISOString())
  await exec(people.programmeAdmin, 'createProgramme', { programme: P, name: 'PKH', periodKind: 'quarter', regions: ['32.73'], rules: pkhRules(period) })
  const head = JSON.parse((await deposit(people.enumerator, { records: [{ name: 'Siti Aminah', nik: '3273014501900001', birthDate: '1990-01-05' }] })).body) as { subject: string; records: { ref: string; commitment: string }[] }
  const child = JSON.parse((await deposit(people.enumerator, { records: [{ name: 'Rizky', nik: '3273011203150002', birthDate: '2015-03-12' }] })).body) as typeof head
  const extra = JSON.parse((await deposit(people.enumerator, { subject: head.subject, records: [{ address: 'Jl. Melati No. 3, Kota Contoh' }, { consent: 'cap jempol' }] })).body) as typeof head
  const link = (r: { ref: string; commitment: string }) => ({ ref: r.ref, commitment: r.commitment })
  const checked = await post('/v1/welfare/personal-data/nik-hashes', envelope(people.enumerator, 'recordNikCheck', { programme: P, purpose: 'registration', refs: [head.records[0]!.ref, child.records[0]!.ref] }))
  expect(checked.statusCode).toBe(200)
  const [headHash, childHash] = (JSON.parse(checked.body) as NikHashes).hashes.map((h) => h.nikHash)
  const r = await exec(people.enumerator, 'registerHousehold', {
    programme: P,
    region: '32.73.01.1001',
    incomeDecile: 2,
    members: [
      { nikHash: headHash!, relationship: 'head', birthMonth: '1990-01', schoolLevel: 'none', disability: 'none', pregnant: false, record: link(head.records[0]!) },
      { nikHash: childHash!, relationship: 'child', birthMonth: '2015-03', schoolLevel: 'sd', disability: 'none', pregnant: false, record: link(child.records[0]!) },
    ],
    consent: { method: 'thumbprint', evidence: link(extra.records[1]!) },
    record: link(extra.records[0]!),
  })
  const household = (r.events[0]!.data as { household: string }).household
  await exec(people.verifier, 'verifyHousehold', { programme: P, household, evidence: { method: 'dukcapil' } })
  return household
}

describe('POST /v1/welfare/personal-data', () => {
  it("seals a field officer's records in the vault and answers references, commitments, salts and which hold a NIK", async () => {
    const res = await deposit(people.enumerator, { records: [{ name: 'Siti Aminah', nik: '3273014501900001' }, { note: 'tanpa NIK' }] })
    expect(res.statusCode).toBe(201)
    const body = JSON.parse(res.body) as { subject: string; records: { ref: string; commitment: string; salt: string; nik: boolean }[] }
    expect(body.records).toHaveLength(2)
    expect(body.records.map((r) => r.nik)).toEqual([true, false])
    expect(vault.read(body.records[0]!.ref)).toMatchObject({ subject: body.subject, record: { name: 'Siti Aminah' }, commitment: body.records[0]!.commitment, salt: body.records[0]!.salt })
  })

  it('takes several people at once, each under their own key', async () => {
    const res = await deposit(people.enumerator, { people: [{ records: [{ name: 'A', nik: '3273014501900001' }] }, { records: [{ name: 'B' }, { note: 'x' }] }] })
    expect(res.statusCode).toBe(201)
    const body = JSON.parse(res.body) as { people: { subject: string; records: { ref: string }[] }[] }
    expect(body.people).toHaveLength(2)
    expect(body.people[0]!.subject).not.toBe(body.people[1]!.subject)
    expect(body.people[1]!.records).toHaveLength(2)
    expect(vault.read(body.people[1]!.records[1]!.ref)).toMatchObject({ subject: body.people[1]!.subject, record: { note: 'x' } })
    expectError(await deposit(people.enumerator, { people: [{ records: [] }] }), 400, 'REQUEST_INVALID')
    expectError(await deposit(people.enumerator, { people: [{ records: [{ nik: 'bad' }] }] }), 400, 'VAULT_NIK_INVALID')
  })

  it('lets a verified citizen deposit their household within a daily quota of NIKs, not an unverified one', async () => {
    const citizen = KeyPair.generate()
    const run = async (key: KeyPair, contract: string, method: string, args: JsonObject) => {
      const t = await node.submit(JSON.stringify(signTx({ network: 'kota-contoh', contract, method, args }, key).envelope))
      expect(await node.waitForReceipt(t.txId, 10_000)).toMatchObject({ status: 'ok' })
    }
    await run(citizen, 'identity', 'register', { name: 'Warga' })
    // Registered but not verified: the answer carries NIK hashes, so no.
    expectError(await deposit(citizen, { records: [{ nik: '3273014501900001' }] }), 403, 'ACCESS_DENIED')
    await run(people.identityVerifier, 'identity', 'verifyCitizen', { did: citizen.did, evidence: { method: 'ktp-el-chip' } })
    const nik = (i: number) => `32730145019${String(i).padStart(5, '0')}`
    const household = { people: Array.from({ length: 5 }, (_, i) => ({ records: [{ nik: nik(i) }] })) }
    expect((await deposit(citizen, household)).statusCode).toBe(201)
    // 30 NIKs a day: a household, not a search through the 620,000 candidates of one person.
    for (let i = 1; i < 6; i++) expect((await deposit(citizen, { people: Array.from({ length: 5 }, (_, j) => ({ records: [{ nik: nik(i * 10 + j) }] })) })).statusCode).toBe(201)
    expectError(await deposit(citizen, { records: [{ nik: nik(99) }] }), 429, 'REQUEST_QUOTA_EXCEEDED')
    expect((await deposit(citizen, { records: [{ note: 'no NIK here' }] })).statusCode).toBe(201)
  })

  it('refuses a field officer whose key was revoked', async () => {
    const officer = KeyPair.generate()
    const add = await node.submit(JSON.stringify(signTx({ network: 'kota-contoh', contract: 'identity', method: 'addMember', args: { org: 'dinsos', did: officer.did, roles: ['welfare.enumerator'] } }, people.dinsosAdmin).envelope))
    expect(await node.waitForReceipt(add.txId, 10_000)).toMatchObject({ status: 'ok' })
    expect((await deposit(officer, { records: [{ name: 'x' }] })).statusCode).toBe(201)
    const revoke = await node.submit(JSON.stringify(signTx({ network: 'kota-contoh', contract: 'identity', method: 'revokeKey', args: { did: officer.did } }, officer).envelope))
    expect(await node.waitForReceipt(revoke.txId, 10_000)).toMatchObject({ status: 'ok' })
    expectError(await deposit(officer, { records: [{ name: 'x' }] }), 403, 'ACCESS_DENIED')
  })

  it('refuses strangers, replays, bad signatures, other networks and a malformed NIK', async () => {
    expectError(await deposit(KeyPair.generate(), { records: [{ name: 'x' }] }), 403, 'ACCESS_DENIED')
    const once = signRequest({ network: 'kota-contoh', action: 'welfare.deposit', body: { records: [{ name: 'x' }] } }, people.enumerator)
    expect((await post('/v1/welfare/personal-data', once)).statusCode).toBe(201)
    expectError(await post('/v1/welfare/personal-data', once), 409, 'REQUEST_REPLAYED')
    expectError(await post('/v1/welfare/personal-data', { ...once, req: { ...once.req, body: { records: [{ name: 'y' }] } } }), 401, 'REQUEST_BAD_SIGNATURE')
    expectError(await deposit(people.enumerator, { records: [{ name: 'x' }] }, { network: 'kota-lain' }), 422, 'REQUEST_WRONG_NETWORK')
    expectError(await deposit(people.enumerator, { records: [{ nik: '12345' }] }), 400, 'VAULT_NIK_INVALID')
    expectError(await deposit(people.enumerator, { records: [] }), 400, 'REQUEST_INVALID')
    expectError(await post('/v1/welfare/personal-data', '{"req":'), 400)
  })

  it('names the field of a malformed body, after the policy: strangers learn nothing of its shape', async () => {
    const message = async (body: JsonObject) => {
      const res = await deposit(people.enumerator, body)
      expect(res.statusCode).toBe(400)
      return (JSON.parse(res.body) as { error: { code: string; message: string } }).error
    }
    expect(await message({})).toEqual(expect.objectContaining({ code: 'REQUEST_INVALID', message: 'req.body.records must hold 1-50 records' }))
    expect((await message({ records: Array.from({ length: 51 }, () => ({ a: 1 })) })).message).toBe('req.body.records must hold 1-50 records')
    expect((await message({ records: [{ a: 1 }, [1]] })).message).toBe('req.body.records[1] must hold JSON objects')
    expect((await message({ records: [{ a: 1 }], subject: 7 })).message).toBe('req.body.subject must be a string')
    expect((await message({ people: [] })).message).toBe('req.body.people must hold 1-50 people')
    expect((await message({ people: [{ records: [{ a: 1 }] }, { records: 'x' }] })).message).toBe('req.body.people[1].records must hold 1-50 records')
    expectError(await deposit(KeyPair.generate(), {}), 403, 'ACCESS_DENIED')
  })

  it('documents the body it checks, derived from the same schema', async () => {
    const doc = JSON.parse((await app.inject({ method: 'GET', url: '/openapi.json' })).body) as { paths: Record<string, { post: { requestBody: { content: { 'application/json': { schema: { properties: { req: { properties: { action: unknown; body: { properties: Record<string, { maxItems?: number }> } } } } } } } } } }> }
    const req = doc.paths['/v1/welfare/personal-data']!.post.requestBody.content['application/json'].schema.properties.req
    // OpenAPI 3.0 writes a JSON Schema const as a one-value enum.
    expect(req.properties.action).toEqual({ enum: ['welfare.deposit'] })
    expect(Object.keys(req.properties.body.properties).sort()).toEqual(['people', 'records', 'subject'])
    expect(req.properties.body.properties.records!.maxItems).toBe(50)
  })
})

describe('POST /v1/welfare/personal-data (keyed NIK hashes)', () => {
  describe('when an officer deposits a NIK to learn its keyed hash', () => {
    it('answers no hash: nothing on the log would show who looked whom up', async () => {
      const before = node.size()
      const res = await deposit(people.enumerator, { records: [{ nik: '3273014501900001' }] })
      expect(res.statusCode).toBe(201)
      const hash = new NikHasher(new Uint8Array(32).fill(1)).hash('3273014501900001')
      expect(res.body).not.toContain(hash)
      expect(node.size()).toBe(before)
    })
  })
})

describe('POST /v1/welfare/personal-data/nik-hashes', () => {
  const hasher = new NikHasher(new Uint8Array(32).fill(1))
  const programme = () => exec(people.programmeAdmin, 'createProgramme', { programme: P, name: 'PKH', periodKind: 'quarter', regions: ['32.73'], rules: pkhRules(periodAt('quarter', new Date().toISOString())) })
  const refsOf = async (key: KeyPair, body: JsonObject) => (JSON.parse((await deposit(key, body)).body) as { records: { ref: string }[] }).records.map((r) => r.ref)
  const check = (key: KeyPair, args: JsonObject) => post('/v1/welfare/personal-data/nik-hashes', envelope(key, 'recordNikCheck', { programme: P, purpose: 'registration', ...args }))

  describe('when an official asks with a recorded check', () => {
    it('commits the check (who, why, which records) before it answers the hashes', async () => {
      await programme()
      const refs = await refsOf(people.enumerator, { records: [{ nik: '3273014501900001' }] })
      const res = await check(people.enumerator, { refs, note: 'Pendaftaran di balai desa' })
      expect(res.statusCode).toBe(200)
      const body = JSON.parse(res.body) as NikHashes
      expect(body.hashes).toEqual([{ ref: refs[0], nikHash: hasher.hash('3273014501900001') }])
      const committed = await node.receipt(body.check.txId)
      expect(committed).toMatchObject({ status: 'ok', index: body.check.index, events: [{ type: 'welfare.NikCheckRecorded', data: { by: people.enumerator.did, purpose: 'registration', niks: 1 } }] })
      expect(await node.query('welfare', 'nikChecksBy', { programme: P, did: people.enumerator.did })).toEqual([expect.objectContaining({ seq: body.check.seq, refs, note: 'Pendaftaran di balai desa', served: null })])
    })
  })

  describe('when the check is refused', () => {
    it('answers no hash to a signer without a welfare role, and logs nothing for a record without a NIK', async () => {
      await programme()
      const refs = await refsOf(people.enumerator, { records: [{ nik: '3273014501900001' }, { note: 'tanpa NIK' }] })
      const denied = await check(people.treasurer, { refs: [refs[0]!] })
      expectError(denied, 403, 'ACCESS_DENIED')
      expect(denied.body).not.toContain(hasher.hash('3273014501900001'))
      const size = node.size()
      expectError(await check(people.enumerator, { refs }), 400, 'WELFARE_NIK_CHECK_INVALID')
      expectError(await check(people.enumerator, { refs: ['pd_00000000000000000000000000000000'] }), 404, 'VAULT_RECORD_NOT_FOUND')
      expectError(await post('/v1/welfare/personal-data/nik-hashes', envelope(people.enumerator, 'recordAccess', { programme: P, household: 'hh-00000000000000000000', purpose: 'audit', note: 'x' })), 400, 'REQUEST_INVALID')
      expect(node.size()).toBe(size)
    })

    it("refuses with 429, before logging anything, a citizen past the day's limit", async () => {
      await programme()
      const citizen = KeyPair.generate()
      for (const [key, method, args] of [
        [citizen, 'register', { name: 'Warga' }],
        [people.identityVerifier, 'verifyCitizen', { did: citizen.did, evidence: { method: 'ktp-el-chip' } }],
      ] as const) {
        const t = await node.submit(JSON.stringify(signTx({ network: 'kota-contoh', contract: 'identity', method, args: args as JsonObject }, key).envelope))
        expect(await node.waitForReceipt(t.txId, 10_000)).toMatchObject({ status: 'ok' })
      }
      const nik = (i: number) => `32730145019${String(i).padStart(5, '0')}`
      const refs = await refsOf(citizen, { records: Array.from({ length: 30 }, (_, i) => ({ nik: nik(i) })) })
      expect((await check(citizen, { refs: refs.slice(0, 29) })).statusCode).toBe(200)
      const size = node.size()
      expectError(await check(citizen, { refs: refs.slice(29).concat(await refsOf(people.enumerator, { records: [{ nik: nik(99) }] })) }), 429, 'REQUEST_QUOTA_EXCEEDED')
      expect(node.size()).toBe(size)
      expect((await check(citizen, { refs: refs.slice(29) })).statusCode).toBe(200)
    })
  })
})

describe('POST /v1/welfare/personal-data/read', () => {
  it("answers the household's records only after the read is committed, and the household sees who read them and why", async () => {
    const household = await enrol()
    const res = await post('/v1/welfare/personal-data/read', envelope(people.officer, 'recordAccess', { programme: P, household, purpose: 'payment-issue', note: 'Rekening ditolak' }))
    expect(res.statusCode).toBe(200)
    const body = JSON.parse(res.body) as { access: { txId: string }; records: { record: JsonObject }[] }
    expect(body.records.map((r) => r.record)).toEqual([{ address: 'Jl. Melati No. 3, Kota Contoh' }, expect.objectContaining({ name: 'Siti Aminah' }), expect.objectContaining({ name: 'Rizky' }), { consent: 'cap jempol' }])
    const accesses = JSON.parse((await app.inject({ url: `/v1/welfare/programmes/${P}/households/${household}/accesses`, headers: await signIn(app, people.verifier) })).body) as { by: string; purpose: string }[]
    expect(accesses).toEqual([expect.objectContaining({ by: people.officer.did, purpose: 'payment-issue' })])
  })

  it("refuses an official's reads past the day's quota with 429, counting only reads the node admits", async () => {
    await app.close()
    app = buildApi(node, { services: SERVICES.map((s) => (s.name === 'welfare' ? { ...s, options: { readsPerDay: 2 } } : s)), vault, nik: new NikHasher(new Uint8Array(32).fill(1)) })
    const household = await enrol()
    const read = (note: string) => envelope(people.officer, 'recordAccess', { programme: P, household, purpose: 'audit', note })
    const first = read('pertama')
    expect((await post('/v1/welfare/personal-data/read', first)).statusCode).toBe(200)
    // A copy of a committed record is not admitted, and takes nothing.
    expect((await post('/v1/welfare/personal-data/read', first)).statusCode).toBeGreaterThanOrEqual(400)
    expect((await post('/v1/welfare/personal-data/read', read('kedua'))).statusCode).toBe(200)
    const size = node.size()
    expectError(await post('/v1/welfare/personal-data/read', read('ketiga')), 429, 'REQUEST_QUOTA_EXCEEDED')
    expect(node.size()).toBe(size)
  })

  it('gives nothing to an official without a welfare role, and takes only recordAccess transactions', async () => {
    const household = await enrol()
    const denied = await post('/v1/welfare/personal-data/read', envelope(people.treasurer, 'recordAccess', { programme: P, household, purpose: 'audit', note: 'x' }))
    expectError(denied, 403, 'ACCESS_DENIED')
    expect(denied.body).not.toContain('Siti')
    expectError(await post('/v1/welfare/personal-data/read', envelope(people.officer, 'appeal', { programme: P, household, decision: 1, statement: 'x' })), 400, 'REQUEST_INVALID')
    expectError(await post('/v1/welfare/personal-data/read', '{"tx":{}}'), 400)
  })
})

describe('GET /v1/welfare/...', () => {
  it('serves the programme, the household trail and the public figures, with 404 and 400 where due', async () => {
    const household = await enrol()
    const officer = await signIn(app, people.officer)
    expect(JSON.parse((await app.inject({ url: '/v1/welfare/programmes' })).body)).toEqual([expect.objectContaining({ id: P })])
    expect(JSON.parse((await app.inject({ url: `/v1/welfare/programmes/${P}` })).body)).toMatchObject({ id: P, versions: [expect.objectContaining({ version: 1 })] })
    const trail = JSON.parse((await app.inject({ url: `/v1/welfare/programmes/${P}/households/${household}`, headers: officer })).body) as { decisions: { eligible: boolean }[] }
    expect(trail.decisions).toEqual([expect.objectContaining({ eligible: true })])
    const period = periodAt('quarter', new Date().toISOString())
    expect(JSON.parse((await app.inject({ url: `/v1/welfare/programmes/${P}/stats/${period}` })).body)).toMatchObject({ programme: P, regions: [] })
    expectError(await app.inject({ url: '/v1/welfare/programmes/dinsos.nothing' }), 404, 'NOT_FOUND')
    expectError(await app.inject({ url: `/v1/welfare/programmes/${P}/households/hh-nope` }), 400, 'PARAM_INVALID')
    expectError(await app.inject({ url: `/v1/welfare/programmes/${P}/runs/${period}` }), 404, 'NOT_FOUND')
    // A malformed query argument is the client's mistake: 400, never a 500.
    expectError(await app.inject({ url: `/v1/contracts/welfare/queries/instruction?programme=${P}&instruction=a%20b`, headers: officer }), 400, 'ARGS_INVALID')
    expectError(await app.inject({ url: '/v1/contracts/welfare/queries/applications?did=not%20a%20did', headers: officer }), 400, 'ARGS_INVALID')
  })

  describe('when a read names who did what to which household', () => {
    it('asks for a session (401), refuses a reader without a role in the agency (403), and keeps aggregates public', async () => {
      const household = await enrol()
      await post('/v1/welfare/personal-data/read', envelope(people.officer, 'recordAccess', { programme: P, household, purpose: 'payment-issue', note: 'x' }))
      const period = periodAt('quarter', new Date().toISOString())
      const gated = [
        `/v1/welfare/programmes/${P}/households/${household}/accesses`,
        `/v1/welfare/programmes/${P}/households/${household}`,
        `/v1/contracts/welfare/queries/accesses?programme=${P}&household=${household}`,
        `/v1/contracts/welfare/queries/household?programme=${P}&household=${household}`,
        `/v1/contracts/welfare/queries/households?programme=${P}&status=eligible`,
        `/v1/contracts/welfare/queries/openAppeals?programme=${P}`,
        `/v1/contracts/welfare/queries/payments?programme=${P}&status=failed`,
        `/v1/contracts/welfare/queries/instruction?programme=${P}&instruction=${household}/${period}`,
        `/v1/contracts/welfare/queries/applications?did=${people.officer.did}`,
        `/v1/contracts/welfare/queries/nikChecks?programme=${P}&household=${household}`,
        `/v1/contracts/welfare/queries/nikChecksBy?programme=${P}&did=${people.officer.did}`,
        `/v1/contracts/welfare/queries/nikHashUsage?programme=${P}&did=${people.officer.did}&day=2026-12-03`,
      ]
      const stranger = await signIn(app, KeyPair.generate())
      for (const url of gated) {
        const open = await app.inject({ url })
        expectError(open, 401, 'AUTH_REQUIRED')
        expect(open.body, url).not.toContain(people.officer.did.slice(8))
        expectError(await app.inject({ url, headers: stranger }), 403, 'ACCESS_DENIED')
      }
      const verifier = await signIn(app, people.verifier)
      const read = await app.inject({ url: gated[2]!, headers: verifier })
      expect(read.statusCode).toBe(200)
      expect(JSON.parse(read.body)).toEqual([expect.objectContaining({ by: people.officer.did })])
      expect((await app.inject({ url: gated[4]!, headers: verifier })).statusCode).toBe(200)
      // Aggregates and the programme's rules stay public.
      for (const url of [`/v1/welfare/programmes/${P}/stats/${period}`, `/v1/welfare/programmes/${P}/decisions`, `/v1/welfare/programmes/${P}`]) expect((await app.inject({ url })).statusCode, url).toBe(200)
    })
  })

  it('is described in /openapi.json', async () => {
    const doc = JSON.parse((await app.inject({ url: '/openapi.json' })).body) as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> }
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/welfare/personal-data', '/v1/welfare/personal-data/read', '/v1/welfare/programmes/{programme}/households/{household}/accesses']))
    // The contract query route takes free arguments: no made-up parameters named after schema keywords.
    const params = doc.paths['/v1/contracts/{contract}/queries/{query}']!.get!.parameters!.map((p) => `${p.in}:${p.name}`)
    expect(params).toEqual(['path:contract', 'path:query'])
  })
})
