/**
 * `saksi/crypto`: the protocol's two primitives alone, SHA-256 and Ed25519 verification (Node's
 * `crypto` where it exists, `@noble/*` in a browser). A worker thread that only checks signatures
 * loads this and not the whole core (its index pulls in zod and every code table).
 */
export { sha256 } from './sha256.js'
export { ed25519Verify } from './ed25519.js'
