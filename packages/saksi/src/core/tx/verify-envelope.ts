import { ed25519Verify } from '../crypto/ed25519.js'
import { VerificationError } from '../errors.js'
import type { ParsedEnvelope } from './types.js'

/** Signature check used by {@link verifyParsedEnvelope}; Node's native one by default. */
export type Ed25519VerifyFn = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean

/**
 * Verifies a parsed envelope's Ed25519 signature against its `tx.signer`.
 * @throws VerificationError `TX_BAD_SIGNATURE`
 */
export function verifyParsedEnvelope(parsed: ParsedEnvelope, verify: Ed25519VerifyFn = ed25519Verify): void {
  if (!verify(parsed.publicKey, parsed.signingInput, parsed.signature)) {
    throw new VerificationError('TX_BAD_SIGNATURE', 'the signature does not verify for tx.signer', { txId: parsed.txId })
  }
}
