import { parseEnvelope, verifyParsedEnvelope, parseEntry } from '../core/index.js'
import type { Entry } from '../core/index.js'

/**
 * Verifies a transaction envelope `{tx, sig}` (PROTOCOL section 3): exact fields and types, a valid
 * `did:key` signer, canonical base64, and the Ed25519 signature over `saksi/tx/v1\n` ‖ JCS(tx).
 * It does not judge the network or expiry window, which depend on the node's clock.
 * @param envelope the envelope as a JSON value, JSON text or UTF-8 bytes
 * @returns the transaction id (lowercase hex)
 * @throws SaksiError with a `TX_*` or `JSON_*` code, e.g. `TX_BAD_SIGNATURE`
 */
export function verifyEnvelope(envelope: unknown): { txId: string } {
  const parsed = parseEnvelope(envelope)
  verifyParsedEnvelope(parsed)
  return { txId: parsed.txId }
}

/**
 * Verifies a log entry's bytes: canonical JCS encoding, a well-formed result, `txId` matching the
 * transaction, and the transaction's signature.
 * @param entryBytes the exact bytes `GET /v1/log/entries/{index}` answers
 * @returns the parsed entry
 * @throws SaksiError with an `ENTRY_*`, `TX_*` or `JSON_*` code
 */
export function verifyEntry(entryBytes: Uint8Array | string): Entry {
  const bytes = typeof entryBytes === 'string' ? new TextEncoder().encode(entryBytes) : entryBytes
  const entry = parseEntry(bytes)
  verifyParsedEnvelope(parseEnvelope({ tx: entry.tx, sig: entry.sig }))
  return entry
}
