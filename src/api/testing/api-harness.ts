/**
 * Test support for the API (test-only, not in dist): an app over a node, signed envelopes, and
 * checks of the protocol's error body. The node comes from `makeNode`, the in-memory fake by
 * default, so that the same tests can run against the real node.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import { ERROR_CODE_PATTERN } from '../../../packages/saksi/src/core/errors.js'
import type { JsonObject } from '../../../packages/saksi/src/core/encoding/json.js'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { signTx, type BuildTxInput } from '../../../packages/saksi/src/core/tx/sign-tx.js'
import type { SaksiNode } from '../../node/saksi-node.js'
import { buildApi, type ApiOptions } from '../build-api.js'
import { FakeNode } from './fake-node.js'
import { openRealNode } from './real-node.js'
import { SERVICES } from '../../services/registry.js'

/** An app and its node. */
export interface ApiHarness {
  node: SaksiNode
  app: FastifyInstance
  network: string
  /** Signs an `identity.register` (or the given call) with a fresh key unless one is given. */
  envelope(input?: Partial<BuildTxInput>, key?: KeyPair): { text: string; txId: string; key: KeyPair; envelope: JsonObject }
  /** `POST /v1/tx` with a JSON body. */
  submit(body: string | Buffer, query?: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>
  close(): Promise<void>
}

/** Makes the node under test. */
export type NodeFactory = () => SaksiNode | Promise<SaksiNode>

/** The in-memory fake, committing a block 5 ms after a submission. */
export const fakeNodeFactory: NodeFactory = () => new FakeNode({ autoCommitMs: 5 })

/**
 * True when the tests run against the real embedded node (the default); `SAKSI_API_NODE=fake`
 * runs them against the in-memory fake instead, to tell an API bug from a node bug.
 */
export const onRealNode = process.env.SAKSI_API_NODE !== 'fake'

/** The node the route tests use: the real node, or the fake with `SAKSI_API_NODE=fake`. */
export const defaultNodeFactory: NodeFactory = onRealNode ? openRealNode : fakeNodeFactory

let nonce = 0

/**
 * Builds an app over a fresh node.
 * @param options API options (the logger is off unless given)
 * @param makeNode the node factory
 */
export async function createApiHarness(options: ApiOptions = {}, makeNode: NodeFactory = defaultNodeFactory): Promise<ApiHarness> {
  const node = await makeNode()
  const app = buildApi(node, { logger: false, services: SERVICES, ...options })
  await app.ready()
  const network = node.info().network
  return {
    node,
    app,
    network,
    envelope(input = {}, key = KeyPair.generate()) {
      const p = signTx({ network, contract: 'identity', method: 'register', args: { name: 'Siti Rahayu' }, nonce: `t${nonce++}`, ...input }, key)
      return { text: JSON.stringify(p.envelope), txId: p.txId, key, envelope: p.envelope as unknown as JsonObject }
    },
    submit(body, query = '', headers = { 'content-type': 'application/json' }) {
      return app.inject({ method: 'POST', url: `/v1/tx${query}`, payload: body, headers })
    },
    async close() {
      await app.close()
      await node.close()
    },
  }
}

/** What an error response carries. */
export interface ErrorResponse {
  code: string
  message: string
  details: Record<string, unknown>
  body: Record<string, unknown>
}

/**
 * Checks that a response is the protocol's error body with a stable code, and returns it.
 * @param res the response
 * @param status the expected status
 * @param code the expected code, if any
 */
export function expectError(res: LightMyRequestResponse, status: number, code?: string): ErrorResponse {
  expect({ status: res.statusCode, body: res.body.slice(0, 300) }).toMatchObject({ status })
  expect(res.headers['content-type']).toMatch(/^application\/json/)
  const body = JSON.parse(res.body) as { error: { code: string; message: string; details: Record<string, unknown> } }
  expect(Object.keys(body.error).sort()).toEqual(['code', 'details', 'message'])
  expect(body.error.code).toMatch(ERROR_CODE_PATTERN)
  expect(typeof body.error.message).toBe('string')
  expect(typeof body.error.details).toBe('object')
  if (code !== undefined) expect(body.error.code).toBe(code)
  return { ...body.error, body }
}
