import type { LocationUpdate, Payment, Shipment } from '../../contracts/procurement/records.js'

/** The procurement contract's `shipment` query answer. */
export interface ShipmentTrail {
  process: { id: string; org: string; title: string; supplier?: string; items?: { id: string; description: string; unit: string }[] }
  milestone?: { id: string; title: string; dueDate: string; status: string }
  shipment: Shipment
  updates: LocationUpdate[]
  payments: Payment[]
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text for HTML: everything in a trail was signed by someone, so nothing is trusted as markup. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

const rupiah = (n: number) => `Rp ${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`

/** A protocol time as people in the city read it: Western Indonesia Time (UTC+7), to the minute. */
export function wib(iso: string): string {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? iso : `${new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} WIB`
}
const STATUS: Record<string, string> = { 'in-transit': 'Dalam perjalanan (in transit)', arrived: 'Tiba (arrived)', inspected: 'Diperiksa (inspected)' }
const KIND: Record<string, string> = { dispatch: 'Berangkat (dispatched)', location: 'Posisi (location)', arrival: 'Tiba (arrived)' }
const PAYMENT: Record<string, string> = { held: 'Ditahan: sengketa (held: dispute)', instructed: 'Diproses bank (with the bank)', paid: 'Dibayar (paid)', failed: 'Gagal (failed)', cancelled: 'Dibatalkan (cancelled)' }

/**
 * The public page of a shipment, where its QR code leads: what was shipped for which purchase,
 * every signed movement with its signer and transaction, the inspection and the payments.
 * Bahasa Indonesia first, English second; no script, no external resource.
 */
export function shipmentTrailPage(trail: ShipmentTrail, names: { buyer: string; supplier?: string; jsonUrl: string }): string {
  const s = trail.shipment
  const e = escapeHtml
  const item = (id: string) => trail.process.items?.find((i) => i.id === id)
  const named = (id: string) => e(item(id)?.description ?? id)
  const lines = s.lines.map((l) => `<li>${e(l.quantity)} ${e(item(l.item)?.unit ?? '×')} ${named(l.item)}</li>`).join('')
  const moves = trail.updates
    .map(
      (u) => `<tr><td>${e(wib(u.at))}</td><td>${e(KIND[u.kind] ?? u.kind)}</td><td>${e(u.place)}<br><small>${e(u.lat)}, ${e(u.lon)}</small></td><td><code title="${e(u.by)}">${e(u.by.slice(0, 20))}…</code></td><td><code title="${e(u.txId)}">${e(u.txId.slice(0, 12))}…</code></td></tr>`,
    )
    .join('')
  const i = s.inspection
  const ruling = i?.adjustments?.length
    ? `<p>Dikoreksi oleh putusan arbiter (corrected by the arbiter's ruling): ${i.adjustments.map((a) => `${e(a.dispute)}, ${e(wib(a.at))}`).join('; ')}. Catatan pemeriksa di bawah ini ditulis sebelum putusan (the inspector's note below predates it).</p>`
    : ''
  const inspection = i
    ? `<h2>Pemeriksaan <small>(inspection)</small></h2><p>${e(wib(i.at))}: diterima (accepted) ${i.accepted.map((a) => `${e(a.quantity)} × ${named(a.item)}`).join(', ') || '–'}; ditolak (rejected) ${i.rejected.map((r) => `${e(r.quantity)} × ${named(r.item)} (${e(r.reason)})`).join(', ') || '–'}${i.daysLate ? `; terlambat ${e(i.daysLate)} hari (days late)` : ''}.</p>${ruling}<p>${e(i.note)}</p>`
    : ''
  const payments = trail.payments.length
    ? `<h2>Pembayaran <small>(payments)</small></h2><ul>${trail.payments.map((p) => `<li>${e(p.id)}: ${e(rupiah(p.amount))}${p.penalty ? ` (denda / penalty ${e(rupiah(p.penalty))})` : ''} — ${e(PAYMENT[p.status] ?? p.status)}</li>`).join('')}</ul>`
    : ''
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pengiriman ${e(s.id)} — ${e(trail.process.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}small{color:#555}code{font-size:.8em}</style>
</head><body>
<p><small>Saksi · jejak publik yang dapat diverifikasi (a public, verifiable trail)</small></p>
<h1>Pengiriman ${e(s.id)} <small>(shipment)</small></h1>
<p><strong>${e(trail.process.title)}</strong><br>Pembeli (buyer): ${e(names.buyer)}${names.supplier ? `<br>Penyedia (supplier): ${e(names.supplier)}` : ''}<br>Tahap (milestone): ${e(trail.milestone?.title ?? s.milestone)}${trail.milestone ? `, batas waktu (due) ${e(trail.milestone.dueDate)}` : ''}</p>
<p>Status: <strong>${e(STATUS[s.status] ?? s.status)}</strong></p>
<ul>${lines}</ul>
<h2>Perjalanan <small>(movements)</small></h2>
<table><thead><tr><th>Waktu (time)</th><th>Kejadian (event)</th><th>Tempat (place)</th><th>Penanda tangan (signer)</th><th>Transaksi (transaction)</th></tr></thead><tbody>${moves}</tbody></table>
${inspection}${payments}
<p><small>Setiap baris ditandatangani dan tercatat di log Merkle; periksa dengan bukti inklusi transaksi (every row is signed and in the Merkle log; check it with the transaction's inclusion proof). Data: <a href="${e(names.jsonUrl)}">JSON</a></small></p>
</body></html>
`
}
