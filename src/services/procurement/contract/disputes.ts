import { z } from 'zod'
import { definePolicy, defineMethod, role, type Policy } from 'saksi'
import type { Dispute, Milestone, Process, Shipment } from './records.js'
import { ROLES, isMemberOf, processOrg, supplierOfKey } from './roles.js'
import { ProcessId, Slug, text } from './schemas.js'
import { acceptInto, checkAgainstShipment } from './inspections.js'
import { milestoneStatus, settleShipment } from './settlement.js'
import { activeOrder, milestoneOf } from './shipments.js'
import { keys, list, read, saveWithHistory, write } from './state.js'
import { say } from './words.js'
import { PROCUREMENT_CODES } from './codes.js'

/**
 * Either side of the purchase order: a key of the awarded supplier, or an officer or inspector of
 * the buyer, or an inspector of the receiving organisation.
 */
const eitherSide: Policy = definePolicy("a key of the awarded supplier, an officer or inspector of the buyer, or an inspector of the receiving organisation", (ctx) => {
  const { process } = ctx.args as { process: string }
  const p = ctx.view('procurement').get(keys.process(process)) as Process | undefined
  const supplier = supplierOfKey(ctx, ctx.caller)
  if (p?.award && supplier === p.award.supplier) return undefined
  const org = processOrg(process)
  const official = ctx.directory.hasRole(ctx.caller, ROLES.officer, org) || ctx.directory.hasRole(ctx.caller, ROLES.inspector, org) || (p?.order !== undefined && ctx.directory.hasRole(ctx.caller, ROLES.inspector, p.order.receivingOrg))
  if (official && supplier === undefined) return undefined
  return { code: 'ACCESS_DENIED', message: `only the supplier's keys, the buyer's officers and inspectors and the receiving inspectors open a dispute on ${process}` }
})

/**
 * `procurement.openDispute`: either side disputes a milestone (a rejected delivery, a late
 * penalty, goods accepted in error). Until the arbiter rules, the milestone's payments that are not
 * with the bank yet are held: new ones, and retries of refused ones. A transfer already sent to the
 * bank cannot be recalled; a ruling can only lower what is still to be paid.
 */
export const openDispute = defineMethod(PROCUREMENT_CODES, {
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
    saveWithHistory(ctx, p, 'dispute', say(`${side === 'buyer' ? 'pembeli' : 'penyedia'} menyengketakan tahap ${mid}; pembayaran yang belum dikirim ke bank ditahan`, `the ${side} disputed milestone ${mid}; its payments not yet with the bank are held`))
    ctx.emit('procurement.DisputeOpened', { process: id, dispute: dispute.id, milestone: mid, side })
  },
})

/**
 * Arbiters hold `procurement.arbiter` and are members of neither the buyer nor the receiving
 * organisation (with any roles, or none), and sign for no supplier.
 */
const independentArbiter: Policy = definePolicy(`${ROLES.arbiter}, no member of the buyer or the receiving organisation, no supplier key`, (ctx) => {
  const refused = role(ROLES.arbiter).check(ctx)
  if (refused) return refused
  const { process } = ctx.args as { process: string }
  const p = ctx.view('procurement').get(keys.process(process)) as Process | undefined
  const orgs = [processOrg(process), ...(p?.order ? [p.order.receivingOrg] : [])]
  const member = orgs.find((org) => isMemberOf(ctx, ctx.caller, org))
  if (member) return { code: 'PROCUREMENT_ARBITER_CONFLICT', message: `the arbiter is a member of ${member}, a party to the purchase order` }
  if (supplierOfKey(ctx, ctx.caller) !== undefined) return { code: 'PROCUREMENT_ARBITER_CONFLICT', message: 'the arbiter signs for a supplier' }
  return undefined
})

/**
 * `procurement.resolveDispute`: the arbiter rules. The ruling may correct the accepted
 * quantities of inspected shipments of the milestone (never beyond what was ordered, never below
 * what was already paid); then the milestone is unfrozen and its held payments are released,
 * recomputed from the corrected figures.
 */
export const resolveDispute = defineMethod(PROCUREMENT_CODES, {
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
      // What the ruling does not accept stays rejected, with the inspector's reason where there was one.
      const rejected = s.lines
        .map((l) => ({ item: l.item, quantity: l.quantity - (accepted.find((a) => a.item === l.item)?.quantity ?? 0), reason: inspection.rejected.find((r) => r.item === l.item)?.reason ?? 'Ditolak menurut putusan arbiter (rejected by the ruling)' }))
        .filter((r) => r.quantity > 0)
      if (rejected.some((r) => r.quantity < 0) || s.lines.some((l) => l.quantity < (accepted.find((a) => a.item === l.item)?.quantity ?? 0))) {
        ctx.fail('PROCUREMENT_ADJUSTMENT_INVALID', `the ruling accepts more than shipment ${s.id} carried`)
      }
      checkAgainstShipment(ctx, s, accepted, rejected, 'PROCUREMENT_ADJUSTMENT_INVALID')
      m = { ...m, accepted: acceptInto(ctx, m, accepted, inspection.accepted) }
      const adjustments = [...(inspection.adjustments ?? []), { dispute: d.id, at: ctx.time.iso, index: ctx.index, by: ctx.caller, before: inspection.accepted }]
      const adjusted: Shipment = { ...s, inspection: { ...inspection, accepted, rejected, adjustedBy: ctx.caller, adjustments } }
      write(ctx.state, keys.shipment(id, s.id), adjusted)
      shipments.push(adjusted)
    }
    delete m.frozenBy
    m.status = milestoneStatus(m)
    p.order.milestones = p.order.milestones.map((x) => (x.id === m.id ? m : x))
    // Release: every inspected shipment of the milestone is settled again from its (corrected) figures.
    const affected = list<Shipment>(ctx.state, keys.shipments(id)).filter((s) => s.milestone === m.id && s.inspection)
    const released = affected.map((s) => settleShipment(ctx, p, s)).filter((x) => x?.status === 'instructed')
    write(ctx.state, keys.dispute(id, did), { ...d, status: 'resolved', ruling: { reason, by: ctx.caller, at: ctx.time.iso, index: ctx.index, adjusted: shipments.map((s) => s.id) } })
    saveWithHistory(ctx, p, 'ruling', say(`sengketa ${did} diputus; ${released.length} pembayaran dilepas`, `dispute ${did} resolved; ${released.length} payment(s) released`))
    ctx.emit('procurement.DisputeResolved', { process: id, dispute: did, milestone: m.id, released: released.length })
  },
})
