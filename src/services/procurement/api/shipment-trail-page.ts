import type { ShipmentTrail } from '../views/index.js'
import { label, MOVEMENT_WORDS, rupiah, SHIPMENT_STATUS_WORDS } from '../views/index.js'
import { escapeHtml, PAYMENT_STATUS, trailPage, wib } from '../../../api/index.js'

export { escapeHtml, wib }

/**
 * The public page of a shipment, where its QR code leads: what was shipped for which purchase,
 * every signed movement with its signer and transaction, the inspection and the payments.
 * Bahasa Indonesia first, English second; no script, no external resource.
 */
export function shipmentTrailPage(trail: ShipmentTrail, names: { buyer: string; supplier?: string; jsonUrl: string; processUrl?: string }): string {
  const s = trail.shipment
  const e = escapeHtml
  const item = (id: string) => trail.process.items?.find((i) => i.id === id)
  const named = (id: string) => e(item(id)?.description ?? id)
  const lines = s.lines.map((l) => `<li>${e(l.quantity)} ${e(item(l.item)?.unit ?? '×')} ${named(l.item)}</li>`).join('')
  const moves = trail.updates
    .map(
      (u) => `<tr><td>${e(wib(u.at))}</td><td>${e(label(MOVEMENT_WORDS, u.kind))}</td><td>${e(u.place)}<br><small>${e(u.lat)}, ${e(u.lon)}</small></td><td><code title="${e(u.by)}">${e(u.by.slice(0, 20))}…</code></td><td><code title="${e(u.txId)}">${e(u.txId.slice(0, 12))}…</code></td></tr>`,
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
    ? `<h2>Pembayaran <small>(payments)</small></h2><ul>${trail.payments.map((p) => `<li>${e(p.id)}: ${e(rupiah(p.amount))}${p.penalty ? ` (denda / penalty ${e(rupiah(p.penalty))})` : ''} — ${e(PAYMENT_STATUS[p.status] ?? p.status)}</li>`).join('')}</ul>`
    : ''
  const body = `<h1>Pengiriman ${e(s.id)} <small>(shipment)</small></h1>
<p><strong>${names.processUrl ? `<a href="${e(names.processUrl)}">${e(trail.process.title)}</a>` : e(trail.process.title)}</strong><br>Pembeli (buyer): ${e(names.buyer)}${names.supplier ? `<br>Penyedia (supplier): ${e(names.supplier)}` : ''}<br>Tahap (milestone): ${e(trail.milestone?.title ?? s.milestone)}${trail.milestone ? `, batas waktu (due) ${e(trail.milestone.dueDate)}` : ''}</p>
<p>Status: <strong>${e(label(SHIPMENT_STATUS_WORDS, s.status))}</strong></p>
<ul>${lines}</ul>
<h2>Perjalanan <small>(movements)</small></h2>
<table><thead><tr><th>Waktu (time)</th><th>Kejadian (event)</th><th>Tempat (place)</th><th>Penanda tangan (signer)</th><th>Transaksi (transaction)</th></tr></thead><tbody>${moves}</tbody></table>
${inspection}${payments}`
  return trailPage(`Pengiriman ${s.id} — ${trail.process.title}`, body, names.jsonUrl)
}
