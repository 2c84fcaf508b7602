/**
 * `saksi`: the ledger core. Pure (no I/O), browser-safe, deterministic: canonical JSON, keys and
 * `did:key`, transactions, the RFC 6962 log and its proofs, C2SP notes and checkpoints, blocks, and
 * the contract runtime. Auditors who only verify should import `saksi/verify`.
 */
export {
  SaksiError,
  ValidationError,
  AuthorizationError,
  NotFoundError,
  ConflictError,
  VerificationError,
  StorageError,
  isSaksiError,
  type ErrorKind,
} from './errors.js'
export { parseJson, type JsonValue, type JsonObject, type ParseJsonOptions } from './encoding/json.js'
export { assertJsonValue } from './encoding/json-value.js'
export { canonicalJson, canonicalBytes } from './encoding/jcs.js'
export { toBase64, fromBase64, toBase64Url, fromBase64Url } from './encoding/base64.js'
export { toHex, fromHex } from './encoding/hex.js'
export { parseTime, formatTime } from './encoding/time.js'
export { utf8, fromUtf8, concatBytes, bytesEqual } from './encoding/bytes.js'
export { sha256 } from './crypto/sha256.js'
export { ed25519Verify } from './crypto/ed25519.js'
export { KeyPair, publicKeyFromJwk, type Signer, type Ed25519Jwk } from './keys/key-pair.js'
export { didKeyFromPublicKey, publicKeyFromDidKey, isDidKey, type DidKey } from './keys/did-key.js'
export { MAX_ENVELOPE_BYTES, TX_SIGNING_PREFIX, type Tx, type Envelope, type ParsedEnvelope } from './tx/types.js'
export { TX_ERROR_CODES, type TxErrorCode } from './tx/tx-errors.js'
export { txSigningInput, txId } from './tx/signing-input.js'
export { parseEnvelope } from './tx/parse-envelope.js'
export { signTx, type BuildTxInput } from './tx/sign-tx.js'
export { verifyParsedEnvelope } from './tx/verify-envelope.js'
export { checkTxWindow, type TxWindow } from './tx/check-tx-window.js'
export { encodeEntry, type Entry, type EntryResult, type ContractEvent } from './log/entry.js'
export { parseEntry } from './log/parse-entry.js'
export {
  blockHash,
  genesisHash,
  blockSigningInput,
  nextStateDigest,
  INITIAL_STATE_DIGEST,
  BLOCK_SIGNING_PREFIX,
  type BlockHeader,
  type SignedBlock,
} from './block/block-header.js'
export { buildBlockHeader, type BlockHeaderInput } from './block/build-block-header.js'
export { signBlock } from './block/sign-block.js'
export { parseSignedBlock } from './block/parse-block.js'
export { verifyBlockSignature, verifyBlockLink } from './block/verify-block.js'
export {
  EMPTY_ROOT,
  leafHash,
  nodeHash,
  MERKLE_ERROR_CODES,
  rootPlan,
  assembleRoot,
  inclusionProofPlan,
  consistencyProofPlan,
  assembleProof,
  rootAt,
  rootAtAsync,
  inclusionProof,
  inclusionProofAsync,
  consistencyProof,
  consistencyProofAsync,
  MerkleAppender,
  MemoryHashStore,
  verifyInclusion,
  assertInclusion,
  rootFromInclusionProof,
  verifyConsistency,
  assertConsistency,
  tileForNode,
  type NodeId,
  type ProofPlan,
  type MerkleHashReader,
  type AsyncMerkleHashReader,
  type MerkleNode,
} from './merkle/index.js'
export {
  NOTE_ERROR_CODES,
  parseVerifierKey,
  formatVerifierKey,
  noteKeyId,
  parseNote,
  signNote,
  noteSignerFromSigner,
  verifyNote,
  formatCheckpointBody,
  parseCheckpointBody,
  signCheckpoint,
  parseCheckpoint,
  verifyCheckpoint,
  cosignCheckpoint,
  verifyCosignature,
  cosignatureVerifier,
  parseCosignatureVerifierKey,
  formatCosignatureVerifierKey,
  type Checkpoint,
  type NoteVerifier,
  type CosignatureVerifier,
} from './note/index.js'
export {
  RUNTIME_ERROR_CODES,
  ContractFailure,
  defineContract,
  defineMethod,
  defineQuery,
  definePolicy,
  allOf,
  anyOf,
  anyone,
  nobody,
  orgAdmin,
  orgAdminOf,
  role,
  self,
  selfAsCitizen,
  verifiedCitizen,
  createRuntime,
  executeBlock,
  executeGenesis,
  receiptOf,
  hashWrites,
  hashWriteSet,
  type Contract,
  type Runtime,
  type Receipt,
  type CallContext,
  type BlockExecution,
} from './runtime/index.js'
export { MemoryStateStore, StateOverlay, type StateStore, type StateWrite, type StateEntry, type AsyncStateReader, type StateKeyRef, type StateScan } from './state/index.js'
