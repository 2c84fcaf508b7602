import { createHash, randomBytes } from 'node:crypto'
import type { DidKey } from 'saksi'
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
}

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
 */
export class AuthSessions {
  readonly #challenges: ExpiringMap<true>
  readonly #sessions: ExpiringMap<DidKey>

  /** @param options time to live and bounds */
  constructor(options: AuthSessionOptions = {}) {
    this.#challenges = new ExpiringMap(options.challengeTtlMs ?? 60_000, options.maxChallenges ?? 10_000)
    this.#sessions = new ExpiringMap(options.sessionTtlMs ?? 15 * 60_000, options.maxSessions ?? 100_000)
  }

  /** A new challenge. @param now the node's clock, ms */
  challenge(now: number): AuthChallenge {
    const challenge = randomBytes(32).toString('base64')
    return { challenge, expiresAtMs: this.#challenges.add(challenge, true, now) }
  }

  /**
   * Uses up a challenge: true once for a challenge this node issued that has not expired.
   * @param challenge as issued
   * @param now the node's clock, ms
   */
  takeChallenge(challenge: string, now: number): boolean {
    return this.#challenges.take(challenge, now) === true
  }

  /** Opens a session for `signer`. @param now the node's clock, ms */
  open(signer: DidKey, now: number): AuthSession {
    const token = randomBytes(32).toString('base64url')
    return { token, signer, expiresAtMs: this.#sessions.add(tokenKey(token), signer, now) }
  }

  /** The signer of a session that has not expired, or undefined. */
  signerOf(token: string, now: number): DidKey | undefined {
    return this.#sessions.get(tokenKey(token), now)?.value
  }
}
