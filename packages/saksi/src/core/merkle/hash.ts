import { sha256 } from '../crypto/sha256.js'

/** Size in bytes of every hash in the log (SHA-256). */
export const HASH_SIZE = 32

/**
 * Root of the empty tree: SHA-256 of the empty string (RFC 6962 section 2.1, MTH({})). Shared:
 * do not mutate (typed arrays cannot be frozen); functions here hand out copies of it.
 */
export const EMPTY_ROOT: Uint8Array = sha256(new Uint8Array(0))

/**
 * Leaf hash of a log entry, SHA-256(0x00 ‖ entry), as RFC 6962 section 2.1 and PROTOCOL.md
 * section 4 define it. The prefix keeps leaves and interior nodes from ever colliding
 * (second-preimage resistance, RFC 6962 section 2.1).
 * @param entryBytes the entry's bytes (for Saksi, the JCS encoding of the entry)
 * @returns the 32-byte leaf hash
 */
export function leafHash(entryBytes: Uint8Array): Uint8Array {
  const input = new Uint8Array(entryBytes.length + 1)
  input.set(entryBytes, 1)
  return sha256(input)
}

// One scratch buffer for every interior hash: sha256 is synchronous and copies its input, so
// reuse is safe, and appending a million leaves then allocates no input buffers.
const nodeInput = new Uint8Array(1 + 2 * HASH_SIZE)
nodeInput[0] = 0x01

/**
 * Interior node hash, SHA-256(0x01 ‖ left ‖ right) (RFC 6962 section 2.1).
 * The caller guarantees both inputs are 32-byte hashes; verifiers check lengths before hashing.
 * @param left hash of the left subtree
 * @param right hash of the right subtree
 * @returns the 32-byte parent hash
 */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    const input = new Uint8Array(1 + left.length + right.length)
    input[0] = 0x01
    input.set(left, 1)
    input.set(right, 1 + left.length)
    return sha256(input)
  }
  nodeInput.set(left, 1)
  nodeInput.set(right, 1 + HASH_SIZE)
  return sha256(nodeInput)
}
