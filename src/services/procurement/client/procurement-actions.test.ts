import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JsonObject } from '../../../../packages/saksi/src/core/encoding/json.js'
import { KeyPair } from '../../../../packages/saksi/src/core/keys/key-pair.js'
import { bidCommitment } from '../contract/bid-commitment.js'
import { parkBenchBid, parkBenchCriteria, parkBenchPlan } from '../contract/park-bench-example.js'
import { people, procurementGenesis } from '../contract/testing/procurement-fixture.js'
import { createGenesis } from '../../../node/genesis.js'
import { openNode } from '../../../node/open-node.js'
import { MemoryLedgerStore } from '../../../store/memory/memory-ledger-store.js'
import { sendTransaction } from '../../../../packages/saksi/src/client/actions/send-transaction.js'
import type { SaksiClient } from '../../../../packages/saksi/src/client/create-client.js'
import { listenApi, type ListeningApi } from '../../../api/testing/listen-api.js'
import { getOcdsRecord } from './get-ocds-record.js'
import { getOcdsReleases } from './get-ocds-releases.js'
import { getProcess } from './get-process.js'
import { getProcessConsistency } from './get-process-consistency.js'
import { getProcessHistory } from './get-process-history.js'
import { getProcessTrailPage } from './get-process-trail-page.js'
import { getShipment } from './get-shipment.js'
import { getShipmentQrCode } from './get-shipment-qr-code.js'
import { getShipmentTrailPage } from './get-shipment-trail-page.js'
import { getSupplier } from './get-supplier.js'
import { listProcesses } from './list-processes.js'
import { listSuppliers } from './list-suppliers.js'
import { caught } from '../../../../packages/saksi/src/client/testing/caught.js'
import { serviceContracts } from '../../registry.js'

const P = 'pertamanan.bangku-2026'
const OTHER = 'pertamanan.bangku-2027'
const HOUR = 3_600_000
let api: ListeningApi
let client: SaksiClient
// The node's clock: moved past the tender's deadlines instead of waiting for them.
let offset = 0
const clock = () => Date.now() + offset

const exec = async (signer: KeyPair, method: string, args: JsonObject, contract = 'procurement') => {
  const r = await sendTransaction(client, { signer, contract, method, args, network: 'kota-contoh', now: clock(), wait: true })
  expect(r, `${method}: ${'code' in r ? r.code : ''}`).toMatchObject({ status: 'ok' })
}

// One process taken from plan to a dispatched shipment, and a second one only planned.
beforeAll(async () => {
  const nodeKey = KeyPair.generate()
  const genesis = createGenesis({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did, organisations: procurementGenesis().organisations as never })
  const node = await openNode({ contracts: serviceContracts(), store: new MemoryLedgerStore(), key: nodeKey, genesis, signatureWorkers: 0, maxBlockDelayMs: 1, now: clock })
  api = await listenApi(node)
  client = api.client
  // Keys the directory does not know may only register (the admission limits): businesses first.
  for (const [key, name] of [[people.mebel, 'CV Mebel Jaya'], [people.karya, 'PT Karya Taman'], [people.carrier, 'Kurir']] as const) await exec(key, 'register', { name }, 'identity')
  await exec(people.mebel, 'registerSupplier', { supplier: 'mebel-jaya', name: 'CV Mebel Jaya', nib: '9120001234567' })
  await exec(people.karya, 'registerSupplier', { supplier: 'karya-taman', name: 'PT Karya Taman', nib: '8120007654321' })
  await exec(people.officer, 'createPlan', parkBenchPlan(P))
  await exec(people.officer, 'createPlan', parkBenchPlan(OTHER))
  const bidDeadline = new Date(clock() + HOUR).toISOString()
  const revealDeadline = new Date(clock() + 2 * HOUR).toISOString()
  await exec(people.officer, 'publishTender', { process: P, title: 'Tender bangku', description: 'Tender terbuka', bidDeadline, revealDeadline, criteria: parkBenchCriteria })
  const bid = parkBenchBid(4_200_000, 1_000_000, 30, 60)
  const salt = randomBytes(32).toString('hex')
  await exec(people.mebel, 'commitBid', { process: P, supplier: 'mebel-jaya', commitment: bidCommitment({ process: P, supplier: 'mebel-jaya', bid, salt }) })
  offset += HOUR + 1000
  await exec(people.mebel, 'revealBid', { process: P, supplier: 'mebel-jaya', bid: bid as unknown as JsonObject, salt })
  offset += HOUR
  await exec(people.officer, 'award', { process: P })
  await exec(people.officer, 'issueContract', { process: P, milestones: [{ id: 'tahap-1', title: 'Tahap 1', dueDate: '2099-12-15', lines: [{ item: 'bangku', quantity: 50 }, { item: 'tempat-sampah', quantity: 20 }] }] })
  await exec(people.mebel, 'acceptContract', { process: P })
  await exec(people.mebel, 'dispatch', { process: P, shipment: 's1', milestone: 'tahap-1', lines: [{ item: 'bangku', quantity: 50 }], carrier: people.carrier.did, lat: -6.2, lon: 106.8, place: 'Gudang Jepara' })
}, 30_000)
afterAll(async () => {
  await api.close()
})

