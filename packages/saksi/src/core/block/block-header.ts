import { canonicalBytes } from '../encoding/jcs.js'
import { utf8, concatBytes } from '../encoding/bytes.js'
import type { JsonValue } from '../encoding/json.js'
import { sha256 } from '../crypto/sha256.js'
import type { DidKey } from '../keys/did-key.js'

/** A block header (PROTOCOL section 5). */
export interface BlockHeader {
  v: 1
  network: string
  height: number
  /** base64 SHA-256 of JCS(previous header); for height 0, of JCS(genesis document). */
  prev: string
  time: string
  firstIndex: number
  /** Log size after this block. */
  size: number
  /** base64 RFC 6962 root of the first `size` entries. */
  logRoot: string
  stateDigest: string
  proposer: DidKey
}

/** A header and its proposer's base64 signature, as `GET /v1/blocks/{height}` answers it. */
export interface SignedBlock {
  header: BlockHeader
  sig: string
}

/** Domain separation prefix of block signatures. */
export const BLOCK_SIGNING_PREFIX = 'saksi/block/v1\n'

/** SHA-256 of JCS(header): what the next header's `prev` holds. */
export function blockHash(header: BlockHeader): Uint8Array {
  return sha256(canonicalBytes(header as unknown as JsonValue))
}

/** SHA-256 of JCS(genesis document): the `prev` of block 0. */
export function genesisHash(genesis: JsonValue): Uint8Array {
  return sha256(canonicalBytes(genesis))
}

/** The bytes a proposer signs: `saksi/block/v1\n` ‖ JCS(header). */
export function blockSigningInput(header: BlockHeader): Uint8Array {
  return concatBytes(utf8(BLOCK_SIGNING_PREFIX), canonicalBytes(header as unknown as JsonValue))
}

/** The state digest before block 0: 32 zero bytes. */
export const INITIAL_STATE_DIGEST: Uint8Array = new Uint8Array(32)

/**
 * Chains the state digest: SHA-256(previous digest ‖ SHA-256(JCS(this block's ordered write set))).
 * @param previous the previous block's digest (32 zero bytes before block 0)
 * @param writeSetHash SHA-256 of JCS of this block's ordered write set (see `hashWriteSet`)
 */
export function nextStateDigest(previous: Uint8Array, writeSetHash: Uint8Array): Uint8Array {
  return sha256(concatBytes(previous, writeSetHash))
}
