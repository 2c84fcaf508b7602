import { canonicalJson } from '../encoding/jcs.js'
import { utf8 } from '../encoding/bytes.js'
import { toHex } from '../encoding/hex.js'
import type { JsonValue } from '../encoding/json.js'
import { sha256 } from '../crypto/sha256.js'
import { TX_SIGNING_PREFIX, type Tx } from './types.js'

/** The bytes a transaction's signer signs: `saksi/tx/v1\n` ‖ JCS(tx) (PROTOCOL section 3). */
export function txSigningInput(tx: Tx): Uint8Array {
  return utf8(TX_SIGNING_PREFIX + txJcs(tx))
}

/**
 * JCS of a transaction. A tx has fixed members, so their sorted order is known and only `args`
 * needs the general canonicaliser; JSON.stringify of a well-formed string is exactly its JCS form
 * (RFC 8785 section 3.2.2.2). Anything unusual (a lone surrogate, another version, missing or
 * extra members) takes the general path, which refuses or handles it the same way.
 */
function txJcs(tx: Tx): string {
  const { args, contract, expiresAt, method, network, nonce, signer, v } = tx
  if (
    v === 1 &&
    Object.keys(tx).length === 8 &&
    typeof args === 'object' &&
    args !== null &&
    typeof contract === 'string' &&
    typeof expiresAt === 'string' &&
    typeof method === 'string' &&
    typeof network === 'string' &&
    typeof nonce === 'string' &&
    typeof signer === 'string' &&
    contract.isWellFormed() &&
    expiresAt.isWellFormed() &&
    method.isWellFormed() &&
    network.isWellFormed() &&
    nonce.isWellFormed() &&
    signer.isWellFormed()
  ) {
    return (
      `{"args":${canonicalJson(args)},"contract":${JSON.stringify(contract)},"expiresAt":${JSON.stringify(expiresAt)},` +
      `"method":${JSON.stringify(method)},"network":${JSON.stringify(network)},"nonce":${JSON.stringify(nonce)},` +
      `"signer":${JSON.stringify(signer)},"v":1}`
    )
  }
  return canonicalJson(tx as unknown as JsonValue)
}

/** Transaction id: lowercase hex SHA-256 of the signing input. */
export function txIdFromSigningInput(signingInput: Uint8Array): string {
  return toHex(sha256(signingInput))
}

/** Transaction id of a transaction body. */
export function txId(tx: Tx): string {
  return txIdFromSigningInput(txSigningInput(tx))
}
