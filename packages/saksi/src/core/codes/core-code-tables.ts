import { ADMISSION_LIMIT_CODES } from './admission-limit-codes.js'
import { API_ERROR_CODES } from './api-codes.js'
import { AUDIT_ERROR_CODES } from './audit-codes.js'
import { CLIENT_ERROR_CODES } from './client-codes.js'
import { FOLLOWER_ERROR_CODES } from './follower-codes.js'
import { CORE_ERROR_CODES } from './core-codes.js'
import type { CodeTable } from './define-codes.js'
import { NODE_ERROR_CODES } from './node-codes.js'
import { STATE_DIGEST_ERROR_CODES } from './state-digest-codes.js'
import { STORE_ERROR_CODES } from './store-codes.js'
import { VAULT_ERROR_CODES } from './vault-codes.js'
import { JSON_CODES } from '../encoding/json.js'
import { MERKLE_ERROR_CODES } from '../merkle/merkle-errors.js'
import { NOTE_ERROR_CODES } from '../note/note-errors.js'
import { RUNTIME_ERROR_CODES, RUNTIME_SETUP_ERROR_CODES } from '../runtime/runtime-error-codes.js'
import { TX_ERROR_CODES } from '../tx/tx-errors.js'

/**
 * Every code table that is not a contract's: the core's own (transactions, JSON, encodings, Merkle,
 * notes, runtime) and the codes of the node and its followers, the store, the vault, the API, the
 * auditor and the HTTP client.
 * The message catalogue (`src/catalogue`) adds the contracts' tables.
 */
export const CORE_CODE_TABLES: readonly CodeTable[] = Object.freeze([
  TX_ERROR_CODES,
  JSON_CODES,
  CORE_ERROR_CODES,
  MERKLE_ERROR_CODES,
  NOTE_ERROR_CODES,
  RUNTIME_ERROR_CODES,
  RUNTIME_SETUP_ERROR_CODES,
  NODE_ERROR_CODES,
  ADMISSION_LIMIT_CODES,
  FOLLOWER_ERROR_CODES,
  STORE_ERROR_CODES,
  STATE_DIGEST_ERROR_CODES,
  VAULT_ERROR_CODES,
  API_ERROR_CODES,
  AUDIT_ERROR_CODES,
  CLIENT_ERROR_CODES,
])
