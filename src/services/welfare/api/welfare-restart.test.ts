import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JsonObject } from '../../../../packages/saksi/src/core/encoding/json.js'
import { KeyPair } from '../../../../packages/saksi/src/core/keys/key-pair.js'
import { signRequest } from '../../../../packages/saksi/src/core/request/sign-request.js'
import { signTx } from '../../../../packages/saksi/src/core/tx/sign-tx.js'
import { people, welfareGenesis } from '../contract/testing/welfare-fixture.js'
import { createGenesis } from '../../../node/genesis.js'
import type { LedgerNode } from '../../../node/ledger-node.js'
import { openNode } from '../../../node/open-node.js'
import { MemoryLedgerStore } from '../../../store/memory/memory-ledger-store.js'
import { SqliteRequestGuardStore } from '../../../store/guard/sqlite-request-guard-store.js'
import { NikHasher } from '../../../store/vault/nik-hasher.js'
import { PersonalDataVault } from '../../../store/vault/personal-data-vault.js'
import { SqliteVaultBackend } from '../../../store/vault/sqlite-vault-backend.js'
import { buildApi } from '../../../api/build-api.js'
import { expectError } from '../../../api/testing/api-harness.js'
import { dataDirPaths } from '../../../cli/data-dir/data-dir-paths.js'
import { SERVICES, serviceContracts } from '../../registry.js'
import { CITIZEN_NIKS_PER_DAY } from './welfare-routes.js'

const nodeKey = KeyPair.generate()
let dir: string
let node: LedgerNode

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saksi-welfare-restart-'))
  const genesis = createGenesis({ network: 'kota-contoh', origin: 'saksi.example/kota-contoh', nodeKey: nodeKey.did, organisations: welfareGenesis().organisations as never })
  node = await openNode({ contracts: serviceContracts(), store: new MemoryLedgerStore(), key: nodeKey, genesis, signatureWorkers: 0, maxBlockDelayMs: 1 })
})
afterAll(async () => {
  await node.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Opens the API on the data directory `dir`, runs `use`, then closes what it opened: one run of the node's API. */
async function run<T>(use: (app: FastifyInstance) => Promise<T>): Promise<T> {
  const paths = dataDirPaths(dir)
  const vault = new PersonalDataVault(new SqliteVaultBackend(paths.vault), { bytes: new Uint8Array(32).fill(9), id: 'k9000000' })
  const guards = new SqliteRequestGuardStore(paths.requests)
  const app = buildApi(node, { services: SERVICES, vault, nik: new NikHasher(new Uint8Array(32).fill(1)), guards })
  try {
    return await use(app)
  } finally {
    await app.close()
    guards.close()
    vault.close()
  }
}
const post = (app: FastifyInstance, body: unknown) => app.inject({ method: 'POST', url: '/v1/welfare/personal-data', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) })

describe('POST /v1/welfare/personal-data', () => {
  describe('when the node restarts', () => {
    it('still refuses a signed request it answered before the restart', async () => {
      const once = signRequest({ network: 'kota-contoh', action: 'welfare.deposit', body: { records: [{ name: 'Siti Aminah' }] } }, people.enumerator)
      expect((await run((app) => post(app, once))).statusCode).toBe(201)
      expectError(await run((app) => post(app, once)), 409, 'REQUEST_REPLAYED')
    })

    it("keeps a citizen's daily NIK quota", async () => {
      const citizen = KeyPair.generate()
      const exec = async (key: KeyPair, contract: string, method: string, args: JsonObject) => {
        const t = await node.submit(JSON.stringify(signTx({ network: 'kota-contoh', contract, method, args }, key).envelope))
        expect(await node.waitForReceipt(t.txId, 10_000)).toMatchObject({ status: 'ok' })
      }
      await exec(citizen, 'identity', 'register', { name: 'Warga' })
      await exec(people.identityVerifier, 'identity', 'verifyCitizen', { did: citizen.did, evidence: { method: 'ktp-el-chip' } })
      const nik = (i: number) => `32730145019${String(i).padStart(5, '0')}`
      const deposit = (from: number, n: number) => signRequest({ network: 'kota-contoh', action: 'welfare.deposit', body: { people: Array.from({ length: n }, (_, j) => ({ records: [{ nik: nik(from + j) }] })) } }, citizen)
      expect((await run((app) => post(app, deposit(0, CITIZEN_NIKS_PER_DAY)))).statusCode).toBe(201)
      expectError(await run((app) => post(app, deposit(100, 1))), 429, 'REQUEST_QUOTA_EXCEEDED')
    })
  })
})
