import { defineCodes, type CallContext, type CodeOf } from 'saksi'

/** Failure codes of the welfare contract, with their kinds and messages (the same in receipts, API and tests). */
export const WELFARE_CODES = defineCodes({
  WELFARE_PROGRAMME_EXISTS: { kind: 'conflict', id: 'Program dengan ID ini sudah ada.', en: 'a programme with this id exists' },
  WELFARE_PROGRAMME_NOT_FOUND: { kind: 'not_found', id: 'Program tidak ditemukan.', en: 'no such programme' },
  WELFARE_RULE_INVALID: {
    kind: 'validation',
    id: 'Ada aturan yang tidak dapat diurai atau memakai operator atau atribut yang tidak dikenal; pesan menyebutkan letaknya.',
    en: 'a rule does not parse, uses an unknown operator or attribute; the message gives its path',
  },
  WELFARE_RULES_INVALID: {
    kind: 'validation',
    id: 'Aturan saling bertentangan (ID berulang, versi yang berlaku sebelum versi sebelumnya, atau berlaku surut).',
    en: 'the rules contradict themselves (repeated ids, a version effective before the previous one or in the past)',
  },
  WELFARE_REGION_NOT_SERVED: { kind: 'validation', id: 'Wilayah rumah tangga berada di luar wilayah layanan program.', en: "the household's region is outside the programme's regions" },
  WELFARE_DUPLICATE_BENEFICIARY: {
    kind: 'conflict',
    id: 'Ada anggota yang sudah tercatat dalam rumah tangga aktif pada program ini atau pada program yang tidak boleh diterima bersamaan.',
    en: 'a member is already in an active household of this programme or of an exclusive one',
  },
  WELFARE_HOUSEHOLD_INVALID: {
    kind: 'validation',
    id: 'Data rumah tangga tidak konsisten (tidak ada atau ada dua kepala keluarga, anggota tercatat dua kali, atau persetujuan tanpa bukti).',
    en: 'the household contradicts itself (no head, two heads, a member twice, consent without evidence)',
  },
  WELFARE_VAULT_REF_USED: { kind: 'conflict', id: 'Rujukan brankas sudah dipakai oleh rumah tangga lain.', en: 'a vault reference already belongs to another household' },
  WELFARE_HOUSEHOLD_NOT_FOUND: { kind: 'not_found', id: 'Rumah tangga tidak ditemukan dalam program ini.', en: 'no such household in this programme' },
  WELFARE_ALREADY_VERIFIED: { kind: 'conflict', id: 'Rumah tangga ini sudah diverifikasi.', en: 'the household is already verified' },
  WELFARE_IDENTITY_NOT_VERIFIED: { kind: 'authorization', id: 'Identitas pemohon belum diverifikasi (identity.verifyCitizen).', en: "the applicant's own identity is not verified yet (identity.verifyCitizen)" },
  WELFARE_DECISION_NOT_FOUND: { kind: 'not_found', id: 'Keputusan tidak ditemukan.', en: 'no such decision' },
  WELFARE_APPEAL_NOT_ALLOWED: {
    kind: 'conflict',
    id: 'Sanggahan hanya dapat diajukan atas keputusan penolakan yang terakhir, oleh pemohon atau petugas lapangan.',
    en: 'only a refusal may be appealed, by its applicant or a field officer, and only the latest decision',
  },
  WELFARE_APPEAL_EXISTS: { kind: 'conflict', id: 'Keputusan ini sudah pernah disanggah (sekali untuk setiap keputusan).', en: 'this decision was already appealed (once per decision)' },
  WELFARE_APPEAL_NOT_FOUND: { kind: 'not_found', id: 'Tidak ada sanggahan terbuka untuk keputusan ini.', en: 'no open appeal for this decision' },
  WELFARE_PERIOD_INVALID: {
    kind: 'validation',
    id: 'Periode tidak sesuai dengan jenis periode program, belum dimulai, atau belum memiliki aturan.',
    en: "the period is not of the programme's kind, is in the future, or has no rules",
  },
  WELFARE_BUDGET_EXCEEDED: { kind: 'conflict', id: 'Penyaluran ini akan melampaui pagu anggaran periode tersebut.', en: "the run would exceed the period's budget ceiling" },
  WELFARE_RUN_DONE: { kind: 'conflict', id: 'Penyaluran untuk periode ini sudah selesai.', en: 'the disbursement run for this period is complete' },
  WELFARE_INSTRUCTION_NOT_FOUND: { kind: 'not_found', id: 'Perintah pembayaran tidak ditemukan.', en: 'no such payment instruction' },
  WELFARE_INSTRUCTION_SETTLED: {
    kind: 'conflict',
    id: 'Perintah pembayaran sudah tuntas (dibayar) atau tidak dalam keadaan yang memungkinkan tindakan ini.',
    en: 'the payment instruction is already settled (paid), or not in a state that allows this',
  },
  WELFARE_NIK_CHECK_INVALID: {
    kind: 'validation',
    id: 'Pemeriksaan NIK tidak konsisten: rujukan berulang atau tanpa NIK, pendaftaran baru yang menyebut rumah tangga, keperluan lain tanpa rumah tangga, atau warga yang memeriksa untuk selain pendaftarannya sendiri.',
    en: "the NIK check contradicts itself: a reference twice or without a NIK, a registration naming a household, another purpose naming none, or a citizen checking for anything but their own registration",
  },
  WELFARE_NIK_CHECK_LIMIT: {
    kind: 'conflict',
    id: 'Batas harian NIK yang boleh di-hash oleh penanda tangan ini sudah tercapai.',
    en: "the signer's daily limit of NIKs hashed is reached",
  },
  WELFARE_NIK_IN_CLEAR: {
    kind: 'validation',
    id: 'Argumen memuat sesuatu yang tampak seperti NIK terbuka; log hanya menerima hash berkunci dan rujukan brankas.',
    en: 'the arguments hold something that looks like a NIK in clear; the log takes only keyed hashes and vault references',
  },
})

/** A welfare failure code. */
export type WelfareCode = CodeOf<typeof WELFARE_CODES>

/** What a welfare method body receives: its `fail` takes only welfare codes (and `ACCESS_DENIED`). */
export type WelfareContext = CallContext<WelfareCode>
