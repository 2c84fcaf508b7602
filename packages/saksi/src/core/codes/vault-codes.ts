import { defineCodes, type CodeOf } from './define-codes.js'

/**
 * Codes of the personal-data vault. The table lives in core so that browser-safe clients can look
 * the codes up; the vault (`src/store/vault`) and the routes that need it give them.
 */
export const VAULT_ERROR_CODES = defineCodes({
  VAULT_KEY_INVALID: { kind: 'storage', id: 'Kunci induk brankas atau rahasia NIK tidak ada atau bukan 32 bita base64.', en: 'the vault master key or the NIK secret is missing or not 32 bytes of base64' },
  VAULT_RECORD_INVALID: { kind: 'validation', id: 'Rekaman data pribadi bukan objek JSON atau melebihi batas ukuran.', en: 'the personal record is not a JSON object within the size limit' },
  VAULT_NIK_INVALID: { kind: 'validation', id: 'NIK harus terdiri atas 16 digit.', en: 'a NIK is 16 digits' },
  VAULT_RECORD_NOT_FOUND: { kind: 'not_found', id: 'Tidak ada rekaman data pribadi dengan rujukan ini.', en: 'no personal record with this reference' },
  VAULT_SUBJECT_NOT_FOUND: { kind: 'not_found', id: 'Tidak ada subjek data dengan ID ini.', en: 'no data subject with this id' },
  VAULT_SUBJECT_ERASED: { kind: 'conflict', id: 'Data pribadi orang ini sudah dihapus: kuncinya sudah dimusnahkan.', en: "the person's data was erased: their key is gone" },
  VAULT_CORRUPT: { kind: 'storage', id: 'Rekaman atau kunci tersimpan tidak dapat didekripsi (diubah, atau kunci induknya berbeda).', en: 'a stored record or key does not decrypt (tampered, or a different master key)' },
  VAULT_CLOSED: { kind: 'storage', id: 'Brankas sudah ditutup.', en: 'the vault has been closed' },
  VAULT_UNAVAILABLE: { kind: 'internal', id: 'Node ini berjalan tanpa brankas data pribadi (tidak ada kunci brankas atau rahasia NIK).', en: 'this node runs without a personal-data vault (no vault key or NIK secret)' },
})

/** A vault error code. */
export type VaultErrorCode = CodeOf<typeof VAULT_ERROR_CODES>
