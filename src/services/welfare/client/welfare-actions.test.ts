import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JsonObject } from '../../../../packages/saksi/src/core/encoding/json.js'
import { KeyPair } from '../../../../packages/saksi/src/core/keys/key-pair.js'
import { signRequest } from '../../../../packages/saksi/src/core/request/sign-request.js'
import { signTx } from '../../../../packages/saksi/src/core/tx/sign-tx.js'
import { periodAt } from '../contract/periods.js'
import { pkhRules } from '../contract/pkh-example.js'
import { people, welfareGenesis } from '../contract/testing/welfare-fixture.js'
import { createGenesis } from '../../../node/genesis.js'
import { openNode } from '../../../node/open-node.js'
import { MemoryLedgerStore } from '../../../store/memory/memory-ledger-store.js'
import { MemoryVaultBackend } from '../../../store/vault/memory-vault-backend.js'
import { NikHasher } from '../../../store/vault/nik-hasher.js'
import { PersonalDataVault } from '../../../store/vault/personal-data-vault.js'
import { sendTransaction } from '../../../../packages/saksi/src/client/actions/send-transaction.js'
import type { SaksiClient } from '../../../../packages/saksi/src/client/create-client.js'
import { listenApi, type ListeningApi } from '../../../api/testing/listen-api.js'
import { depositPersonalData, type DepositedPerson } from './deposit-personal-data.js'
import { getDisbursementRun } from './get-disbursement-run.js'
import { getHousehold } from './get-household.js'
import { signIn } from '../../../../packages/saksi/src/client/actions/sign-in.js'
import { withSession } from '../../../../packages/saksi/src/client/utils/with-session.js'
import { getHouseholdAccesses } from './get-household-accesses.js'
import { getProgramme } from './get-programme.js'
import { getProgrammeDecisions } from './get-programme-decisions.js'
import { getProgrammeStats } from './get-programme-stats.js'
import { getProgrammes } from './get-programmes.js'
import { readPersonalData } from './read-personal-data.js'
import { checkNiks } from './check-niks.js'
import { caught } from '../../../../packages/saksi/src/client/testing/caught.js'
import { serviceContracts } from '../../registry.js'

const P = 'dinsos.pkh'
const period = periodAt('quarter', new Date().toISOString())
let api: ListeningApi
let client: SaksiClient
let household: string

const exec = async (signer: KeyPair, method: string, args: JsonObject) => {
  const r = await sendTransaction(client, { signer, contract: 'welfare', method, args, network: 'kota-contoh', wait: true })
  expect(r, method).toMatchObject({ status: 'ok' })
  return r as { events: { data: JsonObject }[] }
}
const deposit = async (body: JsonObject) => (await depositPersonalData(client, { request: signRequest({ network: 'kota-contoh', action: 'welfare.deposit', body }, people.enumerator) })) as DepositedPerson
const link = (r: { ref: string; commitment: string }) => ({ ref: r.ref, commitment: r.commitment })

// A two-person household deposited, registered and verified through the client.
/** A client with a session of the agency's officer: household trails name who did what. */
const officerClient = async () => withSession(client, await signIn(client, { key: people.officer, network: 'kota-contoh' }))

beforeAll(async () => {
  const nodeKey = KeyPair.generate()
  const genesis = createGenesis({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did, organisations: welfareGenesis().organisations as never })
  const node = await openNode({ contracts: serviceContracts(), store: new MemoryLedgerStore(), key: nodeKey, genesis, signatureWorkers: 0, maxBlockDelayMs: 1 })
  const vault = new PersonalDataVault(new MemoryVaultBackend(), { bytes: new Uint8Array(32).fill(9), id: 'k9000000' })
  api = await listenApi(node, { vault, nik: new NikHasher(new Uint8Array(32).fill(1)) })
  client = api.client
  await exec(people.programmeAdmin, 'createProgramme', { programme: P, name: 'PKH', periodKind: 'quarter', regions: ['32.73'], rules: pkhRules(period) })
  const head = await deposit({ records: [{ name: 'Siti Aminah', nik: '3273014501900001', birthDate: '1990-01-05' }] })
  const child = await deposit({ records: [{ name: 'Rizky', nik: '3273011203150002', birthDate: '2015-03-12' }] })
  const extra = await deposit({ subject: head.subject, records: [{ address: 'Jl. Melati No. 3, Kota Contoh' }, { consent: 'cap jempol' }] })
  const checked = await checkNiks(client, { envelope: signTx({ network: 'kota-contoh', contract: 'welfare', method: 'recordNikCheck', args: { programme: P, purpose: 'registration', refs: [head.records[0]!.ref, child.records[0]!.ref] } }, people.enumerator).envelope })
  const hashOf = new Map(checked.hashes.map((h) => [h.ref, h.nikHash]))
  const member = (p: DepositedPerson, relationship: string, birthMonth: string, schoolLevel: string) =>
    ({ nikHash: hashOf.get(p.records[0]!.ref)!, relationship, birthMonth, schoolLevel, disability: 'none', pregnant: false, record: link(p.records[0]!) }) as JsonObject
  const r = await exec(people.enumerator, 'registerHousehold', {
    programme: P,
    region: '32.73.01.1001',
    incomeDecile: 2,
    members: [member(head, 'head', '1990-01', 'none'), member(child, 'child', '2015-03', 'sd')],
    consent: { method: 'thumbprint', evidence: link(extra.records[1]!) },
    record: link(extra.records[0]!),
  })
  household = r.events[0]!.data.household as string
  await exec(people.verifier, 'verifyHousehold', { programme: P, household, evidence: { method: 'dukcapil' } })
}, 30_000)
afterAll(async () => {
  await api.close()
})

