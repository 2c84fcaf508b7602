/** The built-in identity contract and what wallets and other contracts need around it. */
export { identity } from './identity.js'
export { IDENTITY_ERROR_CODES, type IdentityErrorCode } from './codes.js'
export { ORG_ADMIN_ROLE, VERIFIER_ROLE } from './roles.js'
export { EVIDENCE_METHODS, type CitizenAnswer, type CitizenRecord, type EvidenceMethod, type KeyRecord, type KeyStatus, type Membership, type Organisation, type Verification } from './records.js'
export { ROTATION_PROOF_PREFIX, rotationProofMessage, signRotationProof, verifyRotationProof } from './rotation-proof.js'
export { IdentityGenesis, identityGenesis } from './genesis.js'
export { identityDirectory } from './directory.js'
