const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text for HTML: everything in a trail was signed by someone, so nothing is trusted as markup. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** A protocol time as people in the city read it: Western Indonesia Time (UTC+7), to the minute. */
export function wib(iso: string): string {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? iso : `${new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} WIB`
}

/** Payment statuses for people: Bahasa Indonesia (English). */
export const PAYMENT_STATUS: Record<string, string> = { held: 'Ditahan: sengketa (held: dispute)', instructed: 'Diproses bank (with the bank)', paid: 'Dibayar (paid)', failed: 'Gagal (failed)', cancelled: 'Dibatalkan (cancelled)' }

/**
 * A public trail page: no script, no external resource (the route sends a strict CSP), readable on
 * a phone, Bahasa Indonesia first.
 * @param title the page title (escaped here)
 * @param body HTML already built from escaped values
 * @param jsonUrl where the same data is as JSON
 */
export function trailPage(title: string, body: string, jsonUrl: string): string {
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}small{color:#555}code{font-size:.8em}</style>
</head><body>
<p><small>Saksi · jejak publik yang dapat diverifikasi (a public, verifiable trail)</small></p>
${body}
<p><small>Setiap langkah ditandatangani dan tercatat di log Merkle; periksa dengan bukti inklusi transaksi (every step is signed and in the Merkle log; check it with the transaction's inclusion proof). Data: <a href="${escapeHtml(jsonUrl)}">JSON</a></small></p>
</body></html>
`
}
