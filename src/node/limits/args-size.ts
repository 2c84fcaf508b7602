import { TX_SIGNING_PREFIX, canonicalBytes, type JsonObject, type ParsedEnvelope } from 'saksi'

// ASCII: as many bytes as characters.
const PREFIX_BYTES = TX_SIGNING_PREFIX.length

/**
 * The size of `tx.args` in its JCS encoding, from the signing input the parser already built
 * (`saksi/tx/v1\n` ‖ JCS(tx)): JCS(tx) holds JCS(args) once, so the rest is the same tx with `{}`
 * (2 bytes) in its place. Only that small rest is encoded, never the arguments again.
 */
export function argsBytes(parsed: ParsedEnvelope): number {
  const frame = canonicalBytes({ ...parsed.envelope.tx, args: {} } as unknown as JsonObject).byteLength
  return parsed.signingInput.byteLength - PREFIX_BYTES - frame + 2
}