describe('depositPersonalData', () => {
  describe('when several people are deposited at once', () => {
    it('answers each with their own subject', async () => {
      const body = { people: [{ records: [{ name: 'A' }] }, { records: [{ name: 'B' }] }] }
      const r = await depositPersonalData(client, { request: signRequest({ network: 'kota-contoh', action: 'welfare.deposit', body }, people.enumerator) })
      expect(r).toMatchObject({ people: [{ subject: expect.any(String), records: [{ nik: false }] }, { records: [expect.objectContaining({ ref: expect.any(String) })] }] })
    })
  })

  describe('when the signer may not deposit', () => {
    it('throws ACCESS_DENIED (403)', async () => {
      const e = await caught(depositPersonalData(client, { request: signRequest({ network: 'kota-contoh', action: 'welfare.deposit', body: { records: [{ name: 'x' }] } }, KeyPair.generate()) }))
      expect(e).toMatchObject({ code: 'ACCESS_DENIED', status: 403 })
    })
  })
})

describe('checkNiks', () => {
  describe('when the check names a record of a registered household', () => {
    it('throws the failed call code with its txId, and answers no hash', async () => {
      const trail = await getHousehold(await officerClient(), { programme: P, household })
      const ref = (trail as unknown as { household: { members: { record: { ref: string } }[] } }).household.members[0]!.record.ref
      const envelope = signTx({ network: 'kota-contoh', contract: 'welfare', method: 'recordNikCheck', args: { programme: P, purpose: 'registration', refs: [ref] } }, people.enumerator).envelope
      expect(await caught(checkNiks(client, { envelope }))).toMatchObject({ code: 'WELFARE_VAULT_REF_USED', status: 409, details: { txId: expect.any(String) } })
    })
  })
})

describe('readPersonalData', () => {
  describe('when a welfare officer records the read', () => {
    it("answers the household's records, and the household sees the read", async () => {
      const envelope = signTx({ network: 'kota-contoh', contract: 'welfare', method: 'recordAccess', args: { programme: P, household, purpose: 'payment-issue', note: 'Rekening ditolak' } }, people.officer).envelope
      const r = await readPersonalData(client, { envelope })
      expect(r.access).toMatchObject({ txId: expect.any(String), index: expect.any(Number) })
      expect(r.records.map((x) => ('record' in x ? x.record : x.unavailable))).toEqual([{ address: 'Jl. Melati No. 3, Kota Contoh' }, expect.objectContaining({ name: 'Siti Aminah' }), expect.objectContaining({ name: 'Rizky' }), { consent: 'cap jempol' }])
      expect(await getHouseholdAccesses(await officerClient(), { programme: P, household })).toEqual([expect.objectContaining({ by: people.officer.did, purpose: 'payment-issue' })])
    })
  })

  describe('when the signer holds no welfare role', () => {
    it('throws the failed call code with its txId', async () => {
      const text = JSON.stringify(signTx({ network: 'kota-contoh', contract: 'welfare', method: 'recordAccess', args: { programme: P, household, purpose: 'audit', note: 'x' } }, people.treasurer).envelope)
      expect(await caught(readPersonalData(client, { envelope: text }))).toMatchObject({ code: 'ACCESS_DENIED', status: 403, details: { txId: expect.any(String) } })
    })
  })
})

describe('getProgrammes', () => {
  describe('when a programme exists', () => {
    it('lists it', async () => {
      expect(await getProgrammes(client)).toEqual([expect.objectContaining({ id: P })])
    })
  })
})

describe('getProgramme', () => {
  describe('when it exists', () => {
    it('answers it with its rule versions', async () => {
      expect(await getProgramme(client, { programme: P })).toMatchObject({ id: P, versions: [expect.objectContaining({ version: 1 })] })
    })
  })

  describe('when it does not', () => {
    it('throws NOT_FOUND (404)', async () => {
      expect(await caught(getProgramme(client, { programme: 'dinsos.nothing' }))).toMatchObject({ code: 'NOT_FOUND', status: 404 })
    })
  })
})

describe('getProgrammeStats', () => {
  describe('when the period has no payments', () => {
    it('answers the figures with no region', async () => {
      expect(await getProgrammeStats(client, { programme: P, period })).toMatchObject({ programme: P, regions: [] })
    })
  })
})

describe('getProgrammeDecisions', () => {
  describe('when households were decided', () => {
    it('answers the public counts', async () => {
      expect(await getProgrammeDecisions(client, { programme: P })).toMatchObject({ programme: P })
    })
  })
})

describe('getDisbursementRun', () => {
  describe('when no run was opened for the period', () => {
    it('throws NOT_FOUND (404)', async () => {
      expect(await caught(getDisbursementRun(client, { programme: P, period }))).toMatchObject({ code: 'NOT_FOUND', status: 404 })
    })
  })
})

describe('getHousehold', () => {
  describe('when the household is registered', () => {
    it('answers its trail with the decision', async () => {
      expect(await getHousehold(await officerClient(), { programme: P, household })).toMatchObject({ decisions: [expect.objectContaining({ eligible: true })] })
    })
  })

  describe('when the client has no session', () => {
    it('throws AUTH_REQUIRED (401): the trail names who did what to the household', async () => {
      expect(await caught(getHousehold(client, { programme: P, household }))).toMatchObject({ code: 'AUTH_REQUIRED', status: 401 })
    })
  })

  describe('when the id is not of the right form', () => {
    it('throws PARAM_INVALID (400)', async () => {
      expect(await caught(getHousehold(await officerClient(), { programme: P, household: 'hh-nope' }))).toMatchObject({ code: 'PARAM_INVALID', status: 400 })
    })
  })
})
