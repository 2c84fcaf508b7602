/**
 * Generators of hostile HTTP requests for the API's fuzz test (test-only, not in dist): malformed
 * JSON, wrong types, huge bodies and numbers, deep nesting, unknown fields, bad signatures,
 * replays, other networks, expiry outside the window, out-of-range indexes, odd query strings,
 * unknown contracts and queries, odd methods, paths and headers. All choices come from one seeded
 * generator, so a failing case can be replayed from its seed.
 */
import type { InjectOptions } from 'fastify'
import type { JsonObject } from '../../../packages/saksi/src/core/encoding/json.js'
import { formatTime } from '../../../packages/saksi/src/core/encoding/time.js'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { signTx } from '../../../packages/saksi/src/core/tx/sign-tx.js'

/** A uniform integer in [0, bound). */
export type Rand = (bound: number) => number

/** What the generators know about the node under test. */
export interface FuzzContext {
  network: string
  /** Envelopes already sent, for replays. */
  sent: string[]
  /** Current log size (for indexes just in and just out of range). */
  size: () => number
}

const pick = <T>(rand: Rand, items: readonly T[]): T => items[rand(items.length)]!

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const
const PATHS = [
  '/v1/network',
  '/v1/tx',
  `/v1/tx/${'0'.repeat(64)}`,
  '/v1/log/checkpoint',
  '/v1/log/entries/0',
  '/v1/log/proof/inclusion',
  '/v1/log/proof/consistency',
  '/v1/blocks/latest',
  '/v1/blocks/0',
  '/v1/contracts/identity/queries/get',
  '/v1/contracts/welfare/queries/stats',
  '/v1/welfare/personal-data',
  '/v1/welfare/personal-data/read',
  '/v1/welfare/personal-data/nik-hashes',
  '/v1/welfare/programmes',
  '/v1/welfare/programmes/dinsos.pkh',
  '/v1/welfare/programmes/dinsos.pkh/stats/2026-Q4',
  '/v1/welfare/programmes/dinsos.pkh/households/hh-00000000000000000000/accesses',
  '/v1/procurement/processes',
  '/v1/procurement/processes/pertamanan.bangku-2026/shipments/s1/trail',
  '/v1/procurement/processes/pertamanan.bangku-2026/shipments/s1/qr.svg',
  '/v1/procurement/ocds/releases',
  '/v1/procurement/ocds/releases?limit=0',
  '/v1/procurement/ocds/releases?after=%00',
  '/v1/procurement/ocds/records/ocds-saksi-pertamanan.bangku-2026',
  '/v1/procurement/ocds/records/ocds-saksi-',
  '/v1/contracts/procurement/queries/consistency',
  '/openapi.json',
  '/metrics',
  '/docs/json',
  '/',
  '//',
  '/v1',
  '/v1/',
  '/v1//network',
  '/v1/network/',
  '/V1/NETWORK',
  '/v1/network%00',
  '/%',
  '/%zz',
  '/v1/../v1/network',
  '/docs/static/../../package.json',
  '/docs/static/%2e%2e/%2e%2e/package.json',
  '/v1/\u00f1',
  '/v1/tx/%F0%9F%98%80',
  '/.env',
  '/v1/log/entries/0/extra',
]
const NUMBERS = ['0', '1', '2', '-1', '-0', '1e3', '1E3', '0x10', '00', '01', '1.0', '1.', '.5', '+1', ' 1', '1 ', '%201', 'NaN', 'Infinity', 'null', 'true', '[]', '{}',
  '9007199254740991', '9007199254740992', '99999999999999999999', `${'9'.repeat(300)}`, '１', '٣', '%00', '', '%', '%zz', '1%00', 'abc', '🙂']
