import { z } from 'zod'
import { parseTime, defineMethod } from 'saksi'
import { dueEnd } from './order.js'
import type { Inspection, Milestone, Shipment } from './records.js'
import { receivingInspector } from './roles.js'
import { ProcessId, Slug, text } from './schemas.js'
import { milestoneStatus, settleShipment } from './settlement.js'
import { activeOrder, milestoneOf } from './shipments.js'
import { addCount, countOf, keys, read, saveWithHistory, write } from './state.js'
import { quantities, rupiah, say } from './words.js'
import { PROCUREMENT_CODES, type ProcurementCode, type ProcurementContext } from './codes.js'

const DAY_MS = 86_400_000

/** Whole days (rounded up) between the end of the due day and the arrival; 0 when on time. */
export function daysLate(dueDate: string, arrivedAt: string): number {
  return Math.max(0, Math.ceil((parseTime(arrivedAt) - dueEnd(dueDate)) / DAY_MS))
}

/**
 * `accepted` added to the milestone's accepted counts, or the call fails when an item is not in
 * the milestone or more would be accepted than was ordered: paying for it would exceed the
 * contract value.
 */
export function acceptInto(ctx: ProcurementContext, m: Milestone, accepted: { item: string; quantity: number }[], withdrawn: { item: string; quantity: number }[] = []): Record<string, number> {
  let counts = m.accepted
  for (const w of withdrawn) counts = addCount(counts, w.item, -w.quantity)
  for (const a of accepted) {
    const line = m.lines.find((l) => l.item === a.item) ?? ctx.fail('PROCUREMENT_INSPECTION_INVALID', `${a.item} is not in milestone ${m.id}`)
    const after = countOf(counts, a.item) + a.quantity
    if (after > line.quantity) {
      ctx.fail('PROCUREMENT_OVER_CONTRACT_VALUE', `accepting ${a.quantity} of ${a.item} would make ${after} accepted in milestone ${m.id}, more than the ${line.quantity} ordered: the payment would exceed the contract value`)
    }
    counts = addCount(counts, a.item, a.quantity)
  }
  return counts
}

/**
 * Checks that `accepted` and `rejected` account for exactly what the shipment carried: each item
 * listed once in each, only items shipped, and per item accepted plus rejected equal to shipped.
 */
export function checkAgainstShipment(ctx: ProcurementContext, s: Shipment, accepted: { item: string; quantity: number }[], rejected: { item: string; quantity: number }[], code: ProcurementCode = 'PROCUREMENT_INSPECTION_INVALID'): void {
  for (const [what, lines] of [['accepted', accepted], ['rejected', rejected]] as const) {
    if (new Set(lines.map((l) => l.item)).size !== lines.length) ctx.fail(code, `${what} lists an item twice`)
    for (const l of lines) if (!s.lines.some((x) => x.item === l.item)) ctx.fail(code, `${l.item} was not in shipment ${s.id}`)
  }
  for (const l of s.lines) {
    const counted = (accepted.find((a) => a.item === l.item)?.quantity ?? 0) + (rejected.find((r) => r.item === l.item)?.quantity ?? 0)
    if (counted !== l.quantity) ctx.fail(code, `shipment ${s.id} carried ${l.quantity} of ${l.item}; ${counted} are accepted or rejected`)
  }
}

/**
 * `procurement.inspect`: the receiving agency's inspector records what was accepted and what was
 * rejected (with reasons) from a shipment, as counted on site: together exactly what it carried. The contract then releases the
 * proportional payment (accepted quantities times unit prices, less the late-delivery penalty)
 * to the payment outbox, or holds it while a dispute freezes the milestone.
 */
export const inspect = defineMethod(PROCUREMENT_CODES, {
  description: 'Records the quantities accepted and rejected from a shipment (receiving inspector only); releases the proportional payment less any late penalty.',
  args: z.strictObject({
    process: ProcessId,
    shipment: Slug,
    accepted: z.array(z.strictObject({ item: Slug, quantity: z.number().int().min(1).max(1e9) })).max(100),
    rejected: z.array(z.strictObject({ item: Slug, quantity: z.number().int().min(1).max(1e9), reason: text(300) })).max(100).default([]),
    note: text(1000),
  }),
  allow: receivingInspector,
  run(ctx, { process: id, shipment: sid, accepted, rejected, note }) {
    const p = activeOrder(ctx, id)
    const s = read<Shipment>(ctx.state, keys.shipment(id, sid)) ?? ctx.fail('PROCUREMENT_SHIPMENT_NOT_FOUND', `no shipment ${sid} in ${id}`)
    if (s.status === 'inspected') ctx.fail('PROCUREMENT_SHIPMENT_STATE', `shipment ${sid} is already inspected`)
    const m = milestoneOf(ctx, p, s.milestone)
    checkAgainstShipment(ctx, s, accepted, rejected)
    // Lateness counts from the block time at which the arrival was recorded: a reported time is the signer's word.
    const recorded = s.arrivalRecordedAt ?? ctx.time.iso
    const inspection: Inspection = { accepted, rejected, note, by: ctx.caller, at: ctx.time.iso, index: ctx.index, daysLate: daysLate(m.dueDate, recorded) }
    // Everything the shipment declared leaves "on the way"; what was accepted counts towards the order.
    let pending = m.pending
    for (const l of s.lines) pending = addCount(pending, l.item, -l.quantity)
    const updated: Milestone = { ...m, pending, accepted: acceptInto(ctx, m, accepted) }
    updated.status = milestoneStatus(updated)
    p.order.milestones = p.order.milestones.map((x) => (x.id === m.id ? updated : x))
    const inspected: Shipment = { ...s, status: 'inspected', arrivedAt: s.arrivedAt ?? ctx.time.iso, arrivalRecordedAt: recorded, inspection }
    write(ctx.state, keys.shipment(id, sid), inspected)
    const payment = settleShipment(ctx, p, inspected)
    const count = (xs: { quantity: number }[]) => xs.reduce((n, x) => n + x.quantity, 0)
    const held = payment?.status === 'held'
    const paidId = payment ? (held ? `; ${rupiah(payment.amount)} ditahan karena sengketa` : `; ${rupiah(payment.amount)} dilepas`) : ''
    const paidEn = payment ? (held ? `; ${rupiah(payment.amount)} held by a dispute` : `; ${rupiah(payment.amount)} released`) : ''
    const late = inspection.daysLate
    saveWithHistory(
      ctx,
      p,
      'inspection',
      say(
        `pengiriman ${sid}: diterima ${quantities(accepted, 'tidak ada')}; ditolak ${quantities(rejected, 'tidak ada')}${late ? `; terlambat ${late} hari` : ''}${paidId}`,
        `shipment ${sid}: accepted ${quantities(accepted)}; rejected ${quantities(rejected)}${late ? `; ${late} day(s) late` : ''}${paidEn}`,
      ),
    )
    ctx.emit('procurement.Inspected', { process: id, shipment: sid, accepted: count(accepted), rejected: count(rejected), daysLate: inspection.daysLate, ...(payment ? { payment: payment.id, amount: payment.amount } : {}) })
  },
})
