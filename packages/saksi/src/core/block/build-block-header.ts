import { toBase64 } from '../encoding/base64.js'
import type { DidKey } from '../keys/did-key.js'
import { blockHash, type BlockHeader } from './block-header.js'

/** What {@link buildBlockHeader} needs besides the previous block. */
export interface BlockHeaderInput {
  /** The block's time (RFC 3339 UTC, milliseconds): the orderer's, the only clock contracts see. */
  time: string
  /** Log size after the block. */
  size: number
  /** RFC 6962 root of the first `size` entries. */
  logRoot: Uint8Array
  /** This block's state digest (see `nextStateDigest`). */
  stateDigest: Uint8Array
  proposer: DidKey
}

/**
 * Builds the header that follows `previous` (PROTOCOL section 5): next height, `prev` = SHA-256 of
 * JCS(previous), `firstIndex` = previous size.
 * @param previous the previous header, or `{ network, genesisHash }` for block 0
 * @param input the new block's time, size, roots and proposer
 */
export function buildBlockHeader(previous: BlockHeader | { network: string; genesisHash: Uint8Array }, input: BlockHeaderInput): BlockHeader {
  const first = 'genesisHash' in previous
  return {
    v: 1,
    network: previous.network,
    height: first ? 0 : previous.height + 1,
    prev: toBase64(first ? previous.genesisHash : blockHash(previous)),
    time: input.time,
    firstIndex: first ? 0 : previous.size,
    size: input.size,
    logRoot: toBase64(input.logRoot),
    stateDigest: toBase64(input.stateDigest),
    proposer: input.proposer,
  }
}
