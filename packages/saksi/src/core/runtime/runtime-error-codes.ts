import { defineCodes, type CodeOf } from '../codes/define-codes.js'

/**
 * Codes the runtime itself gives a call or a query, beside the contracts' own codes. Each is
 * stable: it appears in entries, receipts, the API and tests.
 */
export const RUNTIME_ERROR_CODES = defineCodes({
  CONTRACT_UNKNOWN: { kind: 'not_found', id: 'Tidak ada kontrak dengan nama tersebut.', en: 'no contract of that name is installed' },
  METHOD_UNKNOWN: { kind: 'not_found', id: 'Kontrak tidak memiliki metode dengan nama tersebut.', en: 'the contract has no method of that name' },
  QUERY_UNKNOWN: { kind: 'not_found', id: 'Kontrak tidak memiliki kueri dengan nama tersebut.', en: 'the contract has no query of that name' },
  ARGS_INVALID: { kind: 'validation', id: 'Argumen tidak sesuai dengan skema metode atau kueri; pesan menyebutkan kolomnya.', en: 'the arguments do not match the method or query schema; the message names the field' },
  ARGS_PERSONAL_DATA: {
    kind: 'validation',
    id: 'Argumen memuat data pribadi (NIK, nomor ponsel, atau alamat surel); log bersifat publik dan permanen, jadi kirim hanya hash berkunci atau referensi brankas.',
    en: 'the arguments hold personal data (a NIK, a mobile number or an e-mail address); the log is public and permanent: send only keyed hashes or vault references',
  },
  ACCESS_DENIED: { kind: 'authorization', id: 'Anda tidak memiliki hak akses untuk tindakan ini.', en: "the caller does not satisfy the method's access policy" },
  CITIZEN_NOT_REGISTERED: { kind: 'authorization', id: 'Tindakan ini hanya untuk warga yang sudah terdaftar.', en: 'the policy requires the caller to be a registered citizen' },
  CITIZEN_NOT_VERIFIED: { kind: 'authorization', id: 'Tindakan ini hanya untuk warga yang identitasnya sudah diverifikasi.', en: 'the policy requires the caller to be a verified citizen' },
  NONDETERMINISTIC_ASYNC: { kind: 'internal', id: 'Isi metode atau kueri mengembalikan Promise; isi kontrak harus sinkron.', en: 'a method or query body returned a Promise; bodies must be synchronous' },
  NONDETERMINISTIC_VALUE: { kind: 'internal', id: 'Nilai state, peristiwa, atau hasil kueri bukan JSON yang persis.', en: 'a state value, event or query result is not exact JSON' },
  CONTRACT_ERROR: { kind: 'internal', id: 'Kontrak mengalami galat tak terduga atau gagal dengan kode yang tidak sah.', en: 'the contract threw an unexpected exception (a bug), or failed with a malformed code' },
  STATE_KEY_INVALID: { kind: 'validation', id: 'Kunci state harus terdiri atas 1 sampai 512 karakter ASCII cetak tanpa spasi.', en: 'a state key is not 1-512 printable ASCII characters without spaces' },
  STATE_VALUE_INVALID: { kind: 'validation', id: 'Nilai state tidak boleh null; hapus kuncinya.', en: 'a state value is null; delete the key instead' },
  STATE_RANGE_INVALID: { kind: 'validation', id: 'Pilihan pemindaian rentang state tidak sah.', en: 'range scan options are malformed' },
  EVENT_INVALID: { kind: 'validation', id: 'Jenis peristiwa tidak berbentuk `<kontrak>.<Nama>` atau datanya bukan objek.', en: 'an event type is not `<contract>.<Name>` or its data is not an object' },
  QUERY_DEPTH_EXCEEDED: { kind: 'internal', id: 'Kueri ke kontrak lain bersarang terlalu dalam.', en: 'queries of other contracts are nested too deeply' },
  EXECUTION_LIMIT: { kind: 'validation', id: 'Panggilan melampaui batas eksekusi jaringan (pembacaan, penulisan, langkah aturan, atau peristiwa); pesan menyebutkan batasnya.', en: "the call used more than the network's execution limits allow (state reads or writes, bytes, rule steps or events); the message names the limit" },
  CONTEXT_CLOSED: { kind: 'internal', id: 'Konteks dipakai setelah panggilan atau kuerinya selesai.', en: 'a context was used after its call or query ended' },
})

/** A code the runtime gives. */
export type RuntimeErrorCode = CodeOf<typeof RUNTIME_ERROR_CODES>

/**
 * Codes thrown to the node, never recorded: a block or genesis the node built wrongly, or a
 * contract definition or runtime configuration that is invalid.
 */
export const RUNTIME_SETUP_ERROR_CODES = defineCodes({
  CONTRACT_DEFINITION_INVALID: { kind: 'validation', id: 'Definisi kontrak yang diberikan kepada defineContract tidak sah.', en: 'defineContract was given an invalid definition' },
  RUNTIME_CONFIG_INVALID: { kind: 'validation', id: 'createRuntime menerima kontrak ganda atau lebih dari satu direktori.', en: 'createRuntime was given duplicate contracts or several directories' },
  BLOCK_INVALID: { kind: 'validation', id: 'executeBlock menerima tinggi blok, indeks, atau waktu yang tidak sah.', en: 'executeBlock was given a malformed height, index or time' },
  BLOCK_DUPLICATE_TX: { kind: 'validation', id: 'Blok memuat transaksi yang sama dua kali.', en: 'a block holds the same transaction twice' },
  BLOCK_TX_EXPIRED: { kind: 'validation', id: 'Blok memuat transaksi yang waktu kedaluwarsanya tidak setelah waktu blok.', en: 'a block holds a transaction whose expiresAt is not after the block time' },
  GENESIS_INVALID: { kind: 'validation', id: 'Dokumen genesis ditolak (hanya saat node dimulai; tidak pernah dicatat).', en: 'the genesis document is refused by a contract, or is missing or malformed (node start-up only; never recorded)' },
})
