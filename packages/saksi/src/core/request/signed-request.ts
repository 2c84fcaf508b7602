import { fromBase64 } from '../encoding/base64.js'
import { concatBytes, fromUtf8, isBytes, utf8 } from '../encoding/bytes.js'
import { canonicalBytes } from '../encoding/jcs.js'
import { parseJson, type JsonObject } from '../encoding/json.js'
import { parseTime } from '../encoding/time.js'
import { ValidationError, VerificationError } from '../errors.js'
import { ed25519Verify } from '../crypto/ed25519.js'
import { publicKeyFromDidKey, type DidKey } from '../keys/did-key.js'

/**
 * Signed requests: how a client proves who it is to an API that is not a transaction, e.g. putting
 * personal data into a node's vault. The signing domain (`saksi/request/v1\n`) differs from a
 * transaction's (`saksi/tx/v1\n`), so a signed request can never be replayed as a transaction (and
 * its personal data can never reach the log), nor a transaction as a request.
 *
 * `{ "req": { "v": 1, "network", "action", "signer", "nonce", "expiresAt", "body" }, "sig" }`; the
 * signature covers `saksi/request/v1\n` ‖ JCS(req).
 */
export interface SignedRequest {
  req: { v: 1; network: string; action: string; signer: DidKey; nonce: string; expiresAt: string; body: JsonObject }
  sig: string
}

/** A request that parsed and verified: who asked, for what, and a unique id against replays. */
export interface VerifiedRequest {
  action: string
  signer: DidKey
  body: JsonObject
  expiresAtMs: number
  /** base64 of the signature: unique per request, for a replay cache. */
  id: string
}

/** The signing domain of requests. */
export const REQUEST_PREFIX = utf8('saksi/request/v1\n')
const FIELDS = ['v', 'network', 'action', 'signer', 'nonce', 'expiresAt', 'body']
/** Largest signed request, in bytes. */
export const MAX_REQUEST_BYTES = 256 * 1024

function refuse(message: string): never {
  throw new ValidationError('REQUEST_INVALID', message)
}

/**
 * Parses and verifies a signed request from its bytes: strict JSON, exact fields, the network, an
 * expiry neither past nor more than `maxValiditySeconds` ahead, and the Ed25519 signature.
 * @throws ValidationError `REQUEST_INVALID` (malformed), `REQUEST_EXPIRED`, `REQUEST_WRONG_NETWORK`;
 *   VerificationError `REQUEST_BAD_SIGNATURE`
 */
export function verifySignedRequest(input: string | Uint8Array, expect: { network: string; now: number; maxValiditySeconds: number }): VerifiedRequest {
  const size = typeof input === 'string' ? utf8(input).length : input.length
  if (size > MAX_REQUEST_BYTES) refuse(`a signed request is at most ${MAX_REQUEST_BYTES} bytes`)
  const value = parseJson(typeof input === 'string' ? input : isBytes(input) ? fromUtf8(input) : refuse('not text'))
  if (typeof value !== 'object' || value === null || Array.isArray(value)) refuse('a signed request is an object {req, sig}')
  const keys = Object.keys(value).sort()
  if (keys.join() !== 'req,sig') refuse('a signed request has exactly the fields req and sig')
  const { req, sig } = value as { req: unknown; sig: unknown }
  if (typeof req !== 'object' || req === null || Array.isArray(req)) refuse('req must be an object')
  const r = req as Record<string, unknown>
  for (const f of FIELDS) if (!Object.hasOwn(r, f)) refuse(`req.${f} is missing`)
  for (const f of Object.keys(r)) if (!FIELDS.includes(f)) refuse(`req.${f} is not a field of a signed request`)
  if (r.v !== 1) refuse('req.v must be 1')
  for (const f of ['network', 'action', 'nonce', 'expiresAt'] as const) if (typeof r[f] !== 'string' || (r[f] as string).length === 0 || (r[f] as string).length > 64) refuse(`req.${f} must be a string of 1-64 characters`)
  if (typeof r.body !== 'object' || r.body === null || Array.isArray(r.body)) refuse('req.body must be an object')
  let publicKey: Uint8Array
  let signature: Uint8Array
  let expiresAtMs: number
  try {
    publicKey = publicKeyFromDidKey(r.signer)
    signature = fromBase64(sig, 64, 'sig')
    expiresAtMs = parseTime(r.expiresAt, 'req.expiresAt')
  } catch (e) {
    refuse((e as Error).message)
  }
  if (r.network !== expect.network) throw new ValidationError('REQUEST_WRONG_NETWORK', `this request is for network ${String(r.network)}, not ${expect.network}`)
  if (expiresAtMs <= expect.now) throw new ValidationError('REQUEST_EXPIRED', 'the request has expired')
  if (expiresAtMs > expect.now + expect.maxValiditySeconds * 1000) throw new ValidationError('REQUEST_EXPIRED', `the request expires more than ${expect.maxValiditySeconds} s ahead`)
  if (!ed25519Verify(publicKey, concatBytes(REQUEST_PREFIX, canonicalBytes(r as JsonObject)), signature)) {
    throw new VerificationError('REQUEST_BAD_SIGNATURE', 'the signature does not verify for req.signer')
  }
  return { action: r.action as string, signer: r.signer as DidKey, body: r.body as JsonObject, expiresAtMs, id: sig as string }
}
