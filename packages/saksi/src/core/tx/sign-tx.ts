import { toBase64 } from '../encoding/base64.js'
import { formatTime } from '../encoding/time.js'
import type { JsonObject } from '../encoding/json.js'
import type { Signer } from '../keys/key-pair.js'
import { parseEnvelope } from './parse-envelope.js'
import type { Envelope, ParsedEnvelope, Tx } from './types.js'

/** What a caller provides to build a transaction; the rest is filled in. */
export interface BuildTxInput {
  network: string
  contract: string
  method: string
  args?: JsonObject
  /** Defaults to 16 random hex characters. */
  nonce?: string
  /** Defaults to `now + ttlSeconds`. */
  expiresAt?: string
  /** Clock for the default expiry, in ms (defaults to `Date.now()`). */
  now?: number
  /** Validity window for the default expiry (default 300 s). */
  ttlSeconds?: number
}

/** 64 zero bytes in base64: stands in for the signature while the unsigned envelope is checked. */
const PLACEHOLDER_SIG = toBase64(new Uint8Array(64))

function randomNonce(): string {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(8))
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
}

/**
 * Builds, signs and validates a transaction envelope.
 * @param input the call to make
 * @param signer the key that signs (its `did` becomes `tx.signer`)
 * @returns the parsed, signed envelope (validated exactly as a node would parse it)
 * @throws ValidationError if the input would make an envelope a node refuses
 */
export function signTx(input: BuildTxInput, signer: Signer): ParsedEnvelope {
  const tx: Tx = {
    v: 1,
    network: input.network,
    contract: input.contract,
    method: input.method,
    args: input.args ?? {},
    signer: signer.did,
    nonce: input.nonce ?? randomNonce(),
    expiresAt: input.expiresAt ?? formatTime((input.now ?? Date.now()) + (input.ttlSeconds ?? 300) * 1000),
  }
  // Validate before signing: a value that JCS would silently change (a Date, an undefined member)
  // or refuse must be refused with its TX_* code, and never signed.
  const unsigned = parseEnvelope({ tx, sig: PLACEHOLDER_SIG })
  const envelope: Envelope = { tx: unsigned.envelope.tx, sig: toBase64(signer.sign(unsigned.signingInput)) }
  return parseEnvelope(envelope)
}
