import { codedError } from '../codes/coded-error.js'
import { defineCodes, type CodeOf } from '../codes/define-codes.js'
import type { SaksiError } from '../errors.js'

/**
 * Stable codes of every error thrown by the signed-note, checkpoint and cosignature code, with
 * their kinds and messages. Malformed input is a `ValidationError`; a signature that does not
 * verify (or is missing) is a `VerificationError`; a signer that fails is an internal error.
 */
export const NOTE_ERROR_CODES = defineCodes({
  NOTE_MALFORMED: { kind: 'validation', id: 'Catatan bertanda tangan harus berupa teks, satu baris kosong, lalu satu baris tanda tangan atau lebih.', en: 'the note is not text, a blank line and one or more signature lines' },
  NOTE_TOO_LARGE: { kind: 'validation', id: 'Catatan bertanda tangan melebihi ukuran maksimum (NOTE_MAX_BYTES).', en: 'the note is larger than NOTE_MAX_BYTES' },
  NOTE_TOO_MANY_SIGNATURES: { kind: 'validation', id: 'Catatan bertanda tangan memuat lebih banyak baris tanda tangan daripada yang diizinkan (NOTE_MAX_SIGNATURES).', en: 'the note has more than NOTE_MAX_SIGNATURES signature lines' },
  NOTE_INVALID_CHARACTER: { kind: 'validation', id: 'Catatan bukan UTF-8 yang sah atau memuat karakter kendali selain baris baru.', en: 'the note is not valid UTF-8 or holds a control character other than newline' },
  NOTE_SIGNATURE_MALFORMED: { kind: 'validation', id: 'Baris tanda tangan tidak berbentuk "— <nama kunci> <base64 dari ID kunci dan tanda tangan>".', en: 'a signature line is not "— <key name> <base64 of key id and signature>"' },
  NOTE_TEXT_INVALID: { kind: 'validation', id: 'Teks yang akan ditandatangani kosong atau tidak diakhiri baris baru.', en: 'the text to sign is empty or does not end in a newline' },
  NOTE_KEY_NAME_INVALID: { kind: 'validation', id: 'Nama kunci kosong atau memuat spasi Unicode atau tanda tambah.', en: 'a key name is empty or holds a Unicode space or a plus sign' },
  NOTE_SIGNER_INVALID: { kind: 'validation', id: 'Penanda tangan catatan tidak memiliki nama, ID kunci 4 bita, atau kunci publik yang sah, atau tercantum dua kali.', en: 'a note signer has no valid name, 4-byte key id or public key, or appears twice' },
  NOTE_SIGNER_FAILED: { kind: 'internal', id: 'Penanda tangan gagal atau mengembalikan sesuatu yang bukan tanda tangan.', en: 'a signer threw or returned something other than a signature' },
  NOTE_VERIFIER_INVALID: { kind: 'validation', id: 'Pemverifikasi bukan teks kunci pemverifikasi atau NoteVerifier.', en: 'a verifier is not a verifier key string or a NoteVerifier' },
  NOTE_VERIFIER_AMBIGUOUS: { kind: 'validation', id: 'Dua kunci pemverifikasi yang berbeda memakai nama kunci dan ID kunci yang sama.', en: 'two different verifier keys share a key name and key id' },
  NOTE_NO_KNOWN_SIGNATURE: { kind: 'verification', id: 'Tidak ada tanda tangan dalam catatan yang dibuat oleh kunci yang dikenal.', en: 'no signature in the note is by a known key' },
  NOTE_BAD_SIGNATURE: { kind: 'verification', id: 'Tanda tangan oleh kunci yang dikenal tidak sah.', en: 'a signature by a known key does not verify' },
  VKEY_INVALID: { kind: 'validation', id: 'Kunci pemverifikasi tidak berbentuk "<nama>+<8 digit heksadesimal>+<base64>".', en: 'the verifier key is not "<name>+<8 hex digits>+<base64>"' },
  VKEY_ALGORITHM_UNSUPPORTED: { kind: 'validation', id: 'Kunci pemverifikasi memakai jenis tanda tangan selain yang diharapkan.', en: 'the verifier key has a signature type other than the one expected' },
  VKEY_PUBLIC_KEY_INVALID: { kind: 'validation', id: 'Kunci pemverifikasi tidak memuat kunci publik Ed25519 berukuran 32 bita.', en: 'the verifier key does not hold a 32-byte Ed25519 public key' },
  VKEY_KEY_ID_MISMATCH: { kind: 'validation', id: 'ID kunci dalam kunci pemverifikasi tidak sama dengan yang dihitung dari nama dan kuncinya.', en: 'the key id in the verifier key is not the one computed from its name and key' },
  CHECKPOINT_MALFORMED: { kind: 'validation', id: 'Isi checkpoint kurang dari tiga baris yang masing-masing diakhiri baris baru.', en: 'the checkpoint body is not at least three newline-terminated lines' },
  CHECKPOINT_ORIGIN_INVALID: { kind: 'validation', id: 'Asal (origin) checkpoint kosong atau memuat spasi atau karakter kendali.', en: 'the checkpoint origin is empty or holds a space or control character' },
  CHECKPOINT_SIZE_INVALID: { kind: 'validation', id: 'Ukuran pohon dalam checkpoint bukan bilangan bulat desimal 0 sampai 2^53-1 tanpa nol di depan.', en: 'the tree size is not a decimal integer from 0 to 2^53-1 without leading zeros' },
  CHECKPOINT_ROOT_INVALID: { kind: 'validation', id: 'Hash akar dalam checkpoint bukan base64 kanonis dari 32 bita.', en: 'the root hash is not canonical base64 of 32 bytes' },
  CHECKPOINT_EXTENSION_INVALID: { kind: 'validation', id: 'Baris ekstensi checkpoint kosong atau memuat baris baru atau karakter kendali.', en: 'an extension line is empty or holds a newline or control character' },
  CHECKPOINT_ORIGIN_MISMATCH: { kind: 'verification', id: 'Asal (origin) checkpoint bukan yang diharapkan.', en: 'the checkpoint origin is not the expected one' },
  COSIGNATURE_MALFORMED: { kind: 'validation', id: 'Tanda tangan saksi (cosignature) tidak terdiri atas ID kunci 4 bita, stempel waktu 8 bita, dan tanda tangan 64 bita.', en: 'a cosignature is not a 4-byte key id, 8-byte timestamp and 64-byte signature' },
  COSIGNATURE_TIMESTAMP_INVALID: { kind: 'validation', id: 'Stempel waktu tanda tangan saksi bukan bilangan bulat detik 0 sampai 2^53-1.', en: 'a cosignature timestamp is not an integer from 0 to 2^53-1 seconds' },
  COSIGNATURE_MISSING: { kind: 'verification', id: 'Catatan tidak memuat tanda tangan saksi.', en: 'the note has no cosignature by the witness' },
  COSIGNATURE_INVALID: { kind: 'verification', id: 'Tanda tangan saksi tidak sah.', en: 'a cosignature by the witness does not verify' },
  COSIGNATURE_FROM_FUTURE: { kind: 'verification', id: 'Stempel waktu tanda tangan saksi lebih lambat dari waktu yang diizinkan.', en: 'a cosignature timestamp is later than the time allowed' },
})

/** A signed-note, checkpoint or cosignature error code. */
export type NoteErrorCode = CodeOf<typeof NOTE_ERROR_CODES>

/**
 * Builds the error for a code, of the class its kind calls for (internal helper of this folder).
 * @param code one of {@link NOTE_ERROR_CODES}
 * @param message human-readable explanation
 * @param details structured context (never key material beyond public ids)
 * @returns a `ValidationError`, `VerificationError` or internal `SaksiError`
 */
export function noteError(code: NoteErrorCode, message: string, details?: Record<string, unknown>): SaksiError {
  return codedError(NOTE_ERROR_CODES, code, message, details)
}
