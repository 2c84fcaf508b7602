import type { CallContext } from '../../core/runtime/index.js'
import type { Milestone, Order, Payment, Process, Shipment } from './records.js'
import { keys, list, write } from './state.js'

/** A milestone's status from what was accepted against what was ordered (OCDS milestoneStatus). */
export function milestoneStatus(m: Milestone): Milestone['status'] {
  const accepted = m.lines.map((l) => (Object.hasOwn(m.accepted, l.item) ? m.accepted[l.item]! : 0))
  if (m.lines.every((l, i) => accepted[i]! >= l.quantity)) return 'met'
  return accepted.some((a) => a > 0) ? 'partiallyMet' : 'scheduled'
}

/** The late-delivery penalty on `value` delivered `daysLate` days late, within what the cap leaves. */
export function penaltyFor(order: Order, value: number, daysLate: number): number {
  const cap = Math.floor((order.value * order.penalty.capPercent) / 100)
  const computed = Math.floor((value * order.penalty.perDayPermille * daysLate) / 1000)
  return Math.max(0, Math.min(computed, cap - order.penalties))
}

/** The payment instructions of one shipment, in id order. */
export function shipmentPayments(ctx: Pick<CallContext, 'state'>, process: string, shipment: string): Payment[] {
  return list<Payment>(ctx.state, `${keys.payments(process)}${shipment}/`)
}

/** Asks the node's payment outbox to pay (DESIGN "Contracts"): it reports back with confirmPayment / failPayment. */
export function requestPayment(ctx: CallContext, pay: Payment, supplier: string): void {
  ctx.emit('procurement.PaymentRequested', {
    contract: 'procurement',
    process: pay.process,
    instruction: pay.id,
    amount: pay.amount,
    currency: 'IDR',
    payee: `supplier/${supplier}`,
    idempotencyKey: pay.idempotencyKey,
    attempt: pay.attempt,
    settle: { process: pay.process, payment: pay.id },
  })
}

/**
 * Brings a shipment's payments in line with its inspection: what is due is the accepted quantities
 * times the unit prices, less what earlier instructions already covered, less the late-delivery
 * penalty. A payment still held by a dispute is recomputed in place; otherwise a new instruction
 * is made (held while the milestone is frozen, else sent to the outbox). Mutates `p.order`.
 * @returns the payment made or updated, if anything is due
 */
export function settleShipment(ctx: CallContext, p: Process & { order: Order }, s: Shipment): Payment | undefined {
  const order = p.order
  const m = order.milestones.find((x) => x.id === s.milestone)!
  const inspection = s.inspection!
  const existing = shipmentPayments(ctx, p.id, s.id)
  const held = existing.find((x) => x.status === 'held')
  const covered = existing.filter((x) => x.status !== 'held' && x.status !== 'cancelled')
  if (held) order.penalties -= held.penalty
  const lines = inspection.accepted.map((a) => {
    const unitPrice = m.lines.find((l) => l.item === a.item)!.unitPrice
    return { item: a.item, quantity: a.quantity, unitPrice, amount: a.quantity * unitPrice }
  })
  const gross = lines.reduce((sum, l) => sum + l.amount, 0) - covered.reduce((sum, x) => sum + x.gross, 0)
  if (gross < 0) ctx.fail('PROCUREMENT_ADJUSTMENT_INVALID', `shipment ${s.id} was already paid for more than is now accepted`)
  if (gross === 0) {
    if (held) write(ctx.state, keys.payment(p.id, held.id), { ...held, status: 'cancelled' })
    return undefined
  }
  const penalty = penaltyFor(order, gross, inspection.daysLate)
  const amount = gross - penalty
  const others = list<Payment>(ctx.state, keys.payments(p.id)).filter((x) => x.status !== 'cancelled' && x.id !== held?.id)
  const total = others.reduce((sum, x) => sum + x.amount, 0) + amount
  if (total > order.value) ctx.fail('PROCUREMENT_OVER_CONTRACT_VALUE', `paying ${amount} Rupiah for shipment ${s.id} would bring the payments to ${total}, above the contract value of ${order.value}`)
  const id = held?.id ?? `${s.id}/${existing.length + 1}`
  const payment: Payment = {
    id,
    process: p.id,
    milestone: m.id,
    shipment: s.id,
    gross,
    penalty,
    amount,
    lines,
    status: m.frozenBy ? 'held' : 'instructed',
    attempt: 1,
    idempotencyKey: `procurement/${p.id}/${id}`,
    createdAt: ctx.time.iso,
  }
  order.penalties += penalty
  write(ctx.state, keys.payment(p.id, id), payment)
  if (payment.status === 'instructed') requestPayment(ctx, payment, order.supplier)
  return payment
}
