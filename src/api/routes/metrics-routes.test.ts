import { describe, expect, it } from 'vitest'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { buildApi } from '../build-api.js'
import { createApiHarness, expectError } from '../testing/api-harness.js'
import { TEST_NODE_KEY } from '../testing/fake-node.js'
import { signIn } from '../testing/sign-in.js'

describe('GET /metrics', () => {
  it("serves the node's registry with request durations by route and status to the node key's session", async () => {
    const h = await createApiHarness()
    await h.app.inject({ url: '/v1/network' })
    await h.app.inject({ url: '/v1/blocks/99' })
    await h.app.inject({ url: '/no/such/path/1' })
    await h.app.inject({ url: '/no/such/path/2' })
    const res = await h.app.inject({ url: '/metrics', headers: await signIn(h.app, TEST_NODE_KEY) })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/plain/)
    for (const { name } of await h.node.metrics.getMetricsAsJSON()) expect(res.body).toContain(`# TYPE ${name} `)
    expect(res.body).toMatch(/saksi_http_request_duration_seconds_count\{method="GET",route="\/v1\/network",status_code="200"\} 1/)
    expect(res.body).toMatch(/saksi_http_request_duration_seconds_count\{method="GET",route="\/v1\/blocks\/:height",status_code="404"\} 1/)
    // Unmatched paths share one label value, so hostile URLs cannot multiply series.
    expect(res.body).toMatch(/saksi_http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} 2/)
    expect(res.body).not.toContain('/no/such/path')
    await h.close()
  })

  describe('when the reader has no session', () => {
    it('answers 401 AUTH_REQUIRED with a Bearer challenge', async () => {
      const h = await createApiHarness()
      const res = await h.app.inject({ url: '/metrics' })
      expectError(res, 401, 'AUTH_REQUIRED')
      expect(res.headers['www-authenticate']).toBe('Bearer realm="saksi"')
      await h.close()
    })
  })

  describe('when the reader is signed in without the operator role', () => {
    it('answers 403 ACCESS_DENIED', async () => {
      const h = await createApiHarness()
      expectError(await h.app.inject({ url: '/metrics', headers: await signIn(h.app, KeyPair.generate()) }), 403, 'ACCESS_DENIED')
      await h.close()
    })
  })

  describe('when a second app serves the same node', () => {
    it('reuses the histogram instead of registering it twice', async () => {
      const h = await createApiHarness()
      const second = buildApi(h.node)
      await second.ready()
      expect((await second.inject({ url: '/metrics', headers: await signIn(second, TEST_NODE_KEY) })).statusCode).toBe(200)
      await second.close()
      await h.close()
    })
  })
})
