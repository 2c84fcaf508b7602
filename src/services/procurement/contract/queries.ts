import { z } from 'zod'
import { PageLimit, defineQuery } from 'saksi'
import type { JsonValue } from 'saksi'
import { consistencyReport } from './consistency.js'
import { PaymentId } from './payments.js'
import type { AuditNote, Bid, Dispute, HistoryEntry, LocationUpdate, Payment, Process, Shipment, Supplier } from './records.js'
import { ProcessId, Slug } from './schemas.js'
import { keys, list, read } from './state.js'

const json = (v: unknown) => v as JsonValue

/** Everything about one process, as anyone may read it (sealed bids show only their commitment). */
export function processView(state: Parameters<typeof list>[0], id: string) {
  const p = read<Process>(state, keys.process(id))
  if (!p) return undefined
  return {
    process: p,
    bids: list<Bid>(state, keys.bids(id)),
    shipments: list<Shipment>(state, keys.shipments(id)),
    payments: list<Payment>(state, keys.payments(id)),
    disputes: list<Dispute>(state, keys.disputes(id)),
    notes: list<AuditNote>(state, keys.notes(id)),
  }
}

/** `process {process}`: the process with its bids, shipments, payments, disputes and audit notes. */
export const process = defineQuery({
  description: 'A procurement process: plan, tender, bids (sealed ones as commitments), award, purchase order, shipments, payments, disputes, audit notes.',
  args: z.strictObject({ process: ProcessId }),
  run: (q, { process: id }) => json(processView(q.state, id)),
})


/** Up to `limit` values under `prefix` whose key suffix comes after `after` (keys hold no character below '!'). */
function page<T>(state: Parameters<typeof list>[0], prefix: string, after: string | undefined, limit: number): T[] {
  return state.range({ prefix, start: after === undefined ? prefix : `${prefix}${after}!`, limit }).map((e) => e.value as T)
}

/** `processes {after?, limit?}`: processes in brief, by id, a page at a time. */
export const processes = defineQuery({
  description: 'Procurement processes in brief, by id: up to `limit` (default 100, at most 1000) after the id `after`.',
  args: z.strictObject({ after: ProcessId.optional(), limit: PageLimit }),
  run: (q, { after, limit }) =>
    json(
      page<Process>(q.state, keys.processes(), after, limit).map((p) => ({
        id: p.id,
        org: p.org,
        title: p.title,
        stage: p.stage,
        budget: p.budget,
        ...(p.tender ? { bidDeadline: p.tender.bidDeadline, revealDeadline: p.tender.revealDeadline } : {}),
        ...(p.award ? { supplier: p.award.supplier } : {}),
        ...(p.order ? { value: p.order.value, orderStatus: p.order.status } : {}),
      })),
    ),
})

/** `history {process}`: the process's public trail, step by step, with transaction ids. */
export const history = defineQuery({
  description: 'The public trail of a process: every step with its time, signer and transaction id.',
  args: z.strictObject({ process: ProcessId }),
  run: (q, { process: id }) => (read(q.state, keys.process(id)) ? json(list<HistoryEntry>(q.state, keys.histories(id))) : undefined),
})

/** `shipment {process, shipment}`: a shipment and its movements (the page its QR code opens). */
export const shipment = defineQuery({
  description: 'A shipment with every signed movement, from dispatch to inspection.',
  args: z.strictObject({ process: ProcessId, shipment: Slug }),
  run(q, { process: id, shipment: sid }) {
    const s = read<Shipment>(q.state, keys.shipment(id, sid))
    const p = read<Process>(q.state, keys.process(id))
    if (!s || !p) return undefined
    const m = p.order?.milestones.find((x) => x.id === s.milestone)
    return json({
      process: { id: p.id, org: p.org, title: p.title, supplier: p.order?.supplier, items: p.items.map((i) => ({ id: i.id, description: i.description, unit: i.unit })) },
      milestone: m && { id: m.id, title: m.title, dueDate: m.dueDate, status: m.status },
      shipment: s,
      updates: list<LocationUpdate>(q.state, keys.locations(id, sid)),
      payments: list<Payment>(q.state, `${keys.payments(id)}${sid}/`),
    })
  },
})

/** `instruction {process, payment}`: one payment instruction (the payment outbox asks before paying). */
export const instruction = defineQuery({
  description: 'One payment instruction.',
  args: z.strictObject({ process: ProcessId, payment: PaymentId }),
  run: (q, { process: id, payment: pid }) => json(read<Payment>(q.state, keys.payment(id, pid))),
})

/** `consistency {process}`: the auditors' consistency report, recomputed from the primary records. */
export const consistency = defineQuery({
  description: 'The consistency report: award against criteria, payments against accepted quantities and penalties, payments against confirmations and the contract value.',
  args: z.strictObject({ process: ProcessId }),
  run(q, { process: id }) {
    const p = read<Process>(q.state, keys.process(id))
    return p && json(consistencyReport(q.state, p))
  },
})

/** `supplier {supplier}`: a registered supplier and its keys. */
export const supplier = defineQuery({
  description: 'A registered supplier and its keys.',
  args: z.strictObject({ supplier: Slug }),
  run: (q, { supplier: id }) => json(read<Supplier>(q.state, keys.supplier(id))),
})

/** `suppliers {after?, limit?}`: registered suppliers, by id, a page at a time. */
export const suppliers = defineQuery({
  description: 'Registered suppliers, by id: up to `limit` (default 100, at most 1000) after the id `after`.',
  args: z.strictObject({ after: Slug.optional(), limit: PageLimit }),
  run: (q, { after, limit }) => json(page<Supplier>(q.state, keys.suppliers(), after, limit)),
})
