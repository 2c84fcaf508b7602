import { NotFoundError, SaksiError, StorageError, ValidationError } from '../../core/index.js'

/** Codes of the personal-data vault, with what each means. */
export const VAULT_ERROR_CODES = {
  VAULT_KEY_INVALID: 'the vault master key or the NIK secret is missing or not 32 bytes of base64',
  VAULT_RECORD_INVALID: 'the personal record is not a JSON object within the size limit',
  VAULT_NIK_INVALID: 'a NIK is 16 digits',
  VAULT_RECORD_NOT_FOUND: 'no personal record with this reference',
  VAULT_SUBJECT_NOT_FOUND: 'no data subject with this id',
  VAULT_SUBJECT_ERASED: "the person's data was erased: their key is gone",
  VAULT_CORRUPT: 'a stored record or key does not decrypt (tampered, or a different master key)',
  VAULT_CLOSED: 'the vault has been closed',
} as const

/** A vault error code. */
export type VaultErrorCode = keyof typeof VAULT_ERROR_CODES

/**
 * Builds the error for a vault code with the right kind (validation, not found, storage).
 * @param code the stable code
 * @param message detail (defaults to the code's description); never personal data
 * @param details structured context (references, subject ids)
 * @returns the error, for the caller to throw
 */
export function vaultError(code: VaultErrorCode, message?: string, details?: Record<string, unknown>): SaksiError {
  const text = message ?? VAULT_ERROR_CODES[code]
  switch (code) {
    case 'VAULT_RECORD_NOT_FOUND':
    case 'VAULT_SUBJECT_NOT_FOUND':
      return new NotFoundError(code, text, details)
    case 'VAULT_SUBJECT_ERASED':
      return new SaksiError(code, text, details, 'conflict')
    case 'VAULT_RECORD_INVALID':
    case 'VAULT_NIK_INVALID':
      return new ValidationError(code, text, details)
    default:
      return new StorageError(code, text, details)
  }
}
