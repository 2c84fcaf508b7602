import type { AuditSummary } from '../../audit/index.js'
import { defineWords } from '../words/words.js'

const number = (x: number) => x.toLocaleString('en-US')
const rateOf = (s: AuditSummary) => (s.seconds > 0 ? Math.round(s.entries / s.seconds) : s.entries)

/** The words of `saksi verify`: its help, its progress, its summary and its errors. */
export const VERIFY_WORDS = defineWords(
  {
    description: 'audit a node or a data directory from genesis: signatures, chain links, checkpoints, every entry, Merkle roots, full re-execution',
    node: 'audit a running node over HTTP',
    data: 'audit a data directory directly (every checkpoint and the stored state too)',
    genesis: "the genesis document to trust (default with --data: DIR/genesis.json; with --node: the node's, if it serves one)",
    workers: 'signature worker threads (default: one per core)',
    oneSource: 'give exactly one of --node URL and --data DIR',
    badWorkers: '--workers must be an integer from 0 to 64',
    failed: (where: string, code: string, detail: string) => `verify FAILED at ${where}: ${code}: ${detail}`,
    progress: (entries: string, blocks: string, rate: number) => `verified ${entries} entries, ${blocks} blocks (${rate} entries/s)`,
    bar: 'verifying [{bar}] {percentage}% | {value}/{total} entries | block {blocks}/{totalBlocks} | ETA {eta_formatted}',
    summary: (label: string, s: AuditSummary) => [
      `verified ${s.network} (${s.origin}) at ${label}`,
      `  blocks       ${number(s.blocks)}: every signature by the genesis node key and every chain link`,
      `  entries      ${number(s.entries)}: strictly parsed, signatures checked, re-executed from genesis byte for byte`,
      `  checkpoints  ${number(s.checkpoints)}: signatures checked, roots equal to the recomputed Merkle root`,
      `  log          size ${number(s.size)}, root ${s.root}`,
      'compared' in s.state ? `  state        ${number(s.state.compared)} keys equal to the re-executed state` : `  state        not compared: ${s.state.skipped}`,
      ...(s.proofs ? [`  proofs       ${s.proofs.inclusion} inclusion and ${s.proofs.consistency} consistency proofs served by the node verified`] : []),
      `  time         ${s.seconds.toFixed(2)} s (${number(rateOf(s))} entries/s)`,
      '',
    ],
  },
  {
    description: 'mengaudit node atau direktori data sejak genesis: tanda tangan, rantai blok, checkpoint, setiap entri, root Merkle, eksekusi ulang penuh',
    node: 'audit node yang sedang berjalan melalui HTTP',
    data: 'audit direktori data secara langsung (termasuk setiap checkpoint dan state yang tersimpan)',
    genesis: 'dokumen genesis yang dipercaya (bawaan dengan --data: DIR/genesis.json; dengan --node: milik node, bila node menyediakannya)',
    workers: 'jumlah thread pemeriksa tanda tangan (bawaan: satu per core)',
    oneSource: 'berikan tepat salah satu dari --node URL dan --data DIR',
    badWorkers: '--workers harus berupa bilangan bulat dari 0 sampai 64',
    failed: (where: string, code: string, detail: string) => `verifikasi GAGAL di ${where}: ${code}: ${detail}`,
    progress: (entries: string, blocks: string, rate: number) => `terverifikasi ${entries} entri, ${blocks} blok (${rate} entri/detik)`,
    bar: 'memverifikasi [{bar}] {percentage}% | {value}/{total} entri | blok {blocks}/{totalBlocks} | sisa waktu {eta_formatted}',
    summary: (label: string, s: AuditSummary) => [
      `${s.network} (${s.origin}) terverifikasi di ${label}`,
      `  blok         ${number(s.blocks)}: setiap tanda tangan oleh kunci node genesis dan setiap tautan rantai`,
      `  entri        ${number(s.entries)}: diurai secara ketat, tanda tangan diperiksa, dieksekusi ulang dari genesis byte demi byte`,
      `  checkpoint   ${number(s.checkpoints)}: tanda tangan diperiksa, root sama dengan root Merkle yang dihitung ulang`,
      `  log          ukuran ${number(s.size)}, root ${s.root}`,
      'compared' in s.state ? `  state        ${number(s.state.compared)} kunci sama dengan state hasil eksekusi ulang` : `  state        tidak dibandingkan: ${s.state.skipped}`,
      ...(s.proofs ? [`  bukti        ${s.proofs.inclusion} bukti inklusi dan ${s.proofs.consistency} bukti konsistensi dari node terverifikasi`] : []),
      `  waktu        ${s.seconds.toFixed(2)} detik (${number(rateOf(s))} entri/detik)`,
      '',
    ],
  },
)
