import { defineWords } from '../../../cli/index.js'
import type { WelfareDemoSummary } from './load-welfare-demo.js'

const rp = (n: number) => `Rp ${n.toLocaleString('id-ID')}`

/** The words of the welfare demo step: its intro, its summary and its errors. */
export const WELFARE_DEMO_WORDS = defineWords(
  {
    intro: 'Loading the welfare demo (PKH: households, decisions, appeals, a paid quarter)…\n',
    summary: (w: WelfareDemoSummary) => [
      `Welfare: programme ${w.programme}, ${w.households} households registered by a field officer (personal data in the vault)`,
      `  ${w.eligible} eligible, ${w.refused} refused with reasons; appeals: ${w.appeals.granted} granted, ${w.appeals.rejected} rejected`,
      `  ${w.period}: ${w.instructions} payments instructed, ${w.paid} paid, total ${rp(w.total)}; ${w.failedThenRetried} refused by the bank at first and retried`,
      `  (${w.transactions} signed transactions; try GET /v1/contracts/welfare/queries/stats?programme=${w.programme}&period=${w.period})`,
      '',
    ],
    needsServices: (dir: string) => `the welfare demo needs the vault key, the NIK secret and the payment key in ${dir} (a directory made by this version of saksi init)`,
    notSettled: 'the payment outbox did not settle the demo payments within 2 minutes',
  },
  {
    intro: 'Memuat demo bansos (PKH: keluarga, keputusan, sanggahan, satu triwulan yang sudah dibayar)…\n',
    summary: (w: WelfareDemoSummary) => [
      `Bansos: program ${w.programme}, ${w.households} keluarga didaftarkan oleh petugas lapangan (data pribadi di vault)`,
      `  ${w.eligible} layak, ${w.refused} ditolak beserta alasannya; sanggahan: ${w.appeals.granted} dikabulkan, ${w.appeals.rejected} ditolak`,
      `  ${w.period}: ${w.instructions} instruksi pembayaran, ${w.paid} sudah dibayar, total ${rp(w.total)}; ${w.failedThenRetried} sempat ditolak bank lalu dicoba ulang`,
      `  (${w.transactions} transaksi bertanda tangan; coba GET /v1/contracts/welfare/queries/stats?programme=${w.programme}&period=${w.period})`,
      '',
    ],
    needsServices: (dir: string) => `demo bansos memerlukan kunci vault, rahasia NIK dan kunci pembayaran di ${dir} (direktori yang dibuat oleh saksi init versi ini)`,
    notSettled: 'outbox pembayaran belum menyelesaikan pembayaran demo dalam 2 menit',
  },
)
