import { createHash, randomBytes } from 'node:crypto'
import type { DidKey } from 'saksi'
import { rateLimited, TokenBuckets, type RateLimit } from '../../node/index.js'
import { ExpiringMap } from './expiring-map.js'

/** Tuning of {@link AuthSessions}; the defaults are documented in docs/PROTOCOL-NOTES.md. */
export interface AuthSessionOptions {
  /** How long a challenge may be answered, in ms (default 60 s). */
  challengeTtlMs?: number
  /** How long a session's token is good for, in ms (default 15 minutes). */
  sessionTtlMs?: number
  /** Most challenges outstanding at once (default 10,000; the oldest go first). */
  maxChallenges?: number
  /** Most sessions open at once (default 100,000; the oldest go first). */
  maxSessions?: number
  /**
   * Each client's sign-in bucket: one token per `POST /v1/auth/challenge` or `POST /v1/auth/session`
   * (default burst 60, refill 1/s; `null` = none). Past it, 429 `RATE_LIMITED`, `details.scope: "sign-in"`.
   */
  perClient?: RateLimit | null
  /** Challenges one client may hold outstanding (default 100); past it, 429 `RATE_LIMITED`, `details.scope: "challenges"`. */
  maxChallengesPerClient?: number
  /** Sessions one key may hold open (default 16); a new one closes that key's oldest. */
  maxSessionsPerSigner?: number
  /** Most clients whose sign-in buckets are held (default 100,000; the least recently used go first). */
  trackedClients?: number
}

/** The defaults of {@link AuthSessionOptions} (docs/PROTOCOL-NOTES.md, "Sessions"). */
export const AUTH_SESSION_DEFAULTS = Object.freeze({
  challengeTtlMs: 60_000,
  sessionTtlMs: 15 * 60_000,
  maxChallenges: 10_000,
  maxSessions: 100_000,
  perClient: Object.freeze({ burst: 60, perSecond: 1 }) as RateLimit | null,
  maxChallengesPerClient: 100,
  maxSessionsPerSigner: 16,
  trackedClients: 100_000,
})

/** An issued challenge. */
export interface AuthChallenge {
  /** 32 random bytes, base64. */
  challenge: string
  expiresAtMs: number
}

/** An open session. */
export interface AuthSession {
  /** The bearer token: 32 random bytes, base64url without padding (RFC 6750's b64token). */
  token: string
  signer: DidKey
  expiresAtMs: number
}

/** A token as the node keeps it: its SHA-256, so that a memory dump of the map opens nothing. */
function tokenKey(token: string): string {
  return createHash('sha256').update(token).digest('base64')
}

/**
 * The node's sign-in state, in memory (a restart signs everyone out): challenges that are random,
 * short-lived and single use, and bearer tokens, each naming the key that signed its challenge.
 * What a session may read is decided at each read, by the route's policy on committed state: a
 * role revoked after sign-in stops the next read.
 *
 * Both maps are bounded, the oldest dropped first; so that one client cannot empty them of everyone
 * else's challenges and sessions, each client has a sign-in bucket and a share of the outstanding
 * challenges, and each key a bound on its open sessions (its own oldest goes first).
 */
export class AuthSessions {
  readonly #challenges: ExpiringMap<true>
  readonly #sessions: ExpiringMap<DidKey>
  readonly #buckets: TokenBuckets | undefined
  readonly #perClient: number
  readonly #perSigner: number

  /** @param options time to live and bounds (defaults: {@link AUTH_SESSION_DEFAULTS}) */
  constructor(options: AuthSessionOptions = {}) {
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined))
    const o = { ...AUTH_SESSION_DEFAULTS, ...given }
    this.#challenges = new ExpiringMap(o.challengeTtlMs, o.maxChallenges)
    this.#sessions = new ExpiringMap(o.sessionTtlMs, o.maxSessions)
    this.#buckets = o.perClient ? new TokenBuckets(o.perClient, o.trackedClients) : undefined
    this.#perClient = o.maxChallengesPerClient
    this.#perSigner = o.maxSessionsPerSigner
  }

  /**
   * Takes a token from the client's sign-in bucket (each of the two routes costs one).
   * @param client the client's key (`clientKey`)
   * @param now the node's clock, ms
   * @throws SaksiError `RATE_LIMITED` (429, details.scope `sign-in`)
   */
  spend(client: string, now: number): void {
    const ms = this.#buckets?.take(client, 1, now) ?? 0
    if (ms > 0) throw rateLimited('sign-in', ms, 'too many sign-in requests from this client address')
  }

  /**
   * A new challenge for `client`, which pays a token of its bucket and must hold fewer than its
   * share of outstanding challenges.
   * @param client the client's key (`clientKey`)
   * @param now the node's clock, ms
   * @throws SaksiError `RATE_LIMITED` (429, details.scope `sign-in` or `challenges`)
   */
  challenge(client: string, now: number): AuthChallenge {
    this.spend(client, now)
    this.#challenges.purge(now)
    if (this.#challenges.countOf(client) >= this.#perClient) {
      const oldest = this.#challenges.oldestOf(client)!
      throw rateLimited('challenges', oldest.expiresAtMs - now, `this client address holds ${this.#perClient} unanswered challenges, the most one client may`)
    }
    const challenge = randomBytes(32).toString('base64')
    return { challenge, expiresAtMs: this.#challenges.add(challenge, true, now, client) }
  }

  /**
   * Uses up a challenge: true once for a challenge this node issued that has not expired.
   * @param challenge as issued
   * @param now the node's clock, ms
   */
  takeChallenge(challenge: string, now: number): boolean {
    return this.#challenges.take(challenge, now) === true
  }

  /**
   * Opens a session for `signer`; when the key already holds its most, its oldest session closes.
   * @param now the node's clock, ms
   */
  open(signer: DidKey, now: number): AuthSession {
    this.#sessions.purge(now)
    while (this.#sessions.countOf(signer) >= this.#perSigner) this.#sessions.delete(this.#sessions.oldestOf(signer)!.key)
    const token = randomBytes(32).toString('base64url')
    return { token, signer, expiresAtMs: this.#sessions.add(tokenKey(token), signer, now, signer) }
  }

  /** The signer of a session that has not expired, or undefined. */
  signerOf(token: string, now: number): DidKey | undefined {
    return this.#sessions.get(tokenKey(token), now)?.value
  }
}
