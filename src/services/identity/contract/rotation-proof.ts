import { fromBase64, toBase64, utf8, ed25519Verify, publicKeyFromDidKey } from 'saksi'
import type { Signer } from 'saksi'

/** Domain separation prefix of key rotation proofs. */
export const ROTATION_PROOF_PREFIX = 'saksi/rotate/v1\n'

/**
 * The bytes the new key signs to prove possession: `saksi/rotate/v1\n` ‖ old did ‖ `\n` ‖ new did.
 * @param oldDid the key being replaced (the transaction's signer)
 * @param newDid the replacement key
 */
export function rotationProofMessage(oldDid: string, newDid: string): Uint8Array {
  return utf8(`${ROTATION_PROOF_PREFIX}${oldDid}\n${newDid}`)
}

/**
 * Signs a rotation proof with the new key (what a wallet does before `identity.rotateKey`).
 * @param newKey the replacement key
 * @param oldDid the key being replaced
 * @returns the base64 signature for `args.proof`
 */
export function signRotationProof(newKey: Signer, oldDid: string): string {
  return toBase64(newKey.sign(rotationProofMessage(oldDid, newKey.did)))
}

/**
 * Checks a rotation proof. Never throws.
 * @returns true when `proof` is the new key's Ed25519 signature over the rotation message
 */
export function verifyRotationProof(oldDid: string, newDid: string, proof: string): boolean {
  try {
    return ed25519Verify(publicKeyFromDidKey(newDid), rotationProofMessage(oldDid, newDid), fromBase64(proof, 64))
  } catch {
    return false
  }
}
