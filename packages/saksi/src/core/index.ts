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
export { defineCodes, type CodeOf, type CodeSpec, type CodeTable } from './codes/define-codes.js'
export { errorCatalogue, type ErrorCatalogue } from './codes/error-catalogue.js'
export { codedError, errorOfKind } from './codes/coded-error.js'
export { CORE_CODE_TABLES } from './codes/core-code-tables.js'
export { CORE_ERROR_CODES, type CoreErrorCode } from './codes/core-codes.js'
export { NODE_ERROR_CODES, type NodeErrorCode } from './codes/node-codes.js'
export { ADMISSION_LIMIT_CODES, type AdmissionLimitCode } from './codes/admission-limit-codes.js'
export { STORE_ERROR_CODES, type StoreErrorCode } from './codes/store-codes.js'
export { VAULT_ERROR_CODES, type VaultErrorCode } from './codes/vault-codes.js'
export { API_ERROR_CODES, type ApiErrorCode } from './codes/api-codes.js'
export { AUDIT_ERROR_CODES, type AuditErrorCode } from './codes/audit-codes.js'
export { CLIENT_ERROR_CODES, type ClientErrorCode } from './codes/client-codes.js'
export { FOLLOWER_ERROR_CODES, type FollowerErrorCode } from './codes/follower-codes.js'
export { parseJson, JSON_CODES, JSON_ERROR_CODES, type JsonErrorCode, type JsonValue, type JsonObject, type ParseJsonOptions } from './encoding/json.js'
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
export { NAME_PATTERN, TX_ID_PATTERN } from './tx/protocol-patterns.js'
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
  RUNTIME_SETUP_ERROR_CODES,
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
  type ContractDefinition,
  type MethodDefinition,
  type QueryDefinition,
  type Runtime,
  type Receipt,
  type CallContext,
  type BodyAccessCode,
  type RuntimeErrorCode,
  type BlockExecution,
} from './runtime/index.js'
export { MemoryStateStore, StateOverlay, type StateStore, type StateWrite, type StateEntry, type AsyncStateReader, type StateKeyRef, type StateScan } from './state/index.js'
export { freezeJson, snapshotJson } from './state/json-snapshot.js'
export { type KeyRange } from './state/key-range.js'
export { ChunkedKeys } from './state/chunked-keys.js'
export { type ContractDescription } from './runtime/create-runtime.js'
export { describeMethods, type MethodDescription } from './runtime/index.js'
export { CURRENT_RULES, RULES_ADMISSION, RULES_ORIGINAL, rulesVersion, TransactionRefused, findPersonalData, type ArgumentCheck, type ArgumentRefusal, type PersonalDataFinding } from './runtime/index.js'
export { explanationMessage, type CallOutcome, type SimulatedReceipt, type PolicyRequirement, type RefusalExplanation, type RoleHolding, type RoleNeed } from './runtime/index.js'
export { describeIssue, findNikInClear, type PendingReceipt, type Directory, type DirectoryFactory, type GenesisContext, type StateAccess, type StateReader, type Policy, type PolicyContext, type PolicyRequest, type QueryContext, type Refusal } from './runtime/index.js'
export { DEFAULT_EXECUTION_LIMITS, ExecutionLimitsSchema, executionLimitsOf, type ExecutionBudget, type ExecutionLimits, type ExecutionResource } from './runtime/index.js'
export { isDisplayText, PageLimit, scopedId, Slug, text, Words, type WordsText } from './runtime/text-schemas.js'
export { verifySignedRequest, type SignedRequest, type VerifiedRequest } from './request/signed-request.js'
export { signRequest } from './request/sign-request.js'
export { merkleError } from './merkle/merkle-errors.js'
export { COMMITMENT_SALT_BYTES, recordCommitment } from './commitment/record-commitment.js'
export { isBytes } from './encoding/bytes.js'
export type { ContractInfo, NetworkInfo, NetworkPeer, StateIntegrityInfo } from './network-info.js'
export { keyInRange } from './state/key-range.js'
export { StateCache, UNKNOWN } from './state/state-cache.js'
export { asyncStateReader } from './state/async-state-reader.js'
export { LTHASH16_BYTES, LtHash16, ltHashExpand, StateDigest, stateElement, type StateDigestEntry } from './state/index.js'
export { STATE_DIGEST_ERROR_CODES, type StateDigestErrorCode } from './codes/state-digest-codes.js'
