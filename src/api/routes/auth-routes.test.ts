import { afterEach, describe, expect, it } from 'vitest'
import { KeyPair } from '../../../packages/saksi/src/core/keys/key-pair.js'
import { signRequest } from '../../../packages/saksi/src/core/request/sign-request.js'
import type { ApiOptions } from '../build-api.js'
import { createApiHarness, expectError, type ApiHarness } from '../testing/api-harness.js'
import { TEST_NODE_KEY } from '../testing/fake-node.js'

let h: ApiHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

async function harness(options: ApiOptions = {}): Promise<ApiHarness> {
  h = await createApiHarness(options)
  return h
}

async function challenge(app: ApiHarness['app'], remoteAddress?: string): Promise<string> {
  return (JSON.parse((await app.inject({ method: 'POST', url: '/v1/auth/challenge', remoteAddress })).body) as { challenge: string }).challenge
}

function session(app: ApiHarness['app'], body: unknown, remoteAddress?: string) {
  return app.inject({ method: 'POST', url: '/v1/auth/session', remoteAddress, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } })
}

describe('POST /v1/auth/challenge', () => {
  it('answers 32 random bytes valid for 60 s, different each time', async () => {
    const { app } = await harness()
    const before = Date.now()
    const res = await app.inject({ method: 'POST', url: '/v1/auth/challenge' })
    expect(res.statusCode).toBe(200)
    const body = JSON.parse(res.body) as { challenge: string; expiresAt: string }
    expect(Buffer.from(body.challenge, 'base64')).toHaveLength(32)
    expect(Date.parse(body.expiresAt) - before).toBeGreaterThanOrEqual(60_000)
    expect(await challenge(app)).not.toBe(body.challenge)
  })
})

describe('POST /v1/auth/challenge and POST /v1/auth/session', () => {
    describe('when one client asks for more challenges than the node holds', () => {
      it('refuses that client, 429 RATE_LIMITED with Retry-After, and another client\'s fresh challenge still signs in', async () => {
        const { app, network } = await harness({ auth: { maxChallenges: 50, maxChallengesPerClient: 5 } })
        const mine = await challenge(app, '198.51.100.1')
        const flood = []
        for (let i = 0; i < 60; i++) flood.push(await app.inject({ method: 'POST', url: '/v1/auth/challenge', remoteAddress: '203.0.113.9' }))
        // Before the fix, the flood evicted `mine`: 401 AUTH_CHALLENGE_INVALID.
        expect((await session(app, signRequest({ network, action: 'auth.session', body: { challenge: mine } }, KeyPair.generate()), '198.51.100.1')).statusCode).toBe(200)
        expect(flood.filter((r) => r.statusCode === 200)).toHaveLength(5)
        const refused = flood.at(-1)!
        expect(refused.statusCode).toBe(429)
        expect(refused.headers['retry-after']).toBe('60')
        expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'RATE_LIMITED', details: { scope: 'challenges', retryAfterSeconds: 60 } } })
      })
    })

    describe('when one client sends sign-in requests faster than its bucket refills', () => {
      it('answers 429 RATE_LIMITED (scope sign-in) on both routes, and other clients still sign in', async () => {
        const { app, network } = await harness({ auth: { perClient: { burst: 4, perSecond: 0.1 } } })
        const flooder = '203.0.113.9'
        for (let i = 0; i < 2; i++) {
          const c = await challenge(app, flooder)
          expect((await session(app, signRequest({ network, action: 'auth.session', body: { challenge: c } }, KeyPair.generate()), flooder)).statusCode).toBe(200)
        }
        const refused = await app.inject({ method: 'POST', url: '/v1/auth/challenge', remoteAddress: flooder })
        expect(refused.statusCode).toBe(429)
        expect(refused.headers['retry-after']).toBe('10')
        expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'RATE_LIMITED', details: { scope: 'sign-in', retryAfterSeconds: 10 } } })
        const forged = signRequest({ network, action: 'auth.session', body: { challenge: 'x' } }, KeyPair.generate())
        expectError(await session(app, forged, flooder), 429, 'RATE_LIMITED')
        // The same /64 is the same client; another address is not.
        expectError(await app.inject({ method: 'POST', url: '/v1/auth/challenge', remoteAddress: '::ffff:203.0.113.9' }), 429, 'RATE_LIMITED')
        const c = await challenge(app, '198.51.100.1')
        expect((await session(app, signRequest({ network, action: 'auth.session', body: { challenge: c } }, KeyPair.generate()), '198.51.100.1')).statusCode).toBe(200)
      })
    })

    describe('when one key opens more sessions than a key may hold', () => {
      it('closes that key\'s oldest session, and no other key\'s', async () => {
        const { app, network } = await harness({ auth: { maxSessionsPerSigner: 2 } })
        const open = async (key: KeyPair) => {
          const res = await session(app, signRequest({ network, action: 'auth.session', body: { challenge: await challenge(app) } }, key))
          return { authorization: `Bearer ${(JSON.parse(res.body) as { token: string }).token}` }
        }
        // A valid token of a key that is not the operator's reads /metrics as 403; a closed one is 401.
        const read = async (headers: { authorization: string }) => (await app.inject({ url: '/metrics', headers })).statusCode
        const other = await open(KeyPair.generate())
        const key = KeyPair.generate()
        const first = await open(key)
        const second = await open(key)
        expect(await read(first)).toBe(403)
        const third = await open(key)
        expect(await read(first)).toBe(401)
        expect([await read(second), await read(third), await read(other)]).toEqual([403, 403, 403])
      })
    })
})

