/**
 * Codes the runtime itself gives a call or a query, beside the contracts' own codes. Each is
 * stable: it appears in entries, receipts, the API and tests.
 */
export const RUNTIME_ERROR_CODES = {
  CONTRACT_UNKNOWN: 'no contract of that name is installed',
  METHOD_UNKNOWN: 'the contract has no method of that name',
  QUERY_UNKNOWN: 'the contract has no query of that name',
  ARGS_INVALID: 'the arguments do not match the method or query schema; the message names the field',
  ACCESS_DENIED: "the caller does not satisfy the method's access policy",
  CITIZEN_NOT_REGISTERED: 'the policy requires the caller to be a registered citizen',
  CITIZEN_NOT_VERIFIED: 'the policy requires the caller to be a verified citizen',
  NONDETERMINISTIC_ASYNC: 'a method or query body returned a Promise; bodies must be synchronous',
  NONDETERMINISTIC_VALUE: 'a state value, event or query result is not exact JSON',
  CONTRACT_ERROR: 'the contract threw an unexpected exception (a bug), or failed with a malformed code',
  STATE_KEY_INVALID: 'a state key is not 1-512 printable ASCII characters without spaces',
  STATE_VALUE_INVALID: 'a state value is null; delete the key instead',
  STATE_RANGE_INVALID: 'range scan options are malformed',
  EVENT_INVALID: 'an event type is not `<contract>.<Name>` or its data is not an object',
  QUERY_DEPTH_EXCEEDED: 'queries of other contracts are nested too deeply',
  CONTEXT_CLOSED: 'a context was used after its call or query ended',
} as const

/** A code the runtime gives. */
export type RuntimeErrorCode = keyof typeof RUNTIME_ERROR_CODES

/**
 * Codes thrown to the node, never recorded: a block or genesis the node built wrongly, or a
 * contract definition or runtime configuration that is invalid.
 */
export const RUNTIME_SETUP_ERROR_CODES = {
  CONTRACT_DEFINITION_INVALID: 'defineContract was given an invalid definition',
  RUNTIME_CONFIG_INVALID: 'createRuntime was given duplicate contracts or several directories',
  BLOCK_INVALID: 'executeBlock was given a malformed height, index or time',
  BLOCK_DUPLICATE_TX: 'a block holds the same transaction twice',
  BLOCK_TX_EXPIRED: 'a block holds a transaction whose expiresAt is not after the block time',
  GENESIS_INVALID: 'the genesis document is refused by a contract',
} as const
