import { canonicalJson } from '../encoding/jcs.js'
import { utf8 } from '../encoding/bytes.js'
import { toHex } from '../encoding/hex.js'
import type { JsonValue } from '../encoding/json.js'
import { sha256 } from '../crypto/sha256.js'
import { TX_SIGNING_PREFIX, type Tx } from './types.js'

/** The bytes a transaction's signer signs: `saksi/tx/v1\n` ‖ JCS(tx) (PROTOCOL section 3). */
export function txSigningInput(tx: Tx): Uint8Array {
  return utf8(TX_SIGNING_PREFIX + canonicalJson(tx as unknown as JsonValue))
}

/** Transaction id: lowercase hex SHA-256 of the signing input. */
export function txIdFromSigningInput(signingInput: Uint8Array): string {
  return toHex(sha256(signingInput))
}

/** Transaction id of a transaction body. */
export function txId(tx: Tx): string {
  return txIdFromSigningInput(txSigningInput(tx))
}
