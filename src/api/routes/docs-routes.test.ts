import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiHarness, type ApiHarness } from '../testing/api-harness.js'
import { serviceContracts } from '../../services/registry.js'

interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: { pattern?: string } }[]
  requestBody?: { content: Record<string, { schema: { required?: string[] } }> }
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>
}
interface Schema {
  type?: string
  required?: string[]
  properties?: Record<string, Schema>
  items?: Schema
}

/** The required members of `schema` that `value` lacks, recursively (a shallow conformance check). */
function missingMembers(schema: Schema | undefined, value: unknown, path = '$'): string[] {
  if (!schema || typeof value !== 'object' || value === null) return []
  if (Array.isArray(value)) return value.flatMap((v, i) => missingMembers(schema.items, v, `${path}[${i}]`))
  const obj = value as Record<string, unknown>
  return [
    ...(schema.required ?? []).filter((k) => !(k in obj)).map((k) => `${path}.${k}`),
    ...Object.entries(schema.properties ?? {}).flatMap(([k, s]) => missingMembers(s, obj[k], `${path}.${k}`)),
  ]
}

describe('GET /openapi.json', () => {
  let h: ApiHarness
  let doc: { openapi: string; info: { title: string }; paths: Record<string, Record<string, Operation>> }
  beforeAll(async () => {
    h = await createApiHarness()
    const res = await h.app.inject({ url: '/openapi.json' })
    expect(res.statusCode).toBe(200)
    doc = JSON.parse(res.body)
  })
  afterAll(() => h.close())

  it('is an OpenAPI 3.1 document titled Saksi', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info.title).toBe('Saksi')
  })

  it('describes every route of PROTOCOL section 7 with its method', () => {
    const expected: [string, string][] = [
      ['/v1/network', 'get'],
      ['/v1/tx', 'post'],
      ['/v1/tx/{txId}', 'get'],
      ['/v1/log/checkpoint', 'get'],
      ['/v1/log/entries/{index}', 'get'],
      ['/v1/log/proof/inclusion', 'get'],
      ['/v1/log/proof/consistency', 'get'],
      ['/v1/blocks/{height}', 'get'],
      ['/v1/blocks/latest', 'get'],
      ['/v1/events', 'get'],
      ['/v1/contracts/{contract}/queries/{query}', 'get'],
    ]
    for (const [path, method] of expected) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined()
  })

  it("documents every served method's arguments as a component schema derived from the contract's own", () => {
    const schemas = (doc as unknown as { components: { schemas: Record<string, Schema & { description?: string; properties?: Record<string, Schema & { enum?: string[] }> }> } }).components.schemas
    for (const c of serviceContracts()) for (const m of c.methods.keys()) expect(schemas[`${c.name}.${m}`], `${c.name}.${m}`).toBeDefined()
    const verify = schemas['welfare.verifyHousehold']!
    expect(verify.required).toEqual(['programme', 'household', 'evidence'])
    expect((verify.properties!.evidence as { properties: Record<string, { enum?: string[] }> }).properties.method!.enum).toEqual(['dukcapil', 'documents', 'home-visit'])
    expect(verify.description).toContain('Who may call it: welfare.verifier')
    expect(schemas['procurement.revealBid']!.description).toContain('Sealed')
  })

  it('takes its parameters from the schemas the routes validate with', () => {
    const inclusion = doc.paths['/v1/log/proof/inclusion']!.get!
    expect(inclusion.parameters?.map((p) => [p.in, p.name, p.required])).toEqual([
      ['query', 'index', true],
      ['query', 'size', true],
    ])
    expect(inclusion.parameters?.[0]?.schema.pattern).toBe('^(0|[1-9][0-9]{0,15})$')
    expect(doc.paths['/v1/events']!.get!.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(['query:from', 'header:last-event-id'])
  })

  it('documents the envelope as the body of POST /v1/tx and its error statuses', () => {
    const post = doc.paths['/v1/tx']!.post!
    expect(post.requestBody?.content['application/json']?.schema.required).toEqual(['tx', 'sig'])
    expect(Object.keys(post.responses).sort()).toEqual(['200', '202', '400', '401', '409', '413', '415', '422', '429', '503'])
  })

  it('describes answers that the routes really give', async () => {
    await h.submit(h.envelope().text, '?wait=true')
    const txId = (JSON.parse((await h.app.inject({ url: '/v1/log/entries/0' })).body) as { txId: string }).txId
    const checks: [string, string][] = [
      ['/v1/network', '/v1/network'],
      [`/v1/tx/${txId}`, '/v1/tx/{txId}'],
      ['/v1/blocks/latest', '/v1/blocks/latest'],
      ['/v1/blocks/0', '/v1/blocks/{height}'],
      ['/v1/log/proof/inclusion?index=0&size=1', '/v1/log/proof/inclusion'],
      ['/v1/log/entries/0', '/v1/log/entries/{index}'],
    ]
    for (const [url, path] of checks) {
      const res = await h.app.inject({ url })
      const schema = doc.paths[path]!.get!.responses['200']!.content!['application/json']!.schema
      expect(missingMembers(schema, JSON.parse(res.body)), url).toEqual([])
    }
    const error = await h.app.inject({ url: '/v1/blocks/99' })
    expect(missingMembers(doc.paths['/v1/blocks/{height}']!.get!.responses['404']!.content!['application/json']!.schema, JSON.parse(error.body))).toEqual([])
  })
})

describe('GET /docs', () => {
  it('serves the browsable page', async () => {
    const h = await createApiHarness()
    const res = await h.app.inject({ url: '/docs' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.body).toContain('swagger')
    await h.close()
  })
})

describe('the /docs front page', () => {
  let h: ApiHarness
  beforeAll(async () => {
    h = await createApiHarness()
  })
  afterAll(() => h.close())

  describe('when an operator opens the front page', () => {
    it('describes the API in Bahasa Indonesia first, then in English', async () => {
      const doc = JSON.parse((await h.app.inject({ url: '/openapi.json' })).body) as { info: { description: string } }
      const id = doc.info.description.indexOf('API HTTP node Saksi')
      const en = doc.info.description.indexOf('The HTTP API of a Saksi node')
      expect(id).toBe(2)
      expect(en).toBeGreaterThan(id)
      expect(doc.info.description).toContain('buku besar (ledger) yang dapat diverifikasi')
    })
    it('titles the Swagger UI page in both languages', async () => {
      const page = await h.app.inject({ url: '/docs' })
      expect(page.statusCode).toBe(200)
      expect(page.body).toContain('<title>Saksi: dokumentasi API / API documentation</title>')
    })
  })
})
