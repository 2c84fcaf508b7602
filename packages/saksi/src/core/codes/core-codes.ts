import { defineCodes, type CodeOf } from './define-codes.js'

/**
 * Codes of the core's encodings, keys, log entries, blocks and signed requests (the transaction,
 * JSON, Merkle, note and runtime codes have tables of their own, beside their code).
 */
export const CORE_ERROR_CODES = defineCodes({
  BASE64_INVALID: { kind: 'validation', id: 'Nilai bukan base64 kanonis.', en: 'the value is not canonical base64 (or base64url)' },
  BASE64_WRONG_LENGTH: { kind: 'validation', id: 'Nilai base64 tidak memiliki jumlah bita yang diharapkan.', en: 'the base64 value does not decode to the expected number of bytes' },
  HEX_INVALID: { kind: 'validation', id: 'Nilai bukan heksadesimal huruf kecil.', en: 'the value is not lowercase hexadecimal' },
  HEX_WRONG_LENGTH: { kind: 'validation', id: 'Nilai heksadesimal tidak memiliki jumlah bita yang diharapkan.', en: 'the hexadecimal value does not have the expected number of bytes' },
  TIME_INVALID: { kind: 'validation', id: 'Waktu harus berupa waktu UTC RFC 3339 yang nyata, misalnya 2026-11-23T18:30:00.000Z.', en: 'the time is not a real RFC 3339 UTC time like 2026-11-23T18:30:00.000Z' },
  JSON_VALUE_INVALID: { kind: 'validation', id: 'Nilai bukan JSON yang persis dan tidak dapat dikanonisasi.', en: 'the value is not exact JSON and cannot be canonicalised' },
  DID_INVALID: { kind: 'validation', id: 'Identitas bukan did:key Ed25519 yang sah.', en: 'the value is not a valid Ed25519 did:key' },
  KEY_INVALID: { kind: 'validation', id: 'Kunci Ed25519 tidak sah (seed bukan 32 bita, atau JWK tidak sah atau tidak cocok).', en: 'the Ed25519 key is invalid (a seed not 32 bytes, or a malformed or mismatched JWK)' },
  ENTRY_MALFORMED: { kind: 'validation', id: 'Entri log tidak sah.', en: 'the log entry is malformed' },
  ENTRY_NOT_CANONICAL: { kind: 'validation', id: 'Bita entri log bukan penyandian JCS dari entri tersebut.', en: 'the entry bytes are not the JCS encoding of the entry' },
  ENTRY_TXID_MISMATCH: { kind: 'validation', id: 'ID transaksi dalam entri tidak sesuai dengan transaksinya.', en: 'entry.txId does not match its transaction' },
  BLOCK_MALFORMED: { kind: 'validation', id: 'Blok bertanda tangan tidak sah.', en: 'the signed block is malformed' },
  BLOCK_PROPOSER_MISMATCH: { kind: 'validation', id: 'Hanya pengusul yang disebut dalam kepala blok yang boleh menandatanganinya.', en: 'only the proposer named in the header may sign it' },
  BLOCK_PROPOSER_UNKNOWN: { kind: 'verification', id: 'Blok diusulkan oleh kunci yang tidak dikenal jaringan ini.', en: 'the block is proposed by a key this network does not know' },
  BLOCK_BAD_SIGNATURE: { kind: 'verification', id: 'Tanda tangan blok tidak sah.', en: 'the block signature does not verify' },
  BLOCK_CHAIN_BROKEN: { kind: 'verification', id: 'Blok tidak menyambung dengan blok sebelumnya.', en: 'the block does not follow the previous block' },
  REQUEST_WRONG_NETWORK: { kind: 'validation', id: 'Permintaan bertanda tangan ini ditujukan untuk jaringan lain.', en: 'the signed request is for another network' },
  REQUEST_EXPIRED: { kind: 'validation', id: 'Permintaan bertanda tangan sudah kedaluwarsa atau masa berlakunya terlalu panjang.', en: 'the signed request has expired, or expires further ahead than allowed' },
  REQUEST_BAD_SIGNATURE: { kind: 'verification', id: 'Tanda tangan permintaan tidak sah untuk penanda tangannya.', en: 'the signature does not verify for req.signer' },
  VERIFY_INPUT_INVALID: { kind: 'validation', id: 'Masukan verifikasi harus berupa Uint8Array atau teks base64.', en: 'a verification input is not a Uint8Array or a base64 string' },
  CODE_TABLE_INVALID: { kind: 'validation', id: 'Tabel kode tidak sah (kode tidak sah, jenis tidak dikenal, pesan kosong, atau kode dideklarasikan dua kali).', en: 'a code table is invalid (a malformed code, an unknown kind, an empty message, or a code declared twice)' },
})

/** A code of the core (beside the transaction, JSON, Merkle, note and runtime codes). */
export type CoreErrorCode = CodeOf<typeof CORE_ERROR_CODES>
