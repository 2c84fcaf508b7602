import { randomBytes } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { JsonObject } from 'saksi'
import { KeyPair, isSaksiError } from 'saksi'
import { bidCommitment, parkBenchBid, parkBenchCriteria, parkBenchPlan } from '../contract/index.js'
import type { BidContent, Payment } from '../contract/index.js'
import type { SaksiNode } from '../../../node/index.js'
import { CliError, bilingual, adminKeyPath, type DataDirPaths, DATA_DIR_MODE, readKeyFile, writeKeyFile, demoClient } from '../../../cli/index.js'
import type { DataServices } from '../../../cli/index.js'
import { PROCUREMENT_DEMO_WORDS as W } from './procurement-demo-words.js'

/** What the procurement demo did, for the summary `saksi demo` prints. */
export interface ProcurementDemoSummary {
  process: string
  supplier: string
  value: number
  lateReveal: { supplier: string; code: string }
  shipments: string[]
  payments: number
  paid: number
  total: number
  consistent: boolean
  transactions: number
}

const OFFICIALS = [
  { org: 'pertamanan', slug: 'pertamanan-pejabat-pengadaan', roles: ['procurement.officer'] },
  { org: 'pertamanan', slug: 'pertamanan-pemeriksa', roles: ['procurement.inspector'] },
  { org: 'pertamanan', slug: 'pertamanan-bendahara', roles: ['procurement.treasurer'] },
  { org: 'inspektorat', slug: 'inspektorat-auditor', roles: ['procurement.auditor'] },
  { org: 'lkpp', slug: 'lkpp-arbiter', roles: ['procurement.arbiter'] },
] as const

/** Three suppliers; Sentosa offers the lowest price but reveals after the reveal deadline. */
const SUPPLIERS = [
  { id: 'mebel-jaya', name: 'CV Mebel Jaya Jepara', nib: '9120001234567', bid: parkBenchBid(4_200_000, 1_000_000, 30, 60) },
  { id: 'karya-taman', name: 'PT Karya Taman Nusantara', nib: '8120007654321', bid: parkBenchBid(4_400_000, 1_100_000, 45, 55) },
  { id: 'sentosa', name: 'UD Sentosa Abadi', nib: '9120005550001', bid: parkBenchBid(3_950_000, 950_000, 40, 45) },
] as const

const waitUntil = async (iso: string) => {
  for (;;) {
    const left = Date.parse(iso) - Date.now()
    if (left < -50) return
    await new Promise((r) => setTimeout(r, Math.max(left + 60, 20)))
  }
}
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

/**
 * Loads the procurement demo through signed transactions: Dinas Pertamanan buys 50 park benches
 * and 20 litter bins. Officials are appointed (procurement officer, inspector, treasurer; an
 * auditor at the Inspektorat; an arbiter at LKPP), three suppliers register and commit sealed bids,
 * two reveal in time and the third too late (refused at the door: a refused reveal is never logged), the award follows the published
 * criteria, the purchase order has two milestones, two shipments are tracked by the carrier, the
 * first delivery is partly rejected, the supplier disputes it and the arbiter corrects it, the
 * payments go through the outbox and the simulated bank (refusals retried), and an auditor signs
 * a note after the consistency report. Deadlines are seconds apart: this part takes about 8 s.
 * @throws CliError if an organisation or admin key is missing, the outbox is missing, or a call is refused
 */
