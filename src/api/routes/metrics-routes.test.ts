import { describe, expect, it } from 'vitest'
import { buildApi } from '../build-api.js'
import { createApiHarness } from '../testing/api-harness.js'

describe('GET /metrics', () => {
  it("serves the node's registry with request durations by route and status", async () => {
    const h = await createApiHarness()
    await h.app.inject({ url: '/v1/network' })
    await h.app.inject({ url: '/v1/blocks/99' })
    await h.app.inject({ url: '/no/such/path/1' })
    await h.app.inject({ url: '/no/such/path/2' })
    const res = await h.app.inject({ url: '/metrics' })
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

  describe('when a second app serves the same node', () => {
    it('reuses the histogram instead of registering it twice', async () => {
      const h = await createApiHarness()
      const second = buildApi(h.node)
      await second.ready()
      expect((await second.inject({ url: '/metrics' })).statusCode).toBe(200)
      await second.close()
      await h.close()
    })
  })
})
