import { VAULT_ERROR_CODES, codedError, type SaksiError, type VaultErrorCode } from 'saksi'

/**
 * Builds the error for a vault code (`VAULT_ERROR_CODES`, in core) with the kind its table gives (validation, not found, conflict, storage).
 * @param code the stable code
 * @param message detail (defaults to the code's English message); never personal data
 * @param details structured context (references, subject ids)
 * @returns the error, for the caller to throw
 */
export function vaultError(code: VaultErrorCode, message?: string, details?: Record<string, unknown>): SaksiError {
  return codedError(VAULT_ERROR_CODES, code, message, details)
}
