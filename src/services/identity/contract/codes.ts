/** Failure codes of the identity contract (besides the runtime's, e.g. `ARGS_INVALID`, `ACCESS_DENIED`). */
export const IDENTITY_ERROR_CODES = {
  IDENTITY_EXISTS: 'the signer is already registered as a citizen',
  IDENTITY_NOT_FOUND: 'no citizen identity (or, for rotation, nothing at all) is held by that key',
  IDENTITY_ALREADY_VERIFIED: 'the citizen is already verified',
  IDENTITY_SELF_VERIFICATION: 'an official may not verify their own identity',
  IDENTITY_EVIDENCE_INVALID: 'the verification evidence is inconsistent (e.g. checkedAt after the block time)',
  IDENTITY_NIK_IN_CLEAR: 'the arguments hold something that looks like a NIK in clear; send only a keyed hash',
  IDENTITY_ORG_NOT_FOUND: 'no organisation has that id',
  IDENTITY_MEMBER_EXISTS: 'the key is already a member of the organisation',
  IDENTITY_NOT_MEMBER: 'the key is not a member of the organisation',
  IDENTITY_ROLE_NOT_GRANTABLE: "the organisation may not grant that role (only identity.admin and the roles its genesis entry lists in grants)",
  IDENTITY_LAST_ADMIN: "the change would leave the organisation without an admin whose key is active",
  IDENTITY_KEY_REVOKED: 'the key was revoked or rotated away and can no longer act (in every contract)',
  IDENTITY_KEY_IN_USE: 'the new key of a rotation is the current key or already holds an identity, a membership or a key record',
  IDENTITY_ROTATION_PROOF_INVALID: 'the rotation proof is not a valid signature by the new key',
  GENESIS_INVALID: 'the genesis document is refused (node start-up only; never recorded)',
} as const

/** An identity failure code. */
export type IdentityErrorCode = keyof typeof IDENTITY_ERROR_CODES