const JSON_VALUES = ['1', '-1', '0', '-0', '1.5', '1e400', '-1e400', '1e-400', '123456789012345678901234567890', '9007199254740993', 'null', 'true', 'false', '[]', '{}', '""',
  '"\\ud800"', '"\\udc00x"', '"\u0000"', '"\\u0000"', `"${'x'.repeat(5000)}"`, '[[[[[[[[[[]]]]]]]]]]', `${'['.repeat(70)}${']'.repeat(70)}`, `${'{"a":'.repeat(70)}1${'}'.repeat(70)}`,
  '{"__proto__":{"polluted":1}}', '{"a":1,"a":2}', '"did:key:z6Mk"', '"2026-02-30T00:00:00.000Z"']
const CONTENT_TYPES = ['application/json', 'application/json', 'application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-16', 'APPLICATION/JSON',
  'application/json;;;', 'text/plain', 'text/json', '*/*', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'application/json-patch+json', '', undefined]
const QUERIES = ['', '', '?', '?&&&', '?=', '?=1', '?x', '?x=1', '?%zz', '?%', '?a=%zz', '?wait=true&wait=true', '?wait=1', '?wait=', '?wait=TRUE', '?wait=false', '?__proto__=1', '?constructor=x',
  '?index=0&size=1', '?from=1&to=2', `?${'a'.repeat(3000)}=1`, '?a[]=1&a[]=2', '?a.b=1', '?;', '?index=0;size=1']

/** A random JSON-ish replacement for some part of an envelope. */
function jsonValue(rand: Rand): string {
  return pick(rand, JSON_VALUES)
}

/** A signed envelope, usually valid, sometimes signed for another network or outside the window. */
function signedEnvelope(rand: Rand, ctx: FuzzContext): string {
  const key = KeyPair.fromSeed(Uint8Array.from({ length: 32 }, () => rand(256)))
  const now = Date.now()
  const variant = rand(12)
  const contract = variant === 0 ? pick(rand, ['welfare', 'nope', 'identity.x', 'a'.repeat(64)]) : 'identity'
  const method = variant === 1 ? pick(rand, ['unknown', 'addMember', 'rotateKey', 'verifyCitizen']) : 'register'
  const args: JsonObject = variant === 2 ? { name: 'x'.repeat(rand(200)), extra: rand(2) === 0 ? null : [1, { a: 'b' }] } : { name: `Warga ${rand(1e6)}` }
  const network = variant === 3 ? pick(rand, ['kota-lain', 'KOTA-CONTOH', 'kota-contoh-2']) : ctx.network
  const expiresAt = variant === 4 ? formatTime(now - 1 - rand(1e7)) : variant === 5 ? formatTime(now + 3600_000 + 1000 + rand(1e7)) : formatTime(now + 1000 + rand(3_000_000))
  return JSON.stringify(signTx({ network, contract, method, args, nonce: `f${rand(1e12)}`, expiresAt }, key).envelope)
}

/** Damages an envelope text in one of many ways. */
function mutateEnvelope(rand: Rand, text: string): string | Buffer {
  const at = rand(text.length + 1)
  switch (rand(16)) {
    case 0:
      return text.slice(0, at)
    case 1: {
      const b = Buffer.from(text)
      b[rand(b.length)] = rand(256)
      return b
    }
    case 2:
      return text.slice(0, at) + jsonValue(rand) + text.slice(at)
    case 3:
      return text.replace(/"(v|network|contract|method|args|signer|nonce|expiresAt|sig|tx)":("[^"]*"|\d+|\{[^}]*\})/, (_m, k: string) => `"${k}":${jsonValue(rand)}`)
    case 4:
      return text.replace('{"tx":{', `{"${pick(rand, ['extra', 'Tx', 'tx '])}":${jsonValue(rand)},"tx":{`)
    case 5:
      return text.replace('"v":1', `"v":1,"${pick(rand, ['fee', 'V', 'nonce2', '__proto__'])}":${jsonValue(rand)}`)
    case 6:
      return text.replace(/"(nonce|signer|expiresAt|method)":"[^"]*",?/, '')
    case 7:
      return text.replace('{"tx":', `{"sig":${jsonValue(rand)},"tx":`)
    case 8: {
      // A signature character changed: non-canonical base64, or a signature that does not verify.
      const m = /"sig":"([^"]*)"/.exec(text)
      if (!m) return text
      const sig = m[1]!.split('')
      sig[rand(sig.length - 2)] = pick(rand, ['A', 'B', '/', '+', '-', '_', '=', '*'])
      return text.replace(m[1]!, sig.join(''))
    }
    case 9:
      return '\uFEFF' + text
    case 10:
      return pick(rand, ['1', '"x"', 'null', '[]', '{}', 'true', ' ', '\n', '{"tx":{},"sig":""}', '{"tx":null,"sig":null}'])
    case 11:
      return '['.repeat(rand(100_000) + 70)
    case 12:
      return Buffer.from(Array.from({ length: rand(2000) }, () => rand(256)))
    case 13:
      return text.replace('"name":"', `"name":${jsonValue(rand)},"x":"`)
    case 14:
      return text.replace(/"nonce":"[^"]*"/, `"nonce":"${pick(rand, ['', 'x'.repeat(65), '\\ud800', 'ok'])}"`)
    default:
      return text.replace(/}$/, ' '.repeat(rand(3) === 0 ? 5 * 1024 * 1024 : 64 * 1024 - text.length + rand(3)) + '}')
  }
}

