import { z } from 'zod'
import { definePolicy, defineMethod, role, type Policy } from '../../core/runtime/index.js'
import type { Dispute, Milestone, Process, Shipment } from './records.js'
import { ROLES, processOrg, supplierOfKey } from './roles.js'
import { ProcessId, Slug, text } from './schemas.js'
import { acceptInto } from './inspections.js'
import { milestoneStatus, settleShipment } from './settlement.js'
import { activeOrder, milestoneOf } from './shipments.js'
import { keys, list, read, saveWithHistory, write } from './state.js'

/** Either side of the purchase order: an officer or inspector of the buyer, or a key of the supplier. */
const eitherSide: Policy = definePolicy('an officer or inspector of the buyer, or a key of the awarded supplier', (ctx) => {
  const { process } = ctx.args as { process: string }
  const org = processOrg(process)
  if (ctx.directory.hasRole(ctx.caller, ROLES.officer, org) || ctx.directory.hasRole(ctx.caller, ROLES.inspector, org)) return undefined
  const p = ctx.view('procurement').get(keys.process(process)) as Process | undefined
  if (p?.award && supplierOfKey(ctx, ctx.caller) === p.award.supplier) return undefined
  return { code: 'ACCESS_DENIED', message: `only the buyer's officers and inspectors or the supplier's keys open a dispute on ${process}` }
})

/**
 * `procurement.openDispute`: either side disputes a milestone (a rejected delivery, a late
 * penalty, goods accepted in error). Until the arbiter rules, the milestone's payments are held.
 */
export const openDispute = defineMethod({
  description: "Opens a dispute on a milestone; its payments are held until the arbiter's ruling.",
  args: z.strictObject({ process: ProcessId, milestone: Slug, reason: text(1000) }),
  allow: eitherSide,
  run(ctx, { process: id, milestone: mid, reason }) {
    const p = activeOrder(ctx, id)
    const m = milestoneOf(ctx, p, mid)
    if (m.frozenBy) ctx.fail('PROCUREMENT_DISPUTE_OPEN', `dispute ${m.frozenBy} is open on milestone ${mid}`)
    const side = supplierOfKey(ctx, ctx.caller) === p.order.supplier ? 'supplier' : 'buyer'
    const n = list(ctx.state, keys.disputes(id)).length + 1
    const dispute: Dispute = { id: `d${n}`, milestone: mid, side, reason, openedBy: ctx.caller, openedAt: ctx.time.iso, status: 'open' }
    write(ctx.state, keys.dispute(id, dispute.id), dispute)
    p.order.milestones = p.order.milestones.map((x) => (x.id === mid ? { ...x, frozenBy: dispute.id } : x))
    saveWithHistory(ctx, p, 'dispute', `the ${side} disputed milestone ${mid}; its payments are held`)
    ctx.emit('procurement.DisputeOpened', { process: id, dispute: dispute.id, milestone: mid, side })
  },
})

/** Arbiters hold `procurement.arbiter` and are neither of the buyer nor keys of the supplier. */
const independentArbiter: Policy = definePolicy(`${ROLES.arbiter}, not of the buyer nor the supplier`, (ctx) => {
  const refused = role(ROLES.arbiter).check(ctx)
  if (refused) return refused
  const { process } = ctx.args as { process: string }
  const org = processOrg(process)
  const p = ctx.view('procurement').get(keys.process(process)) as Process | undefined
  const ownSide = Object.values(ROLES).some((r) => ctx.directory.hasRole(ctx.caller, r, org)) || ctx.directory.isOrgAdmin(ctx.caller, org) || (p?.award !== undefined && supplierOfKey(ctx, ctx.caller) === p.award.supplier)
  if (ownSide) return { code: 'PROCUREMENT_ARBITER_CONFLICT', message: 'the arbiter may not belong to the buyer or the supplier' }
  return undefined
})

/**
 * `procurement.resolveDispute`: the arbiter rules. The ruling may correct the accepted
 * quantities of inspected shipments of the milestone (never beyond what was ordered, never below
 * what was already paid); then the milestone is unfrozen and its held payments are released,
 * recomputed from the corrected figures.
 */
export const resolveDispute = defineMethod({
  description: 'Resolves a dispute (independent arbiter): optionally corrects accepted quantities, then releases the held payments.',
  args: z.strictObject({
    process: ProcessId,
    dispute: z.string().regex(/^d\d{1,4}$/, 'must be a dispute id like d1'),
    reason: text(2000),
    adjustments: z.array(z.strictObject({ shipment: Slug, accepted: z.array(z.strictObject({ item: Slug, quantity: z.number().int().min(0).max(1e9) })).max(100) })).max(50).default([]),
  }),
  allow: independentArbiter,
  run(ctx, { process: id, dispute: did, reason, adjustments }) {
    const p = activeOrder(ctx, id)
    const found = read<Dispute>(ctx.state, keys.dispute(id, did))
    const d = (found?.status === 'open' && found) || ctx.fail('PROCUREMENT_DISPUTE_NOT_FOUND', `no open dispute ${did} in ${id}`)
    let m: Milestone = milestoneOf(ctx, p, d.milestone)
    if (new Set(adjustments.map((a) => a.shipment)).size !== adjustments.length) ctx.fail('PROCUREMENT_ADJUSTMENT_INVALID', 'a shipment is adjusted twice')
    const shipments: Shipment[] = []
    for (const adj of adjustments) {
      const found = read<Shipment>(ctx.state, keys.shipment(id, adj.shipment))
      const s = (found?.inspection && found.milestone === m.id && found) || ctx.fail('PROCUREMENT_ADJUSTMENT_INVALID', `${adj.shipment} is not an inspected shipment of milestone ${m.id}`)
      const inspection = s.inspection!
      const accepted = adj.accepted.filter((a) => a.quantity > 0)
      if (new Set(accepted.map((a) => a.item)).size !== accepted.length) ctx.fail('PROCUREMENT_ADJUSTMENT_INVALID', `the adjustment of ${adj.shipment} lists an item twice`)
      m = { ...m, accepted: acceptInto(ctx, m, accepted, inspection.accepted) }
      const adjusted: Shipment = { ...s, inspection: { ...inspection, accepted, adjustedBy: ctx.caller } }
      write(ctx.state, keys.shipment(id, s.id), adjusted)
      shipments.push(adjusted)
    }
    delete m.frozenBy
    m.status = milestoneStatus(m)
    p.order.milestones = p.order.milestones.map((x) => (x.id === m.id ? m : x))
    // Release: every inspected shipment of the milestone is settled again from its (corrected) figures.
    const affected = list<Shipment>(ctx.state, keys.shipments(id)).filter((s) => s.milestone === m.id && s.inspection)
    const released = affected.map((s) => settleShipment(ctx, p, s)).filter((x) => x?.status === 'instructed')
    write(ctx.state, keys.dispute(id, did), { ...d, status: 'resolved', ruling: { reason, by: ctx.caller, at: ctx.time.iso, adjusted: shipments.map((s) => s.id) } })
    saveWithHistory(ctx, p, 'ruling', `dispute ${did} resolved; ${released.length} payment(s) released`)
    ctx.emit('procurement.DisputeResolved', { process: id, dispute: did, milestone: m.id, released: released.length })
  },
})
