import { toBase64 } from '../encoding/base64.js'
import { ValidationError } from '../errors.js'
import type { Signer } from '../keys/key-pair.js'
import { blockSigningInput, type BlockHeader, type SignedBlock } from './block-header.js'

/**
 * Signs a block header as its proposer (PROTOCOL section 5).
 * @throws ValidationError `BLOCK_PROPOSER_MISMATCH` if the signer is not the header's proposer
 */
export function signBlock(header: BlockHeader, signer: Signer): SignedBlock {
  if (header.proposer !== signer.did) {
    throw new ValidationError('BLOCK_PROPOSER_MISMATCH', 'only the proposer named in the header may sign it')
  }
  return { header, sig: toBase64(signer.sign(blockSigningInput(header))) }
}