describe('POST /v1/auth/session', () => {
  describe('when the challenge is signed by a key', () => {
    it('answers a 15-minute bearer token naming the signer, once per challenge', async () => {
      const { app, network } = await harness()
      const key = KeyPair.generate()
      const request = signRequest({ network, action: 'auth.session', body: { challenge: await challenge(app) } }, key)
      const res = await session(app, request)
      expect(res.statusCode).toBe(200)
      const body = JSON.parse(res.body) as { token: string; tokenType: string; signer: string; expiresAt: string }
      expect(body).toMatchObject({ tokenType: 'Bearer', signer: key.did })
      expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000)
      // The same signed answer again: the challenge is used up.
      expectError(await session(app, request), 401, 'AUTH_CHALLENGE_INVALID')
    })
  })

  describe('when the challenge was not issued by this node', () => {
    it('answers 401 AUTH_CHALLENGE_INVALID', async () => {
      const { app, network } = await harness()
      const forged = Buffer.alloc(32, 7).toString('base64')
      expectError(await session(app, signRequest({ network, action: 'auth.session', body: { challenge: forged } }, KeyPair.generate())), 401, 'AUTH_CHALLENGE_INVALID')
    })
  })

  describe('when the challenge has expired', () => {
    it('answers 401 AUTH_CHALLENGE_INVALID', async () => {
      const { app, network } = await harness({ auth: { challengeTtlMs: 0 } })
      expectError(await session(app, signRequest({ network, action: 'auth.session', body: { challenge: await challenge(app) } }, KeyPair.generate())), 401, 'AUTH_CHALLENGE_INVALID')
    })
  })

  describe('when the request is not a well-signed auth.session', () => {
    it('refuses a bad signature (401), another action (400), another network (422) and a bad body (400)', async () => {
      const { app, network } = await harness()
      const good = signRequest({ network, action: 'auth.session', body: { challenge: await challenge(app) } }, KeyPair.generate())
      expectError(await session(app, { ...good, sig: signRequest({ network, action: 'auth.session', body: { challenge: 'x' } }, KeyPair.generate()).sig }), 401, 'REQUEST_BAD_SIGNATURE')
      expectError(await session(app, signRequest({ network, action: 'welfare.deposit', body: { challenge: await challenge(app) } }, KeyPair.generate())), 400, 'REQUEST_INVALID')
      expectError(await session(app, signRequest({ network: 'kota-lain', action: 'auth.session', body: { challenge: await challenge(app) } }, KeyPair.generate())), 422, 'REQUEST_WRONG_NETWORK')
      expectError(await session(app, signRequest({ network, action: 'auth.session', body: { challenge: await challenge(app), extra: 1 } }, KeyPair.generate())), 400, 'REQUEST_INVALID')
    })
  })
})

describe('a gated read', () => {
  describe('when the token is unknown, malformed or expired', () => {
    it('answers 401 AUTH_TOKEN_INVALID', async () => {
      const { app, network } = await harness({ auth: { sessionTtlMs: 0 } })
      const s = await session(app, signRequest({ network, action: 'auth.session', body: { challenge: await challenge(app) } }, TEST_NODE_KEY))
      const expired = (JSON.parse(s.body) as { token: string }).token
      for (const authorization of [`Bearer ${expired}`, `Bearer ${'A'.repeat(43)}`, 'Bearer short', 'Basic dXNlcjpwYXNz']) {
        const res = await app.inject({ url: '/metrics', headers: { authorization } })
        expectError(res, 401, 'AUTH_TOKEN_INVALID')
        expect(res.headers['www-authenticate']).toContain('invalid_token')
      }
    })
  })
})

describe('GET /openapi.json', () => {
  it('declares the bearer scheme and the sign-in routes', async () => {
    const { app } = await harness()
    const doc = JSON.parse((await app.inject({ url: '/openapi.json' })).body) as { components: { securitySchemes: Record<string, unknown> }; paths: Record<string, Record<string, { security?: unknown }>> }
    expect(doc.components.securitySchemes.saksiSession).toMatchObject({ type: 'http', scheme: 'bearer' })
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/auth/challenge', '/v1/auth/session']))
    expect(doc.paths['/metrics']!.get!.security).toEqual([{ saksiSession: [] }])
  })
})
