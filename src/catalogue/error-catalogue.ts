import { CORE_CODE_TABLES, errorCatalogue, type ErrorCatalogue } from '../core/index.js'
import { IDENTITY_ERROR_CODES } from '../services/identity/contract/index.js'
import { PROCUREMENT_CODES } from '../services/procurement/contract/index.js'
import { WELFARE_CODES } from '../services/welfare/contract/index.js'

/**
 * Every code Saksi gives, with its kind and its message in Bahasa Indonesia and English: the core's
 * and the runtime's, the node's, store's, vault's, API's and auditor's, and each service contract's.
 * The API reads kinds from it; the CLI and the web app look messages up in it. Browser-safe.
 */
export const ERROR_CATALOGUE: ErrorCatalogue = errorCatalogue([...CORE_CODE_TABLES, IDENTITY_ERROR_CODES, WELFARE_CODES, PROCUREMENT_CODES])
