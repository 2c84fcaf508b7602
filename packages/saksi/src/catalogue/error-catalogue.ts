import { CORE_CODE_TABLES, errorCatalogue, type CodeTable, type ErrorCatalogue } from '../core/index.js'

/**
 * The catalogue of a set of contracts: every code Saksi gives, with its kind and its message in
 * Bahasa Indonesia and English: the core's and the runtime's, the node's, store's, vault's, API's,
 * auditor's and client's, and each contract's own table (`defineContract({ codes })`). The API
 * builds it from the services it serves; the CLI and the web app look messages up in it.
 * Browser-safe.
 * @param contracts e.g. the registry's services' contracts
 * @throws ValidationError if two tables declare the same code
 */
export function catalogueOf(contracts: readonly { readonly codes?: CodeTable }[]): ErrorCatalogue {
  return errorCatalogue([...CORE_CODE_TABLES, ...contracts.flatMap((c) => (c.codes ? [c.codes] : []))])
}

/** The codes every node gives, whatever its services. */
export const CORE_CATALOGUE: ErrorCatalogue = catalogueOf([])
