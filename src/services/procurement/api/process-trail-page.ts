import type { ProcessTrail } from '../views/index.js'
import { label, MILESTONE_WORDS, rupiah, STAGE_WORDS } from '../views/index.js'
import { escapeHtml as e, PAYMENT_STATUS, trailPage, wib } from '../../../api/index.js'

const table = (head: string[], rows: string[][]) =>
  rows.length === 0 ? '<p>–</p>' : `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`

/**
 * The public page of a procurement process: plan, tender, sealed and revealed bids, the award with
 * its reasons and ranking, the purchase order's milestones, shipments (linking to their own
 * trails), payments, disputes, audit notes and every step with its transaction. Bahasa Indonesia
 * first, English second; no script, no external resource.
 * @param names display names of organisations and suppliers
 * @param links where a shipment's trail page is, and the process's JSON
 */
export function processTrailPage(t: ProcessTrail, names: { organisation(id: string): string; supplier(id: string): string }, links: { shipment(id: string): string; json: string }): string {
  const p = t.process
  const supplier = (id: string) => e(names.supplier(id))
  const parts: string[] = []
  parts.push(`<h1>${e(p.title)}</h1>
<p>Pembeli (buyer): ${e(names.organisation(p.org))}<br>Tahap (stage): <strong>${e(label(STAGE_WORDS, p.stage))}</strong><br>Pagu (budget): ${e(rupiah(p.budget))}</p>
<p>${e(p.description)}</p>`)
  parts.push(`<h2>Barang <small>(items)</small></h2>${table(['Barang (item)', 'Jumlah (quantity)', 'Asal (origin)', 'HPS per unit (estimate)'], p.items.map((i) => [e(i.description), `${e(i.quantity)} ${e(i.unit)}`, i.origin === 'domestic' ? 'Dalam negeri (made in Indonesia)' : 'Bebas (any)', e(rupiah(i.unitEstimate))]))}`)
  if (p.tender) {
    const c = p.tender.criteria
    parts.push(`<h2>Tender</h2><p>Batas penawaran (bid deadline): ${e(wib(p.tender.bidDeadline))}<br>Batas pembukaan (reveal deadline): ${e(wib(p.tender.revealDeadline))}<br>Kriteria (criteria): ${c.method === 'ratedCriteria' && c.weights ? `skor: harga ${e(c.weights.price)}%, waktu kirim ${e(c.weights.delivery)}%, TKDN ${e(c.weights.localContent)}% (weighted score)` : 'harga terendah (lowest price)'}; kirim paling lama ${e(c.maxDeliveryDays)} hari (days), TKDN minimal ${e(c.minLocalContent)}% (local content)</p>`)
    const bids = t.bids.map((b) => {
      const total = b.revealed ? p.award?.ranking.find((r) => r.supplier === b.supplier)?.total : undefined
      const state = b.revealed ? `Dibuka (revealed) ${e(wib(b.revealed.at))}` : 'Tertutup (sealed)'
      return [supplier(b.supplier), e(wib(b.committedAt)), state, total === undefined ? '–' : e(rupiah(total))]
    })
    parts.push(`<h3>Penawaran <small>(bids)</small></h3>${table(['Penyedia (supplier)', 'Masuk (committed)', 'Status', 'Total'], bids)}`)
  }
  if (p.award) {
    const a = p.award
    const ranking = a.ranking.map((r) => [supplier(r.supplier), e(rupiah(r.total)), r.score === undefined ? '–' : e(r.score), r.compliant ? `Memenuhi syarat, peringkat ${e(r.rank)} (compliant, rank ${e(r.rank)})` : r.reasons.map((x) => `${e(x.id)} <small>(${e(x.en)})</small>`).join('<br>')])
    parts.push(`<h2>Pemenang <small>(award)</small></h2><p><strong>${supplier(a.supplier)}</strong>, ${e(rupiah(a.total))}, ${e(wib(a.at))}<br>${e(a.reasons.id)}<br><small>${e(a.reasons.en)}</small></p>${table(['Penyedia (supplier)', 'Total', 'Skor (score)', 'Hasil (result)'], ranking)}${a.unrevealed.length ? `<p>Tidak dibuka (never revealed): ${a.unrevealed.map(supplier).join(', ')}</p>` : ''}`)
  }
  if (p.order) {
    const o = p.order
    const milestones = o.milestones.map((m) => [e(m.title), e(m.dueDate), e(rupiah(m.amount)), e(label(MILESTONE_WORDS, m.status)) + (m.frozenBy ? ` · ditahan sengketa ${e(m.frozenBy)} (held by a dispute)` : '')])
    parts.push(`<h2>Surat pesanan <small>(purchase order)</small></h2><p>Penyedia (supplier): ${supplier(o.supplier)}; nilai (value) ${e(rupiah(o.value))}; denda (penalties) ${e(rupiah(o.penalties))}; status ${e(o.status)}</p>${table(['Tahap (milestone)', 'Batas (due)', 'Nilai (amount)', 'Status'], milestones)}`)
    const shipments = t.shipments.map((s) => [`<a href="${e(links.shipment(s.id))}">${e(s.id)}</a>`, e(s.milestone), s.lines.map((l) => `${e(l.quantity)} ${e(l.item)}`).join(', '), e(s.status)])
    parts.push(`<h3>Pengiriman <small>(shipments)</small></h3>${table(['Pengiriman (shipment)', 'Tahap (milestone)', 'Isi (contents)', 'Status'], shipments)}`)
    const payments = t.payments.map((x) => [e(x.id), e(rupiah(x.amount)), x.penalty ? e(rupiah(x.penalty)) : '–', e(PAYMENT_STATUS[x.status] ?? x.status)])
    parts.push(`<h3>Pembayaran <small>(payments)</small></h3>${table(['Pembayaran (payment)', 'Jumlah (amount)', 'Denda (penalty)', 'Status'], payments)}`)
  }
  if (t.disputes.length) {
    const disputes = t.disputes.map((d) => [e(d.id), e(d.milestone), `${d.side === 'buyer' ? 'Pembeli (buyer)' : 'Penyedia (supplier)'}: ${e(d.reason)}`, d.ruling ? `Diputus ${e(wib(d.ruling.at))} (ruled): ${e(d.ruling.reason)}` : 'Terbuka (open)'])
    parts.push(`<h2>Sengketa <small>(disputes)</small></h2>${table(['', 'Tahap (milestone)', 'Keberatan (claim)', 'Putusan (ruling)'], disputes)}`)
  }
  if (t.notes.length) parts.push(`<h2>Catatan auditor <small>(audit notes)</small></h2><ul>${t.notes.map((n) => `<li>${e(wib(n.at))}${n.subject ? ` · ${e(n.subject)}` : ''}: ${e(n.text)}</li>`).join('')}</ul>`)
  const steps = t.history.map((h) => [e(wib(h.at)), `${e(h.summary.id)}<br><small>${e(h.summary.en)}</small>`, `<code title="${e(h.txId)}">${e(h.txId.slice(0, 12))}…</code>`])
  parts.push(`<h2>Jejak <small>(trail)</small></h2>${table(['Waktu (time)', 'Kejadian (event)', 'Transaksi (transaction)'], steps)}`)
  return trailPage(p.title, parts.join('\n'), links.json)
}
