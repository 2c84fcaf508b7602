import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import type { ErrorBody as ApiErrorBody } from '../../../../../src/api/error-handler.js'
import { FAKE_ADMIN_KEY, TEST_NODE_KEY } from '../../../../../src/api/testing/fake-node.js'
import { listenApi, type ListeningApi } from '../../../../../src/api/testing/listen-api.js'
import type { ErrorBody } from '../types/error-body.js'
import { getContracts } from './get-contracts.js'
import { getGenesis } from './get-genesis.js'
import { getMetrics } from './get-metrics.js'
import { getNetwork } from './get-network.js'
import { getOpenApi } from './get-open-api.js'
import { queryContract } from './query-contract.js'
import { caught } from '../testing/caught.js'
import { withSession } from '../utils/with-session.js'
import { signIn } from './sign-in.js'

let api: ListeningApi

beforeAll(async () => {
  api = await listenApi()
})
afterAll(async () => {
  await api.close()
})

describe('the wire types', () => {
  it('are the shapes the node and the API answer (one source of truth, checked)', () => {
    expectTypeOf<ApiErrorBody>().toEqualTypeOf<ErrorBody>()
  })
})

describe('getNetwork', () => {
  describe('when the node answers', () => {
    it('answers its network description', async () => {
      expect(await getNetwork(api.client)).toEqual(api.node.info())
    })
  })
})

describe('getContracts', () => {
  describe('when the node answers', () => {
    it('lists the installed contracts with their methods and queries', async () => {
      const contracts = await getContracts(api.client)
      expect(contracts.find((c) => c.name === 'identity')).toMatchObject({ methods: expect.arrayContaining(['register']), queries: expect.arrayContaining(['get']) })
    })
  })
})

describe('getGenesis', () => {
  describe('when the node serves it', () => {
    it('answers the genesis document', async () => {
      expect(await getGenesis(api.client)).toEqual(api.node.genesis())
    })
  })
})

describe('queryContract', () => {
  describe('when the query finds something', () => {
    it('answers it', async () => {
      expect(await queryContract(api.client, { contract: 'identity', query: 'organisation', args: { id: 'dinsos' } })).toMatchObject({ id: 'dinsos', admins: [FAKE_ADMIN_KEY.did] })
    })
  })

  describe('when the query finds nothing', () => {
    it('throws NOT_FOUND (404)', async () => {
      expect(await caught(queryContract(api.client, { contract: 'identity', query: 'organisation', args: { id: 'tidak-ada' } }))).toMatchObject({ code: 'NOT_FOUND', status: 404 })
    })
  })

  describe('when an argument is refused', () => {
    it('throws the contract code (400)', async () => {
      expect(await caught(queryContract(api.client, { contract: 'identity', query: 'get', args: { did: 'not a did' } }))).toMatchObject({ code: 'ARGS_INVALID', status: 400 })
    })
  })
})

describe('getOpenApi', () => {
  describe('when the node answers', () => {
    it('answers the OpenAPI 3.1 document', async () => {
      const doc = await getOpenApi(api.client)
      expect(doc).toMatchObject({ openapi: '3.1.0', paths: expect.objectContaining({ '/v1/network': expect.any(Object) }) })
    })
  })
})

describe('getMetrics', () => {
  describe('when the client signed in with the node key', () => {
    it('answers the Prometheus text', async () => {
      const session = await signIn(api.client, { key: TEST_NODE_KEY, network: api.node.info().network })
      expect(await getMetrics(withSession(api.client, session))).toMatch(/^# HELP /m)
    })
  })

  describe('when the client has no session', () => {
    it('throws 401 AUTH_REQUIRED', async () => {
      expect(await caught(getMetrics(api.client))).toMatchObject({ status: 401, code: 'AUTH_REQUIRED' })
    })
  })
})