export async function loadProcurementDemo(node: SaksiNode, paths: DataDirPaths, services: DataServices, process = 'pertamanan.bangku-taman-2026'): Promise<ProcurementDemoSummary> {
  if (!services.outbox) throw new CliError(bilingual(W, (w) => w.needsGateway(paths.dir)))
  const client = demoClient(node)
  const p = (key: KeyPair, method: string, args: JsonObject) => client.must(key, 'procurement', method, args)
  const keys = new Map<string, KeyPair>()
  const newKey = async (path: string) => {
    const key = KeyPair.generate()
    await writeKeyFile(path, key)
    return key
  }
  for (const o of OFFICIALS) {
    let admin: KeyPair
    try {
      admin = (await readKeyFile(adminKeyPath(paths, o.org))).key
    } catch (e) {
      throw new CliError(bilingual(W, (w) => w.needsOrg(o.org, (e as Error).message)))
    }
    const key = await newKey(join(paths.keys, `${o.slug}.pem`))
    keys.set(o.slug, key)
    await client.must(admin, 'identity', 'addMember', { org: o.org, did: key.did, roles: [...o.roles] })
  }
  const k = (slug: (typeof OFFICIALS)[number]['slug']) => keys.get(slug)!
  const supplierDir = join(paths.keys, 'penyedia')
  await mkdir(supplierDir, { recursive: true, mode: DATA_DIR_MODE })
  const suppliers = new Map<string, KeyPair>()
  for (const s of SUPPLIERS) {
    const key = await newKey(join(supplierDir, `${s.id}.pem`))
    suppliers.set(s.id, key)
    // A key the directory does not know may only register (PROTOCOL-NOTES "Admission limits"): the
    // business's name is its public label.
    await client.must(key, 'identity', 'register', { name: s.name })
    await p(key, 'registerSupplier', { supplier: s.id, name: s.name, nib: s.nib })
  }
  const carrier = await newKey(join(supplierDir, 'kurir-mebel-jaya.pem'))
  await client.must(carrier, 'identity', 'register', { name: 'Kurir Mebel Jaya' })

  await p(k('pertamanan-pejabat-pengadaan'), 'createPlan', parkBenchPlan(process))
  const bidDeadline = new Date(Date.now() + 3000).toISOString()
  const revealDeadline = new Date(Date.now() + 6000).toISOString()
  await p(k('pertamanan-pejabat-pengadaan'), 'publishTender', {
    process,
    title: 'Tender bangku taman dan tempat sampah 2026',
    description: 'Tender terbuka dengan penawaran tertutup. Kirim komitmen penawaran sebelum batas waktu; buka penawaran setelahnya.',
    bidDeadline,
    revealDeadline,
    criteria: parkBenchCriteria,
  })
  const sealed = SUPPLIERS.map((s) => ({ ...s, salt: randomBytes(32).toString('hex') }))
  await Promise.all(sealed.map((s) => p(suppliers.get(s.id)!, 'commitBid', { process, supplier: s.id, commitment: bidCommitment({ process, supplier: s.id, bid: s.bid as BidContent, salt: s.salt }) })))
  await waitUntil(bidDeadline)
  const reveal = (s: (typeof sealed)[number]) => client.call(suppliers.get(s.id)!, 'procurement', 'revealBid', { process, supplier: s.id, bid: s.bid as unknown as JsonObject, salt: s.salt })
  for (const s of sealed.slice(0, 2)) {
    const r = await reveal(s)
    if (r.status !== 'ok') throw new CliError(bilingual(W, (w) => w.revealFailed(r.code ?? '')))
  }
  await waitUntil(revealDeadline)
  // A refused reveal is never logged (its prices would be published): the node refuses it at the door.
  const late = await reveal(sealed[2]!).then(
    (r) => r.status,
    (e: unknown) => (isSaksiError(e) ? e.code : String(e)),
  )
  if (late !== 'PROCUREMENT_REVEAL_LATE') throw new CliError(bilingual(W, (w) => w.lateNotRefused(late)))
  const awarded = await p(k('pertamanan-pejabat-pengadaan'), 'award', { process })
  const winner = awarded.events[0]!.data.supplier as string
  const supplierKey = suppliers.get(winner)!
  await p(k('pertamanan-pejabat-pengadaan'), 'issueContract', {
    process,
    milestones: [
      { id: 'tahap-1', title: 'Pengiriman tahap 1: Taman Kota', dueDate: day(14), lines: [{ item: 'bangku', quantity: 30 }, { item: 'tempat-sampah', quantity: 20 }] },
      { id: 'tahap-2', title: 'Pengiriman tahap 2: Taman Lansia', dueDate: day(30), lines: [{ item: 'bangku', quantity: 20 }] },
    ],
  })
  await p(supplierKey, 'acceptContract', { process })

  // Two shipments, each tracked by the carrier from the workshop to the parks office's depot.
  const route = [
    { lat: -6.5889, lon: 110.6684, place: 'Bengkel mebel, Jepara' },
    { lat: -6.9667, lon: 110.4167, place: 'Semarang (tol Trans Jawa)' },
    { lat: -6.7063, lon: 108.5571, place: 'Cirebon' },
  ]
  const depot = { lat: -6.914744, lon: 107.60981, place: 'Gudang Dinas Pertamanan, Taman Sari' }
  const ship = async (shipment: string, milestone: string, lines: { item: string; quantity: number }[]) => {
    await p(supplierKey, 'dispatch', { process, shipment, milestone, lines, carrier: carrier.did, ...route[0]! })
    for (const stop of route.slice(1)) await p(carrier, 'updateLocation', { process, shipment, ...stop })
    await p(carrier, 'arrive', { process, shipment, ...depot })
  }
  await ship('kirim-1', 'tahap-1', [{ item: 'bangku', quantity: 30 }, { item: 'tempat-sampah', quantity: 20 }])
  await p(k('pertamanan-pemeriksa'), 'inspect', {
    process,
    shipment: 'kirim-1',
    accepted: [{ item: 'bangku', quantity: 26 }, { item: 'tempat-sampah', quantity: 20 }],
    rejected: [{ item: 'bangku', quantity: 4, reason: 'Cat rangka tergores dan mengelupas (frame paint scratched and peeling)' }],
    note: 'Diperiksa di gudang bersama perwakilan penyedia; 4 bangku ditolak.',
  })
  await p(supplierKey, 'openDispute', { process, milestone: 'tahap-1', reason: 'Dua dari empat bangku yang ditolak hanya tergores ringan, dalam batas toleransi spesifikasi.' })
  await p(k('lkpp-arbiter'), 'resolveDispute', {
    process,
    dispute: 'd1',
    reason: 'Pemeriksaan ulang bersama: dua bangku memenuhi spesifikasi; dua lainnya tetap ditolak dan harus diganti.',
    adjustments: [{ shipment: 'kirim-1', accepted: [{ item: 'bangku', quantity: 28 }, { item: 'tempat-sampah', quantity: 20 }] }],
  })
  await ship('kirim-2', 'tahap-2', [{ item: 'bangku', quantity: 20 }])
  await p(k('pertamanan-pemeriksa'), 'inspect', { process, shipment: 'kirim-2', accepted: [{ item: 'bangku', quantity: 20 }], note: 'Lengkap dan sesuai spesifikasi.' })

  // The outbox pays through the simulated bank; the treasurer retries what the bank refused.
  const payments = async () => ((await node.query('procurement', 'process', { process })) as unknown as { payments: Payment[] }).payments
  const settled = async () => {
    for (let waited = 0; (await payments()).some((x) => x.status === 'instructed'); waited += 50) {
      if (waited > 60_000) throw new CliError(bilingual(W, (w) => w.notSettled))
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  await settled()
  for (let round = 0; round < 8 && (await payments()).some((x) => x.status === 'failed'); round++) {
    for (const x of (await payments()).filter((y) => y.status === 'failed')) await p(k('pertamanan-bendahara'), 'retryPayment', { process, payment: x.id })
    await settled()
  }
  const report = (await node.query('procurement', 'consistency', { process })) as { ok: boolean }
  await p(k('inspektorat-auditor'), 'addAuditNote', {
    process,
    subject: 'laporan-konsistensi',
    text: report.ok
      ? 'Laporan konsistensi bersih: pemenang sesuai kriteria, pembayaran sesuai jumlah diterima, tidak ada pembayaran tanpa pemeriksaan.'
      : 'Laporan konsistensi menemukan selisih; perlu pemeriksaan lanjutan.',
  })
  const all = await payments()
  const order = ((await node.query('procurement', 'process', { process })) as unknown as { process: { order: { value: number } } }).process.order
  return {
    process,
    supplier: winner,
    value: order.value,
    lateReveal: { supplier: sealed[2]!.id, code: late },
    shipments: ['kirim-1', 'kirim-2'],
    payments: all.length,
    paid: all.filter((x) => x.status === 'paid').length,
    total: all.filter((x) => x.status === 'paid').reduce((n, x) => n + x.amount, 0),
    consistent: report.ok,
    transactions: client.transactions,
  }
}
