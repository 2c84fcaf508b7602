import { defineCodes, type CodeOf } from './define-codes.js'

/**
 * The replay auditor's own verdict codes (`saksi verify`; docs/CLI.md), beside the core's
 * verification codes it also reports. The table lives in core so that any auditor, in a browser
 * too, can look them up.
 */
export const AUDIT_ERROR_CODES = defineCodes({
  AUDIT_GENESIS_MISMATCH: { kind: 'verification', id: 'Node atau penyimpanan mengaku memakai dokumen genesis lain.', en: 'the node or store claims another genesis document' },
  AUDIT_VKEY_MISMATCH: { kind: 'verification', id: 'Node mengaku memakai kunci pemverifikasi lain daripada kunci node dalam genesis.', en: 'the node claims another verifier key than the genesis node key gives' },
  AUDIT_NOT_INITIALISED: { kind: 'verification', id: 'Penyimpanan tidak memiliki dokumen genesis atau blok.', en: 'the store holds no genesis document or no block' },
  AUDIT_BLOCK_MISSING: { kind: 'verification', id: 'Blok yang menurut rantai ada tidak dapat dibaca.', en: 'a block the chain says exists cannot be read' },
  AUDIT_MISSING: { kind: 'verification', id: 'Entri yang menurut rantai ada tidak dapat dibaca.', en: 'an entry the chain says exists cannot be read' },
  AUDIT_CHECKPOINT_MISSING: { kind: 'verification', id: 'Checkpoint yang menurut rantai ada tidak dapat dibaca.', en: 'a checkpoint the chain says exists cannot be read' },
  AUDIT_STORE_ORDER: { kind: 'verification', id: 'Penyimpanan memberikan entri yang tidak berurutan.', en: 'the store answers entries out of order' },
  AUDIT_ENTRY_POSITION: { kind: 'verification', id: 'Entri menyebut indeks, blok, atau waktu yang berbeda dari tempat ia disimpan.', en: 'an entry says another index, block or time than where it is stored' },
  AUDIT_DUPLICATE_TX: { kind: 'verification', id: 'Satu transaksi dicatat dua kali.', en: 'a transaction was committed twice' },
  AUDIT_REEXECUTION_MISMATCH: { kind: 'verification', id: 'Entri yang tersimpan berbeda dengan hasil eksekusi ulang (pesan menyebut kolom pertama yang berbeda).', en: 'the stored entry is not what re-execution gives (the message names the first differing field)' },
  AUDIT_ENTRY_INADMISSIBLE: {
    kind: 'verification',
    id: 'Entri mencatat panggilan yang menurut aturan jaringan harus ditolak saat diterima (kontrak atau metode tak dikenal, argumen tidak sah atau memuat data pribadi).',
    en: "an entry records a call the network's rules refuse at admission (an unknown contract or method, invalid arguments, personal data)",
  },
  AUDIT_STATE_DIGEST_MISMATCH: { kind: 'verification', id: 'stateDigest dalam kepala blok berbeda dengan hasil perhitungan ulang.', en: "a header's stateDigest is not the recomputed one" },
  AUDIT_LOG_ROOT_MISMATCH: { kind: 'verification', id: 'logRoot dalam kepala blok berbeda dengan hasil perhitungan ulang.', en: "a header's logRoot is not the recomputed one" },
  AUDIT_CHECKPOINT_MISMATCH: { kind: 'verification', id: 'Ukuran atau akar checkpoint berbeda dengan milik bloknya.', en: "a checkpoint's size or root is not its block's" },
  AUDIT_STATE_VALUE_MISMATCH: { kind: 'verification', id: 'Nilai state yang tersimpan berbeda dengan hasil eksekusi ulang.', en: 'the stored state value differs from the re-executed one' },
  AUDIT_STATE_MISSING: { kind: 'verification', id: 'Eksekusi ulang menghasilkan kunci state yang tidak tersimpan.', en: 're-executing the log produces a state key the store does not hold' },
  AUDIT_STATE_EXTRA: { kind: 'verification', id: 'Penyimpanan memuat kunci state yang tidak dihasilkan eksekusi ulang.', en: 'the store holds a state key that re-executing the log does not produce' },
  AUDIT_STATE_ORDER: { kind: 'verification', id: 'Penyimpanan memberikan kunci state yang tidak berurutan.', en: 'the store answers state keys out of order' },
  AUDIT_PROOF_INVALID: { kind: 'verification', id: 'Bukti yang diberikan node tidak sah.', en: 'a proof the node served does not verify' },
  AUDIT_HTTP_STATUS: { kind: 'verification', id: 'Node memberikan status tak terduga untuk sesuatu yang menurut rantai ada.', en: 'the node answered an unexpected status for something the chain says exists' },
  AUDIT_READ_FAILED: { kind: 'internal', id: 'Pemeriksaan gagal karena galat tanpa kode.', en: 'a check failed with an error that carries no code' },
  AUDIT_SOURCE_UNAVAILABLE: { kind: 'storage', id: 'Sumber audit tidak dapat dibaca (node tidak terjangkau atau tidak menyajikan dokumen genesis): belum ada putusan.', en: 'the audit could not read its source (a node out of reach, or one that serves no genesis document): no verdict' },
})

/** An audit verdict code. */
export type AuditErrorCode = CodeOf<typeof AUDIT_ERROR_CODES>
