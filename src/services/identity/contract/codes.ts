import { defineCodes, type CallContext, type CodeOf } from 'saksi'

/** Failure codes of the identity contract (besides the runtime's, e.g. `ARGS_INVALID`, `ACCESS_DENIED`). */
export const IDENTITY_ERROR_CODES = defineCodes({
  IDENTITY_EXISTS: { kind: 'conflict', id: 'Kunci penanda tangan sudah terdaftar sebagai warga.', en: 'the signer is already registered as a citizen' },
  IDENTITY_NOT_FOUND: { kind: 'not_found', id: 'Kunci tersebut tidak memiliki identitas warga (atau, untuk rotasi, tidak memiliki apa pun).', en: 'no citizen identity (or, for rotation, nothing at all) is held by that key' },
  IDENTITY_ALREADY_VERIFIED: { kind: 'conflict', id: 'Identitas warga ini sudah diverifikasi.', en: 'the citizen is already verified' },
  IDENTITY_SELF_VERIFICATION: { kind: 'authorization', id: 'Petugas tidak boleh memverifikasi identitasnya sendiri.', en: 'an official may not verify their own identity' },
  IDENTITY_EVIDENCE_INVALID: { kind: 'validation', id: 'Bukti verifikasi tidak konsisten (misalnya waktu pemeriksaan setelah waktu blok).', en: 'the verification evidence is inconsistent (e.g. checkedAt after the block time)' },
  IDENTITY_NIK_IN_CLEAR: { kind: 'validation', id: 'Argumen memuat sesuatu yang tampak seperti NIK terbuka; kirimkan hanya hash berkuncinya.', en: 'the arguments hold something that looks like a NIK in clear; send only a keyed hash' },
  IDENTITY_ORG_NOT_FOUND: { kind: 'not_found', id: 'Tidak ada organisasi dengan ID tersebut.', en: 'no organisation has that id' },
  IDENTITY_MEMBER_EXISTS: { kind: 'conflict', id: 'Kunci tersebut sudah menjadi anggota organisasi.', en: 'the key is already a member of the organisation' },
  IDENTITY_NOT_MEMBER: { kind: 'not_found', id: 'Kunci tersebut bukan anggota organisasi.', en: 'the key is not a member of the organisation' },
  IDENTITY_ROLE_NOT_GRANTABLE: {
    kind: 'authorization',
    id: 'Organisasi ini tidak berwenang memberikan peran tersebut (hanya identity.admin dan peran yang tercantum dalam grants pada genesis-nya).',
    en: 'the organisation may not grant that role (only identity.admin and the roles its genesis entry lists in grants)',
  },
  IDENTITY_LAST_ADMIN: { kind: 'conflict', id: 'Perubahan ini akan membuat organisasi tidak lagi memiliki admin dengan kunci aktif.', en: 'the change would leave the organisation without an admin whose key is active' },
  IDENTITY_KEY_REVOKED: { kind: 'authorization', id: 'Kunci ini sudah dicabut atau dirotasi dan tidak dapat dipakai lagi (di semua kontrak).', en: 'the key was revoked or rotated away and can no longer act (in every contract)' },
  IDENTITY_KEY_IN_USE: {
    kind: 'conflict',
    id: 'Kunci baru pada rotasi adalah kunci yang sedang dipakai, atau sudah memiliki identitas, keanggotaan, atau catatan kunci.',
    en: 'the new key of a rotation is the current key or already holds an identity, a membership or a key record',
  },
  IDENTITY_ROTATION_PROOF_INVALID: { kind: 'verification', id: 'Bukti rotasi bukan tanda tangan sah oleh kunci baru.', en: 'the rotation proof is not a valid signature by the new key' },
})

/** An identity failure code. */
export type IdentityErrorCode = CodeOf<typeof IDENTITY_ERROR_CODES>

/** What an identity method body receives: its `fail` takes only identity codes (and `ACCESS_DENIED`). */
export type IdentityContext = CallContext<IdentityErrorCode>