function txRequest(rand: Rand, ctx: FuzzContext): InjectOptions {
  const kind = rand(10)
  let payload: string | Buffer
  if (kind < 3) payload = signedEnvelope(rand, ctx)
  else if (kind === 3 && ctx.sent.length > 0) payload = pick(rand, ctx.sent)
  else payload = mutateEnvelope(rand, signedEnvelope(rand, ctx))
  if (typeof payload === 'string' && kind < 3) ctx.sent.push(payload)
  const contentType = rand(4) === 0 ? pick(rand, CONTENT_TYPES) : 'application/json'
  const headers: Record<string, string> = {}
  if (contentType !== undefined) headers['content-type'] = contentType
  if (rand(30) === 0) headers['content-encoding'] = pick(rand, ['gzip', 'br', 'identity', 'x'])
  const query = rand(20) === 0 ? '?wait=true' : rand(5) === 0 ? pick(rand, QUERIES) : ''
  return { method: 'POST', url: `/v1/tx${query}`, payload, headers }
}

function countish(rand: Rand, ctx: FuzzContext): string {
  const r = rand(4)
  if (r === 0) return String(rand(ctx.size() + 3))
  if (r === 1) return String(rand(Number.MAX_SAFE_INTEGER))
  return encodeURIComponent(pick(rand, NUMBERS)).replace(/%25/g, rand(2) === 0 ? '%' : '%25')
}

function readRequest(rand: Rand, ctx: FuzzContext): InjectOptions {
  const n = () => countish(rand, ctx)
  const extra = rand(6) === 0 ? pick(rand, QUERIES).replace('?', '&') : ''
  const urls = [
    () => `/v1/tx/${pick(rand, ['', 'a'.repeat(64), 'A'.repeat(64), 'g'.repeat(64), 'a'.repeat(63), 'a'.repeat(65), n(), `${'0'.repeat(64)}%00`, 'x'.repeat(200)])}`,
    () => `/v1/log/entries/${n()}`,
    () => `/v1/blocks/${rand(3) === 0 ? pick(rand, ['latest', 'LATEST', 'latest/', 'first']) : n()}`,
    () => `/v1/log/proof/inclusion?index=${n()}&size=${n()}${extra}`,
    () => `/v1/log/proof/inclusion?${pick(rand, ['index', 'size', 'index=1', 'size=1', `size=${n()}&size=${n()}&index=0`])}`,
    () => `/v1/log/proof/consistency?from=${n()}&to=${n()}${extra}`,
    () => `/v1/log/proof/consistency${pick(rand, QUERIES)}`,
    () => `/v1/log/checkpoint${rand(2) === 0 ? pick(rand, QUERIES) : ''}`,
    () => `/v1/network${rand(2) === 0 ? pick(rand, QUERIES) : ''}`,
  ]
  return { method: 'GET', url: pick(rand, urls)() }
}

