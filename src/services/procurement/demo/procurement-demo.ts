import type { DemoStep } from '../../../cli/index.js'
import { loadProcurementDemo, type ProcurementDemoSummary } from './load-procurement-demo.js'

function describeProcurement(d: ProcurementDemoSummary, port: number): string {
  const rp = (n: number) => `Rp ${n.toLocaleString('id-ID')}`
  const base = `http://127.0.0.1:${port}/v1/procurement`
  return [
    `Procurement: ${d.process} (Dinas Pertamanan buys park benches); three sealed bids, ${d.lateReveal.supplier}'s late reveal refused at the door, never logged (${d.lateReveal.code})`,
    `  awarded to ${d.supplier} by the published criteria: ${rp(d.value)}; shipments ${d.shipments.join(', ')} tracked; a partial delivery disputed and ruled on`,
    `  ${d.paid} of ${d.payments} payments made, ${rp(d.total)}; consistency report ${d.consistent ? 'clean' : 'has findings'} (${d.transactions} signed transactions)`,
    `  open ${base}/processes/${d.process}/trail (the public page), ${base}/processes/${d.process}/shipments/${d.shipments[0]}/trail (where its QR code leads) and ${base}/ocds/releases (OCDS)`,
    '',
  ].join('\n')
}

/** The procurement part of `saksi demo`: Dinas Pertamanan's park benches, from plan to payment. */
export const procurementDemo: DemoStep = {
  intro: 'Loading the procurement demo (park benches: sealed bids, award, shipments, a dispute, payments)…\n',
  load: async ({ node, paths, services, port }) => describeProcurement(await loadProcurementDemo(node, paths, services), port),
}
