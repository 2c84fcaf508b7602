import { TX_SIGNING_PREFIX, type ParsedEnvelope } from 'saksi'

// ASCII: as many bytes as characters.
const PREFIX_BYTES = TX_SIGNING_PREFIX.length

/** A string as JCS writes it (RFC 8785 serialises strings as ECMAScript's JSON.stringify does). */
const str = (s: string) => JSON.stringify(s)

/**
 * The size of `tx.args` in its JCS encoding, from the signing input the parser already built
 * (`saksi/tx/v1\n` ‖ JCS(tx)): JCS(tx) holds JCS(args) once, so the rest is the same tx with `{}`
 * (2 bytes) in its place. That rest is written here in JCS order (members sorted by name) rather
 * than encoded again: the arguments are never serialised twice, and this costs well under a µs.
 */
export function argsBytes(parsed: ParsedEnvelope): number {
  const t = parsed.envelope.tx
  const frame = `{"args":{},"contract":${str(t.contract)},"expiresAt":${str(t.expiresAt)},"method":${str(t.method)},"network":${str(t.network)},"nonce":${str(t.nonce)},"signer":${str(t.signer)},"v":${t.v}}`
  return parsed.signingInput.byteLength - PREFIX_BYTES - Buffer.byteLength(frame) + 2
}
