import { defineWords } from '../../../cli/index.js'
import type { ProcurementDemoSummary } from './load-procurement-demo.js'

const rp = (n: number) => `Rp ${n.toLocaleString('id-ID')}`
const base = (port: number) => `http://127.0.0.1:${port}/v1/procurement`

/** The words of the procurement demo step: its intro, its summary and its errors. */
export const PROCUREMENT_DEMO_WORDS = defineWords(
  {
    intro: 'Loading the procurement demo (park benches: sealed bids, award, shipments, a dispute, payments)…\n',
    summary: (d: ProcurementDemoSummary, port: number) => [
      `Procurement: ${d.process} (Dinas Pertamanan buys park benches); three sealed bids, ${d.lateReveal.supplier}'s late reveal refused at the door, never logged (${d.lateReveal.code})`,
      `  awarded to ${d.supplier} by the published criteria: ${rp(d.value)}; shipments ${d.shipments.join(', ')} tracked; a partial delivery disputed and ruled on`,
      `  ${d.paid} of ${d.payments} payments made, ${rp(d.total)}; consistency report ${d.consistent ? 'clean' : 'has findings'} (${d.transactions} signed transactions)`,
      `  open ${base(port)}/processes/${d.process}/trail (the public page), ${base(port)}/processes/${d.process}/shipments/${d.shipments[0]}/trail (where its QR code leads) and ${base(port)}/ocds/releases (OCDS)`,
      '',
    ],
    needsGateway: (dir: string) => `the procurement demo needs the payment key in ${dir} (a directory made by this version of saksi init)`,
    needsOrg: (org: string, detail: string) => `the procurement demo needs the ${org} organisation and its admin key: ${detail}`,
    revealFailed: (code: string) => `demo procurement.revealBid failed: ${code}`,
    lateNotRefused: (outcome: string) => `demo: the late reveal was not refused at admission (${outcome})`,
    notSettled: 'the payment outbox did not settle the procurement payments within a minute',
  },
  {
    intro: 'Memuat demo pengadaan (bangku taman: penawaran tertutup, penetapan pemenang, pengiriman, sengketa, pembayaran)…\n',
    summary: (d: ProcurementDemoSummary, port: number) => [
      `Pengadaan: ${d.process} (Dinas Pertamanan membeli bangku taman); tiga penawaran tertutup, pembukaan penawaran ${d.lateReveal.supplier} yang terlambat ditolak saat diterima, tidak pernah masuk log (${d.lateReveal.code})`,
      `  pemenang ${d.supplier} sesuai kriteria yang diumumkan: ${rp(d.value)}; pengiriman ${d.shipments.join(', ')} terlacak; satu pengiriman sebagian disengketakan dan diputus`,
      `  ${d.paid} dari ${d.payments} pembayaran terlaksana, ${rp(d.total)}; laporan konsistensi ${d.consistent ? 'bersih' : 'berisi temuan'} (${d.transactions} transaksi bertanda tangan)`,
      `  buka ${base(port)}/processes/${d.process}/trail (halaman publik), ${base(port)}/processes/${d.process}/shipments/${d.shipments[0]}/trail (tujuan kode QR-nya) dan ${base(port)}/ocds/releases (OCDS)`,
      '',
    ],
    needsGateway: (dir: string) => `demo pengadaan memerlukan kunci pembayaran di ${dir} (direktori yang dibuat oleh saksi init versi ini)`,
    needsOrg: (org: string, detail: string) => `demo pengadaan memerlukan organisasi ${org} dan kunci admin-nya: ${detail}`,
    revealFailed: (code: string) => `demo procurement.revealBid gagal: ${code}`,
    lateNotRefused: (outcome: string) => `demo: pembukaan penawaran yang terlambat tidak ditolak saat diterima (${outcome})`,
    notSettled: 'outbox pembayaran belum menyelesaikan pembayaran pengadaan dalam satu menit',
  },
)
