import type { StateReader } from 'saksi'
import { revealedBids } from './award.js'
import { evaluateBids } from './evaluate.js'
import { daysLate } from './inspections.js'
import { penaltyWithin } from './settlement.js'
import type { Payment, Process, Shipment } from './records.js'
import { keys, list } from './state.js'

/** One check of the consistency report. */
export interface Check {
  id: string
  description: string
  ok: boolean
  findings: string[]
}

/** The auditors' consistency report of a process. */
export interface ConsistencyReport {
  process: string
  ok: boolean
  checks: Check[]
}

const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0)

/**
 * Recomputes, from the primary records (revealed bids, published criteria, inspections, payment
 * instructions and bank reports), what the derived records claim: the award, the amounts paid,
 * the penalties and the milestones' progress. A finding names the record that disagrees.
 */
export function consistencyReport(state: StateReader, p: Process): ConsistencyReport {
  const checks: Check[] = []
  const check = (id: string, description: string, findings: string[]) => checks.push({ id, description, ok: findings.length === 0, findings })

  const award: string[] = []
  if (p.award && p.tender) {
    const again = evaluateBids(p.items, p.tender.criteria, revealedBids(state, p).revealed)
    if (again.winner?.supplier !== p.award.supplier || again.winner.total !== p.award.total) {
      award.push(`the criteria rank ${again.winner?.supplier ?? 'no bid'} first (${again.winner?.total ?? 0} Rupiah); the award went to ${p.award.supplier} (${p.award.total})`)
    }
  }
  check('award-follows-criteria', 'The award is the winner of the published criteria applied to the revealed bids.', award)

  const shipments = list<Shipment>(state, keys.shipments(p.id))
  const payments = list<Payment>(state, keys.payments(p.id)).filter((x) => x.status !== 'cancelled')
  const order = p.order
  const byId = new Map(shipments.map((s) => [s.id, s]))
  const grossByShipment = new Map<string, number>()
  for (const x of payments) grossByShipment.set(x.shipment, (grossByShipment.get(x.shipment) ?? 0) + x.gross)
  const paidRight: string[] = []
  const confirmed: string[] = []
  const penalties: string[] = []
  for (const pay of payments) {
    const s = byId.get(pay.shipment)
    if (!s?.inspection) confirmed.push(`payment ${pay.id} has no inspection of shipment ${pay.shipment}`)
    if (pay.status === 'paid' && !pay.reference) confirmed.push(`payment ${pay.id} is marked paid without a bank reference`)
    if (pay.amount !== pay.gross - pay.penalty) paidRight.push(`payment ${pay.id}: ${pay.amount} is not ${pay.gross} less a penalty of ${pay.penalty}`)
    if (pay.amount < 0 || pay.penalty < 0 || pay.penalty > pay.gross) penalties.push(`payment ${pay.id}: a penalty of ${pay.penalty} on ${pay.gross} leaves ${pay.amount}`)
    const m = order?.milestones.find((x) => x.id === pay.milestone)
    if (order && m && s?.inspection) {
      // Lateness recomputed from the block time the arrival was recorded at, never a signer's word.
      const late = s.arrivalRecordedAt ? daysLate(m.dueDate, s.arrivalRecordedAt) : s.inspection.daysLate
      if (late !== s.inspection.daysLate) penalties.push(`shipment ${s.id}: recorded ${late} day(s) late, the inspection counts ${s.inspection.daysLate}`)
      // Exactly the terms, within the cap that was left when the payment was made.
      const cap = Math.floor((order.value * order.penalty.capPercent) / 100)
      const expected = penaltyWithin(order, pay.gross, late, pay.capLeft)
      if (pay.capLeft > cap) penalties.push(`payment ${pay.id}: ${pay.capLeft} of the cap left, above the whole cap of ${cap}`)
      if (pay.penalty !== expected) penalties.push(`payment ${pay.id}: a penalty of ${pay.penalty} where the terms give ${expected} for ${late} day(s) late (${pay.capLeft} of the cap left)`)
    }
  }
  const shipped: string[] = []
  for (const s of shipments.filter((x) => x.inspection)) {
    for (const l of s.lines) {
      const counted = sum(s.inspection!.accepted.filter((a) => a.item === l.item), (a) => a.quantity) + sum(s.inspection!.rejected.filter((r) => r.item === l.item), (r) => r.quantity)
      if (counted !== l.quantity) shipped.push(`shipment ${s.id} carried ${l.quantity} of ${l.item}; the inspection accounts for ${counted}`)
    }
    for (const a of s.inspection!.accepted) if (!s.lines.some((l) => l.item === a.item)) shipped.push(`shipment ${s.id}: ${a.item} accepted but not shipped`)
  }
  const milestones: string[] = []
  if (order) {
    for (const s of shipments.filter((x) => x.inspection)) {
      const m = order.milestones.find((x) => x.id === s.milestone)
      const value = sum(s.inspection!.accepted, (a) => a.quantity * (m?.lines.find((l) => l.item === a.item)?.unitPrice ?? 0))
      const instructed = grossByShipment.get(s.id) ?? 0
      if (value !== instructed) paidRight.push(`shipment ${s.id}: accepted goods are worth ${value} Rupiah at the contract's unit prices; payments cover ${instructed}`)
    }
    const cap = Math.floor((order.value * order.penalty.capPercent) / 100)
    const total = sum(payments, (x) => x.penalty)
    if (total !== order.penalties) penalties.push(`the payments deduct ${total} Rupiah of penalties; the order records ${order.penalties}`)
    const payable = sum(payments, (x) => x.amount)
    if (payable !== order.payable) paidRight.push(`the payments come to ${payable} Rupiah; the order records ${order.payable}`)
    if (total > cap) penalties.push(`penalties of ${total} Rupiah exceed the cap of ${cap} (${order.penalty.capPercent}% of the contract)`)
    for (const m of order.milestones) {
      for (const l of m.lines) {
        const accepted = sum(shipments.filter((s) => s.milestone === m.id && s.inspection), (s) => sum(s.inspection!.accepted.filter((a) => a.item === l.item), (a) => a.quantity))
        const recorded = Object.hasOwn(m.accepted, l.item) ? m.accepted[l.item]! : 0
        if (accepted !== recorded) milestones.push(`milestone ${m.id}: inspections accept ${accepted} of ${l.item}; the milestone records ${recorded}`)
        if (accepted > l.quantity) milestones.push(`milestone ${m.id}: ${accepted} of ${l.item} accepted, ${l.quantity} ordered`)
      }
    }
  }
  check('paid-equals-accepted', 'Payments equal the accepted quantities times the unit prices, less penalties.', paidRight)
  check('no-payment-without-confirmation', 'Every payment follows an inspection, and every payment marked paid has the bank’s reference.', confirmed)
  check('penalties-within-terms', 'Penalties follow the late-delivery terms and stay within their cap.', penalties)
  const total = sum(payments, (x) => x.amount)
  check('within-contract-value', 'The payments do not exceed the contract value.', order && total > order.value ? [`payments total ${total} Rupiah; the contract is worth ${order.value}`] : [])
  check('milestones-match-inspections', "Each milestone's accepted quantities are those of its inspections, within the order.", milestones)
  check('inspections-match-shipments', 'Each inspection accounts for exactly what its shipment carried.', shipped)
  return { process: p.id, ok: checks.every((c) => c.ok), checks }
}
