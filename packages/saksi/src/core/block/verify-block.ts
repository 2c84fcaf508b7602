import { fromBase64, toBase64 } from '../encoding/base64.js'
import { ed25519Verify } from '../crypto/ed25519.js'
import { VerificationError } from '../errors.js'
import { publicKeyFromDidKey } from '../keys/did-key.js'
import { blockHash, blockSigningInput, type BlockHeader, type SignedBlock } from './block-header.js'

/**
 * Verifies a block's proposer signature.
 * @param block the signed block (shape already checked by `parseSignedBlock`)
 * @param proposers the `did:key`s allowed to propose blocks on this network
 * @throws VerificationError `BLOCK_PROPOSER_UNKNOWN` or `BLOCK_BAD_SIGNATURE`
 */
export function verifyBlockSignature(block: SignedBlock, proposers: readonly string[]): void {
  const { header } = block
  if (!proposers.includes(header.proposer)) {
    throw new VerificationError('BLOCK_PROPOSER_UNKNOWN', `block ${header.height} is proposed by a key this network does not know`, { height: header.height })
  }
  const sig = fromBase64(block.sig, 64, 'sig')
  if (!ed25519Verify(publicKeyFromDidKey(header.proposer), blockSigningInput(header), sig)) {
    throw new VerificationError('BLOCK_BAD_SIGNATURE', `block ${header.height} has a bad signature`, { height: header.height })
  }
}

/**
 * Checks that `header` follows `previous` (or the genesis document for height 0): same network,
 * next height, `prev` = SHA-256(JCS(previous)), `firstIndex` = previous `size`, time not going back.
 * @param header the block to check
 * @param previous the previous header, or `{ genesisHash }` for height 0
 * @throws VerificationError `BLOCK_CHAIN_BROKEN`
 */
export function verifyBlockLink(header: BlockHeader, previous: BlockHeader | { genesisHash: Uint8Array; network: string }): void {
  const broken = (why: string): never => {
    throw new VerificationError('BLOCK_CHAIN_BROKEN', `block ${header.height}: ${why}`, { height: header.height })
  }
  if ('genesisHash' in previous) {
    if (header.height !== 0) broken('expected height 0 after genesis')
    if (header.network !== previous.network) broken('network differs from genesis')
    if (header.prev !== toBase64(previous.genesisHash)) broken('prev is not the genesis hash')
    if (header.firstIndex !== 0) broken('block 0 must start at index 0')
    return
  }
  if (header.network !== previous.network) broken('network differs from the previous block')
  if (header.height !== previous.height + 1) broken(`height does not follow ${previous.height}`)
  if (header.prev !== toBase64(blockHash(previous))) broken('prev is not the hash of the previous header')
  if (header.firstIndex !== previous.size) broken('firstIndex is not the previous size')
  if (header.size < header.firstIndex) broken('size is smaller than firstIndex')
  if (Date.parse(header.time) < Date.parse(previous.time)) broken('time goes backwards')
}
