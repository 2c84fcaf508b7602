import { toBase64 } from '../encoding/base64.js'
import { concatBytes } from '../encoding/bytes.js'
import { canonicalBytes } from '../encoding/jcs.js'
import type { JsonObject } from '../encoding/json.js'
import { formatTime } from '../encoding/time.js'
import { randomSeed } from '../crypto/ed25519.js'
import type { DidKey } from '../keys/did-key.js'
import type { Signer } from '../keys/key-pair.js'
import { REQUEST_PREFIX, type SignedRequest } from './signed-request.js'

/**
 * Signs a request.
 * @param input network, action, body, and the expiry (`ttlSeconds` from `now`, default 120 s)
 * @param key the signer
 */
export function signRequest(input: { network: string; action: string; body: JsonObject; ttlSeconds?: number; now?: number; nonce?: string }, key: Signer & { did: DidKey }): SignedRequest {
  const req = {
    v: 1 as const,
    network: input.network,
    action: input.action,
    signer: key.did,
    nonce: input.nonce ?? toBase64(randomSeed().subarray(0, 12)),
    expiresAt: formatTime((input.now ?? Date.now()) + (input.ttlSeconds ?? 120) * 1000),
    body: input.body,
  }
  return { req, sig: toBase64(key.sign(concatBytes(REQUEST_PREFIX, canonicalBytes(req as unknown as JsonObject)))) }
}

