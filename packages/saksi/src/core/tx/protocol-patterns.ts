/**
 * The patterns of names and ids the protocol fixes (PROTOCOL sections 3 and 4), written once: the
 * envelope parser, contract definitions, genesis, the stores and the API's route schemas use them.
 */

/** Names of networks, contracts, methods and queries: 1-64 ASCII letters, digits, ".", "_" or "-". */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

/** A transaction id (or any SHA-256 digest the protocol writes in hex): 64 lowercase hex digits. */
export const TX_ID_PATTERN = /^[0-9a-f]{64}$/
