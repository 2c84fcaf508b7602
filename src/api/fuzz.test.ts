import { get } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_CODE_PATTERN } from '../../packages/saksi/src/core/errors.js'
import { seededRandom } from '../../packages/saksi/src/core/merkle/testing/seeded-random.js'
import { leafHash, verifyCheckpoint, verifyInclusion } from 'saksi/verify'
import { MemoryVaultBackend } from '../store/vault/memory-vault-backend.js'
import { NikHasher } from '../store/vault/nik-hasher.js'
import { PersonalDataVault } from '../store/vault/personal-data-vault.js'
import { createApiHarness, type ApiHarness } from './testing/api-harness.js'
import { hostileEventsRequest, hostileRequest, type FuzzContext } from './testing/hostile-requests.js'

const SEED = Number(process.env.SAKSI_FUZZ_SEED ?? 20261123)
const COUNT = Number(process.env.SAKSI_FUZZ_COUNT ?? 3000)

/** Why a response breaks the protocol, or undefined if it does not. */
function problemWith(method: string, status: number, headers: Record<string, unknown>, body: string): string | undefined {
  if (status >= 500) return `answered ${status}`
  if (status < 400 || method === 'HEAD') return undefined
  if (!String(headers['content-type']).startsWith('application/json')) return `error as ${String(headers['content-type'])}`
  let parsed: { error?: { code?: unknown; message?: unknown; details?: unknown }; txId?: unknown }
  try {
    parsed = JSON.parse(body)
  } catch {
    return 'error body is not JSON'
  }
  const e = parsed.error
  if (!e || typeof e.code !== 'string' || !ERROR_CODE_PATTERN.test(e.code)) return 'error body has no code'
  if (typeof e.message !== 'string' || typeof e.details !== 'object' || e.details === null || Array.isArray(e.details)) return 'error body lacks message or details'
  if (status === 409 && typeof parsed.txId !== 'string') return '409 without txId'
  return undefined
}

describe('the API under hostile requests', () => {
  let h: ApiHarness
  beforeAll(async () => {
    // With a vault, so that the personal-data routes answer as on a real node.
    const vault = new PersonalDataVault(new MemoryVaultBackend(), { bytes: new Uint8Array(32).fill(7), id: 'k7000000' })
    h = await createApiHarness({ waitTimeoutMs: 100, vault, nik: new NikHasher(new Uint8Array(32).fill(8)) })
  })
  afterAll(() => h.close())

  it(`answers ${COUNT} generated requests (seed ${SEED}) without a 5xx, each error with its code`, async () => {
    const rand = seededRandom(SEED)
    const ctx: FuzzContext = { network: h.network, sent: [], size: () => h.node.size() }
    const problems: string[] = []
    const codes = new Map<string, number>()
    const statuses = new Map<number, number>()
    for (let i = 0; i < COUNT; i++) {
      const req = hostileRequest(rand, ctx)
      const res = await h.app.inject(req)
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1)
      const problem = problemWith(String(req.method), res.statusCode, res.headers, res.body)
      if (problem) problems.push(`#${i} ${String(req.method)} ${String(req.url).slice(0, 120)}: ${problem}: ${res.body.slice(0, 200)}`)
      if (res.statusCode >= 400 && req.method !== 'HEAD' && !problem) {
        const code = (JSON.parse(res.body) as { error: { code: string } }).error.code
        codes.set(code, (codes.get(code) ?? 0) + 1)
      }
    }
    if (process.env.SAKSI_FUZZ_REPORT) console.log(Object.fromEntries([...statuses].sort()), Object.fromEntries([...codes].sort((a, b) => b[1] - a[1])))
    expect(problems).toEqual([])
    // The generator reaches deep: many distinct refusals, and real admissions and commits too.
    expect(codes.size).toBeGreaterThanOrEqual(30)
    for (const code of ['TX_BAD_SIGNATURE', 'TX_DUPLICATE', 'TX_WRONG_NETWORK', 'TX_EXPIRED', 'TX_TOO_FAR_AHEAD', 'TX_TOO_LARGE', 'JSON_MALFORMED', 'PARAM_INVALID', 'METHOD_NOT_ALLOWED', 'ROUTE_NOT_FOUND']) {
      expect(codes.get(code), code).toBeGreaterThan(0)
    }
    expect(statuses.get(202)).toBeGreaterThan(100)
  })

  it('still serves and commits, and its log still verifies, afterwards', async () => {
    const res = await h.submit(h.envelope().text, '?wait=true')
    expect(res.statusCode).toBe(200)
    const vkey = (JSON.parse((await h.app.inject({ url: '/v1/network' })).body) as { vkey: string }).vkey
    const cp = verifyCheckpoint((await h.app.inject({ url: '/v1/log/checkpoint' })).body, vkey)
    expect(cp.size).toBe(h.node.size())
    const rand = seededRandom(SEED + 1)
    for (let i = 0; i < 20; i++) {
      const index = rand(cp.size)
      const bytes = new Uint8Array((await h.app.inject({ url: `/v1/log/entries/${index}` })).rawPayload)
      const proof = (JSON.parse((await h.app.inject({ url: `/v1/log/proof/inclusion?index=${index}&size=${cp.size}` })).body) as { proof: string[] }).proof
      expect(verifyInclusion({ leafHash: leafHash(bytes), index, size: cp.size, proof, root: cp.rootBase64 })).toBe(true)
    }
  })

  it('answers 300 generated event stream requests without a 5xx', async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' })
    const port = (h.app.server.address() as AddressInfo).port
    const rand = seededRandom(SEED + 2)
    const problems: string[] = []
    for (let i = 0; i < 300; i++) {
      const { path, headers } = hostileEventsRequest(rand)
      const { status, responseHeaders, body } = await new Promise<{ status: number; responseHeaders: Record<string, unknown>; body: string }>((resolve, reject) => {
        const req = get({ host: '127.0.0.1', port, path, headers }, (res) => {
          // An open stream is enough: its status is known; disconnect at once.
          if (res.statusCode === 200) {
            resolve({ status: 200, responseHeaders: res.headers, body: '' })
            req.destroy()
            return
          }
          let text = ''
          res.on('data', (d: Buffer) => (text += d.toString()))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, responseHeaders: res.headers, body: text }))
        })
        req.on('error', reject)
        req.setTimeout(5000, () => req.destroy(new Error(`timeout on ${path}`)))
      })
      const problem = problemWith('GET', status, responseHeaders, body)
      if (problem) problems.push(`#${i} ${path} ${JSON.stringify(headers)}: ${problem}: ${body.slice(0, 200)}`)
    }
    expect(problems).toEqual([])
  })
})
