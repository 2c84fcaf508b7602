import { defineCodes, type CallContext, type CodeOf } from 'saksi'

/** Failure codes of the procurement contract, with their kinds and messages (the same in receipts, API and tests). */
export const PROCUREMENT_CODES = defineCodes({
  PROCUREMENT_SUPPLIER_EXISTS: {
    kind: 'conflict',
    id: 'Penyedia dengan ID ini sudah ada, atau kunci tersebut sudah dimiliki penyedia lain.',
    en: 'a supplier with this id exists, or the key already belongs to a supplier',
  },
  PROCUREMENT_SUPPLIER_NOT_FOUND: { kind: 'not_found', id: 'Penyedia tidak ditemukan.', en: 'no such supplier' },
  PROCUREMENT_SUPPLIER_KEY_INVALID: {
    kind: 'validation',
    id: 'Kunci tersebut bukan (atau sudah menjadi) kunci penyedia, tidak diundang, atau merupakan kunci admin terakhir.',
    en: 'the key is not (or is already) one of the supplier’s keys, was not invited, or is the last admin key',
  },
  PROCUREMENT_NIB_USED: {
    kind: 'conflict',
    id: 'Nomor Induk Berusaha (NIB) ini sudah didaftarkan oleh penyedia lain: satu perusahaan, satu penyedia.',
    en: 'another supplier registered this business licence number (NIB): one company, one supplier',
  },
  PROCUREMENT_PROCESS_EXISTS: { kind: 'conflict', id: 'Proses pengadaan dengan ID ini sudah ada.', en: 'a procurement process with this id exists' },
  PROCUREMENT_PROCESS_NOT_FOUND: { kind: 'not_found', id: 'Proses pengadaan tidak ditemukan.', en: 'no such procurement process' },
  PROCUREMENT_PLAN_INVALID: {
    kind: 'validation',
    id: 'Rencana pengadaan saling bertentangan (ID barang berulang, atau anggaran di bawah perkiraan harga barang).',
    en: 'the plan contradicts itself (repeated item ids, a budget below the items’ estimates)',
  },
  PROCUREMENT_STAGE_INVALID: {
    kind: 'conflict',
    id: 'Proses belum atau sudah tidak berada pada tahap yang diperlukan langkah ini (misalnya tender untuk proses yang sudah ditenderkan).',
    en: 'the process is not at the stage this step needs (e.g. a tender for a process already tendered)',
  },
  PROCUREMENT_TENDER_INVALID: {
    kind: 'validation',
    id: 'Tender saling bertentangan (batas waktu sudah lewat atau tidak berurutan, masa pembukaan penawaran kurang dari separuh masa penawaran, atau bobot tidak berjumlah 100).',
    en: 'the tender contradicts itself (deadlines in the past or out of order, a reveal window shorter than half the bid window, weights not adding up to 100)',
  },
  PROCUREMENT_BID_LATE: { kind: 'conflict', id: 'Batas waktu penawaran sudah lewat: komitmen penawaran tidak diterima lagi.', en: 'the bid deadline has passed: no commitment is taken any more' },
  PROCUREMENT_BID_EXISTS: {
    kind: 'conflict',
    id: 'Penyedia ini sudah mengajukan komitmen penawaran untuk tender ini (penawaran tertutup tidak dapat diubah).',
    en: 'this supplier already committed a bid to this tender (a sealed bid cannot be changed)',
  },
  PROCUREMENT_TENDER_OPEN: { kind: 'conflict', id: 'Batas waktu penawaran belum lewat: penawaran tetap tertutup sampai saat itu.', en: 'the bid deadline has not passed: bids stay sealed until then' },
  PROCUREMENT_REVEAL_LATE: { kind: 'conflict', id: 'Batas waktu pembukaan penawaran sudah lewat.', en: 'the reveal deadline has passed' },
  PROCUREMENT_BID_NOT_FOUND: { kind: 'not_found', id: 'Penyedia ini tidak mengajukan komitmen penawaran untuk tender ini.', en: 'this supplier committed no bid to this tender' },
  PROCUREMENT_BID_REVEALED: { kind: 'conflict', id: 'Penawaran ini sudah dibuka.', en: 'this bid is already revealed' },
  PROCUREMENT_REVEAL_MISMATCH: { kind: 'verification', id: 'Penawaran dan salt yang dibuka tidak menghasilkan hash komitmennya.', en: 'the revealed bid and salt do not hash to the commitment' },
  PROCUREMENT_BID_INVALID: {
    kind: 'validation',
    id: 'Penawaran yang dibuka tidak memberi harga tepat untuk barang-barang yang ditenderkan.',
    en: 'the revealed bid does not price exactly the tendered items',
  },
  PROCUREMENT_REVEAL_OPEN: {
    kind: 'conflict',
    id: 'Batas waktu pembukaan penawaran belum lewat: penawaran belum dapat dievaluasi.',
    en: 'the reveal deadline has not passed: the bids cannot be evaluated yet',
  },
  PROCUREMENT_CONTRACT_INVALID: {
    kind: 'validation',
    id: 'Surat pesanan bertentangan dengan penetapan pemenang (jumlah, barang, atau tanggal jatuh tempo yang sudah lewat).',
    en: 'the purchase order contradicts the award (quantities, items, due dates in the past)',
  },
  PROCUREMENT_CONTRACT_NOT_ACTIVE: {
    kind: 'conflict',
    id: 'Surat pesanan belum aktif (belum diterbitkan, atau belum diterima penyedia).',
    en: 'the purchase order is not active (not issued, or not accepted by the supplier yet)',
  },
  PROCUREMENT_MILESTONE_NOT_FOUND: { kind: 'not_found', id: 'Tahapan tersebut tidak ada dalam surat pesanan.', en: 'no such milestone in the purchase order' },
  PROCUREMENT_SHIPMENT_EXISTS: { kind: 'conflict', id: 'Pengiriman dengan ID ini sudah ada dalam proses ini.', en: 'a shipment with this id exists in this process' },
  PROCUREMENT_SHIPMENT_NOT_FOUND: { kind: 'not_found', id: 'Pengiriman tidak ditemukan.', en: 'no such shipment' },
  PROCUREMENT_SHIPMENT_INVALID: {
    kind: 'validation',
    id: 'Pengiriman bertentangan dengan dirinya sendiri atau dengan tahapannya (barang yang tidak termasuk atau tercantum dua kali, atau melebihi pesanan tahapan).',
    en: 'the shipment contradicts itself or its milestone (an item not in it or listed twice, more than the milestone orders)',
  },
  PROCUREMENT_SHIPMENT_STATE: {
    kind: 'conflict',
    id: 'Pengiriman tidak dalam keadaan yang memungkinkan tindakan ini (sudah tiba atau sudah diperiksa, atau jumlah pergerakannya sudah maksimum).',
    en: 'the shipment is not in a state that allows this (already arrived or inspected, or at its most movements)',
  },
  PROCUREMENT_LOCATION_INVALID: {
    kind: 'validation',
    id: 'Waktu yang dilaporkan tidak masuk akal (di masa depan, lebih dari sehari sebelum blok, sebelum pembaruan terakhir, atau sebelum pesanan).',
    en: 'the reported time is not plausible (in the future, more than a day before the block, before the last update or the order)',
  },
  PROCUREMENT_INSPECTION_INVALID: {
    kind: 'validation',
    id: 'Jumlah yang diterima dan ditolak tidak sama dengan jumlah yang dikirim.',
    en: 'accepted and rejected quantities do not add up to what was shipped',
  },
  PROCUREMENT_OVER_CONTRACT_VALUE: {
    kind: 'conflict',
    id: 'Pembayaran akan melampaui nilai kontrak (jumlah yang diterima melebihi pesanan).',
    en: 'the payment would exceed the contract value (more accepted than ordered)',
  },
  PROCUREMENT_DISPUTE_OPEN: { kind: 'conflict', id: 'Sudah ada sengketa terbuka untuk tahapan ini.', en: 'a dispute is already open on this milestone' },
  PROCUREMENT_DISPUTE_NOT_FOUND: { kind: 'not_found', id: 'Tidak ada sengketa terbuka dengan ID ini.', en: 'no open dispute with this id' },
  PROCUREMENT_ARBITER_CONFLICT: {
    kind: 'authorization',
    id: 'Penengah berasal dari pihak pembeli, organisasi penerima, atau penyedia.',
    en: 'the arbiter belongs to the buyer, the receiving organisation or a supplier',
  },
  PROCUREMENT_CONFLICT_OF_INTEREST: {
    kind: 'authorization',
    id: 'Satu kunci berada di kedua pihak: kunci penyedia bertindak untuk pembeli, atau kunci pejabat bergabung dengan penyedia.',
    en: 'one key on both sides: a supplier key acting for the buyer, or an official’s key joining a supplier',
  },
  PROCUREMENT_ADJUSTMENT_INVALID: {
    kind: 'validation',
    id: 'Penyesuaian dalam putusan tidak mungkin dilakukan (pengiriman belum diperiksa, atau di bawah jumlah yang sudah dibayar).',
    en: 'the ruling’s adjustment is not possible (a shipment not inspected, or below what is already paid)',
  },
  PROCUREMENT_CONTRACT_OPEN: {
    kind: 'conflict',
    id: 'Surat pesanan belum dapat ditutup: ada tahapan yang belum terpenuhi, pengiriman yang belum diperiksa, pembayaran yang belum dilakukan, atau sengketa yang masih terbuka.',
    en: 'the purchase order cannot close: a milestone is not met, a shipment not inspected, a payment not made or a dispute open',
  },
  PROCUREMENT_PAYMENT_NOT_FOUND: { kind: 'not_found', id: 'Perintah pembayaran tidak ditemukan.', en: 'no such payment instruction' },
  PROCUREMENT_PAYMENT_SETTLED: {
    kind: 'conflict',
    id: 'Perintah pembayaran sudah tuntas atau tidak dalam keadaan yang memungkinkan tindakan ini.',
    en: 'the payment instruction is already settled, or not in a state that allows this',
  },
  PROCUREMENT_NIK_IN_CLEAR: {
    kind: 'validation',
    id: 'Argumen memuat sesuatu yang tampak seperti NIK terbuka; data pribadi tidak boleh masuk ke log.',
    en: 'the arguments hold something that looks like a NIK in clear; personal data stays off the log',
  },
})

/** A procurement failure code. */
export type ProcurementCode = CodeOf<typeof PROCUREMENT_CODES>

/** What a procurement method body receives: its `fail` takes only procurement codes (and `ACCESS_DENIED`). */
export type ProcurementContext = CallContext<ProcurementCode>
