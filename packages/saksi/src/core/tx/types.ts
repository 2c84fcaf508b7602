import type { JsonObject } from '../encoding/json.js'
import type { DidKey } from '../keys/did-key.js'

/** The signed body of a transaction (PROTOCOL section 3). */
export interface Tx {
  v: 1
  network: string
  contract: string
  method: string
  args: JsonObject
  signer: DidKey
  nonce: string
  expiresAt: string
}

/** A transaction as it travels: the body and its base64 Ed25519 signature. */
export interface Envelope {
  tx: Tx
  sig: string
}

/** An envelope that passed structural validation, with what verification and storage need. */
export interface ParsedEnvelope {
  /** The envelope as JSON (exactly the fields of the protocol). */
  envelope: Envelope
  /** `saksi/tx/v1\n` ‖ JCS(tx). */
  signingInput: Uint8Array
  /** Lowercase hex SHA-256 of the signing input. */
  txId: string
  /** The signer's 32-byte public key. */
  publicKey: Uint8Array
  /** The 64-byte signature. */
  signature: Uint8Array
  /** `expiresAt` in milliseconds since the epoch. */
  expiresAtMs: number
}

/** Largest envelope accepted, in bytes of its JSON text (PROTOCOL section 7). */
export const MAX_ENVELOPE_BYTES = 64 * 1024

/** Domain separation prefix of the transaction signing input. */
export const TX_SIGNING_PREFIX = 'saksi/tx/v1\n'