function queryRequest(rand: Rand): InjectOptions {
  const name = () => pick(rand, ['identity', 'identity', 'welfare', 'procurement', 'Identity', 'identity.x', '-x', '.', '..', '%2e%2e', 'a'.repeat(64), 'a'.repeat(65), '%00', '%20', 'ñ', '__proto__', 'constructor'])
  const query = () => pick(rand, ['get', 'get', 'key', 'organisation', 'organisations', 'members', 'roles', 'nope', '__proto__', 'toString', 'hasOwnProperty', '%zz', ''])
  const arg = () => pick(rand, ['did', 'did', 'id', 'org', 'x', '__proto__', 'constructor', '', 'did[]'])
  const value = () => encodeURIComponent(pick(rand, ['did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', 'did:key:z6Mk', '', 'dinsos', 'x'.repeat(5000), '\u0000', '🙂', '1e400']))
  const args = Array.from({ length: rand(4) }, () => `${arg()}=${value()}`).join('&')
  return { method: 'GET', url: `/v1/contracts/${name()}/queries/${query()}${args ? '?' + args : ''}` }
}

function oddRequest(rand: Rand): InjectOptions {
  const method = pick(rand, METHODS)
  let url = pick(rand, PATHS)
  if (rand(10) === 0) url = '/' + Array.from({ length: rand(4000) }, () => pick(rand, ['a', '/', '%', '.', '0', '~'])).join('')
  if (method === 'GET' && url === '/v1/events') url = '/v1/events?from=-1'
  const opts: InjectOptions = { method, url: url + (rand(4) === 0 ? pick(rand, QUERIES) : '') }
  if (method !== 'GET' && method !== 'HEAD' && rand(2) === 0) {
    opts.payload = rand(2) === 0 ? '{}' : 'x'.repeat(rand(3) === 0 ? 2 * 1024 * 1024 : 10)
    opts.headers = { 'content-type': pick(rand, ['application/json', 'text/plain']) }
  }
  return opts
}

function headerRequest(rand: Rand): InjectOptions {
  const headers: Record<string, string> = {}
  const values = ['', ' ', 'x', '0', '-1', '1e3', 'x'.repeat(8000), 'application/json', '*/*', '<script>', '%00', '\t', 'a, b', '"quoted"']
  for (let i = 0; i < 1 + rand(4); i++) {
    headers[pick(rand, ['x-request-id', 'accept', 'accept-encoding', 'last-event-id', 'if-none-match', 'range', 'origin', 'cookie', 'authorization', 'x-forwarded-for', 'content-type'])] = pick(rand, values)
  }
  const url = pick(rand, ['/v1/network', '/v1/log/checkpoint', '/v1/log/entries/0', '/v1/blocks/latest', '/openapi.json', '/v1/events'])
  // A valid Last-Event-ID would open an endless stream; the event route is fuzzed over a socket.
  if (url === '/v1/events') headers['last-event-id'] = pick(rand, ['', 'x', '-1', '1e3', '01', '9007199254740992', '1, 2'])
  return { method: 'GET', url, headers }
}

/**
 * One hostile request.
 * @param rand the seeded generator
 * @param ctx what the generators know about the node
 */
export function hostileRequest(rand: Rand, ctx: FuzzContext): InjectOptions {
  const r = rand(100)
  if (r < 40) return txRequest(rand, ctx)
  if (r < 65) return readRequest(rand, ctx)
  if (r < 80) return queryRequest(rand)
  if (r < 92) return oddRequest(rand)
  return headerRequest(rand)
}

/**
 * A query string for `GET /v1/events` and its headers: resume points valid or not.
 * @param rand the seeded generator
 */
export function hostileEventsRequest(rand: Rand): { path: string; headers: Record<string, string> } {
  const headers: Record<string, string> = {}
  if (rand(2) === 0) headers['last-event-id'] = pick(rand, NUMBERS.filter((n) => /^[\x20-\x7e]*$/.test(n)))
  const path = `/v1/events${rand(2) === 0 ? `?from=${encodeURIComponent(pick(rand, NUMBERS))}` : pick(rand, QUERIES)}`
  return { path, headers }
}