describe('listProcesses', () => {
  describe('when there are more processes than the limit', () => {
    it('answers a page and where the next one starts', async () => {
      const first = await listProcesses(client, { limit: 1 })
      expect(first).toEqual({ items: [expect.objectContaining({ id: P })], next: { after: P, limit: 1 } })
      expect(await listProcesses(client, first.next)).toEqual({ items: [expect.objectContaining({ id: OTHER })] })
    })
  })
})

describe('getProcess', () => {
  describe('when the process exists', () => {
    it('answers the whole process', async () => {
      expect(await getProcess(client, { process: P })).toMatchObject({ process: { id: P, stage: expect.any(String) }, bids: [expect.objectContaining({ supplier: 'mebel-jaya' })] })
    })
  })

  describe('when it does not', () => {
    it('throws NOT_FOUND (404)', async () => {
      expect(await caught(getProcess(client, { process: 'pertamanan.tidak-ada' }))).toMatchObject({ code: 'NOT_FOUND', status: 404 })
    })
  })

  describe('when the id is not of the right form', () => {
    it('throws PARAM_INVALID (400), the id kept within its path segment', async () => {
      expect(await caught(getProcess(client, { process: '../suppliers' }))).toMatchObject({ code: 'PARAM_INVALID', status: 400 })
    })
  })
})

describe('getProcessHistory', () => {
  describe('when the process exists', () => {
    it('answers every step with its transaction', async () => {
      const history = (await getProcessHistory(client, { process: P })) as { txId: string }[]
      expect(history.length).toBeGreaterThan(5)
      expect(history[0]).toMatchObject({ txId: expect.stringMatching(/^[0-9a-f]{64}$/) })
    })
  })
})

describe('getProcessConsistency', () => {
  describe('when the process exists', () => {
    it("answers the auditors' report", async () => {
      expect(await getProcessConsistency(client, { process: P })).toMatchObject({ process: P })
    })
  })
})

describe('getProcessTrailPage', () => {
  describe('when the process exists', () => {
    it('answers the HTML page', async () => {
      expect(await getProcessTrailPage(client, { process: P })).toMatch(/^<!doctype html>/i)
    })
  })
})

describe('getShipment', () => {
  describe('when the shipment exists', () => {
    it('answers it with its movements', async () => {
      expect(await getShipment(client, { process: P, shipment: 's1' })).toMatchObject({ shipment: expect.objectContaining({ id: 's1' }) })
    })
  })

  describe('when it does not', () => {
    it('throws NOT_FOUND (404)', async () => {
      expect(await caught(getShipment(client, { process: P, shipment: 's9' }))).toMatchObject({ code: 'NOT_FOUND', status: 404 })
    })
  })
})

describe('getShipmentTrailPage', () => {
  describe('when the shipment exists', () => {
    it('answers the HTML page', async () => {
      expect(await getShipmentTrailPage(client, { process: P, shipment: 's1' })).toContain('Gudang Jepara')
    })
  })
})

describe('getShipmentQrCode', () => {
  describe('when the shipment exists', () => {
    it('answers the SVG image', async () => {
      expect(await getShipmentQrCode(client, { process: P, shipment: 's1' })).toMatch(/^<svg/)
    })
  })
})

describe('listSuppliers', () => {
  describe('when everything fits the page', () => {
    it('answers the suppliers and no next page', async () => {
      expect(await listSuppliers(client)).toEqual({ items: [expect.objectContaining({ id: 'karya-taman' }), expect.objectContaining({ id: 'mebel-jaya' })] })
    })
  })
})

describe('getSupplier', () => {
  describe('when the supplier is registered', () => {
    it('answers it with its keys', async () => {
      expect(await getSupplier(client, { supplier: 'mebel-jaya' })).toMatchObject({ name: 'CV Mebel Jaya', keys: [people.mebel.did] })
    })
  })
})

describe('getOcdsReleases', () => {
  describe('when one process is asked for', () => {
    it('answers its release package', async () => {
      const r = await getOcdsReleases(client, { process: P })
      expect(r.next).toBeUndefined()
      expect(r.package).toMatchObject({ releases: expect.arrayContaining([expect.objectContaining({ ocid: `ocds-saksi-${P}` })]) })
    })
  })

  describe('when every process is asked for a page at a time', () => {
    it('answers a page and where the next one starts', async () => {
      expect(await getOcdsReleases(client, { limit: 1 })).toMatchObject({ next: { after: P, limit: 1 } })
    })
  })
})

describe('getOcdsRecord', () => {
  describe('when the ocid is this publisher’s', () => {
    it('answers the record package', async () => {
      expect(await getOcdsRecord(client, { ocid: `ocds-saksi-${P}` })).toMatchObject({ records: [expect.objectContaining({ ocid: `ocds-saksi-${P}` })] })
    })
  })

  describe('when it is another publisher’s', () => {
    it('throws NOT_FOUND (404)', async () => {
      expect(await caught(getOcdsRecord(client, { ocid: `ocds-lain-${P}` }))).toMatchObject({ code: 'NOT_FOUND', status: 404 })
    })
  })
})
