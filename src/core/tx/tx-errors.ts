/**
 * Codes for transactions refused before they reach the log. Each kind of malformed envelope has its
 * own code so that clients and tests can tell them apart.
 */
export const TX_ERROR_CODES = {
  TX_TOO_LARGE: 'the envelope is larger than 64 KiB',
  TX_ENVELOPE_INVALID: 'the envelope is not a JSON object',
  TX_FIELD_MISSING: 'a required field is missing',
  TX_FIELD_UNKNOWN: 'a field the protocol does not define is present',
  TX_FIELD_TYPE: 'a field has the wrong JSON type',
  TX_FIELD_INVALID: 'a field has the right type but an invalid value',
  TX_VERSION_UNSUPPORTED: 'tx.v is not 1',
  TX_SIGNER_INVALID: 'tx.signer is not a valid Ed25519 did:key',
  TX_NONCE_INVALID: 'tx.nonce is not 1 to 64 characters',
  TX_EXPIRES_INVALID: 'tx.expiresAt is not an RFC 3339 UTC millisecond time',
  TX_SIG_ENCODING: 'sig is not canonical padded base64',
  TX_SIG_LENGTH: 'sig does not decode to 64 bytes',
  TX_ARGS_INVALID: 'tx.args is not a JSON value that can be signed exactly',
  TX_BAD_SIGNATURE: 'the signature does not verify for tx.signer',
  TX_WRONG_NETWORK: 'tx.network is not this network',
  TX_EXPIRED: 'tx.expiresAt is in the past',
  TX_TOO_FAR_AHEAD: 'tx.expiresAt is further ahead than the maximum validity window',
} as const

/** A transaction error code. */
export type TxErrorCode = keyof typeof TX_ERROR_CODES
