import type { Milestone, Order, Payment, Process, Shipment } from './records.js'
import { keys, list, write } from './state.js'
import type { ProcurementContext } from './codes.js'

/** A milestone's status from what was accepted against what was ordered (OCDS milestoneStatus). */
export function milestoneStatus(m: Milestone): Milestone['status'] {
  const accepted = m.lines.map((l) => (Object.hasOwn(m.accepted, l.item) ? m.accepted[l.item]! : 0))
  if (m.lines.every((l, i) => accepted[i]! >= l.quantity)) return 'met'
  return accepted.some((a) => a > 0) ? 'partiallyMet' : 'scheduled'
}

/** What the cap on penalties (a percentage of the contract value) still allows. */
export function capLeft(order: Pick<Order, 'value' | 'penalty' | 'penalties'>): number {
  const left = (BigInt(order.value) * BigInt(order.penalty.capPercent)) / 100n - BigInt(order.penalties)
  return left > 0n ? Number(left) : 0
}

/**
 * The late-delivery penalty on `value` delivered `daysLate` days late: per mille of the value per
 * day, within `left` of the cap (a percentage of the contract) and never more than the value itself.
 * Exact integer arithmetic: Rupiah amounts times rates exceed 2^53.
 */
export function penaltyWithin(order: Pick<Order, 'penalty'>, value: number, daysLate: number, left: number): number {
  const computed = (BigInt(value) * BigInt(order.penalty.perDayPermille) * BigInt(daysLate)) / 1000n
  const least = [computed, BigInt(left), BigInt(value)].reduce((a, b) => (b < a ? b : a))
  return least > 0n ? Number(least) : 0
}

/** The payment instructions of one shipment, in id order. */
export function shipmentPayments(ctx: Pick<ProcurementContext, 'state'>, process: string, shipment: string): Payment[] {
  return list<Payment>(ctx.state, `${keys.payments(process)}${shipment}/`)
}

/** Asks the node's payment outbox to pay (DESIGN "Contracts"): it reports back with confirmPayment / failPayment. */
export function requestPayment(ctx: ProcurementContext, pay: Payment, supplier: string): void {
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

/** Reference of a payment that the penalty reduced to nothing: no transfer is made. */
export const NOTHING_DUE = 'nihil: seluruhnya dipotong denda (nothing due after the penalty)'

/**
 * Brings a shipment's payments in line with its inspection: what is due is the accepted quantities
 * times the unit prices, less what instructions with the bank (sent or paid) already cover, less
 * the late-delivery penalty. Payments the bank never made (held by a dispute, or refused) are
 * cancelled and replaced. The new instruction is held while the milestone is frozen, else sent to
 * the outbox. Mutates `p.order`.
 * @returns the payment made, if anything is due
 */
export function settleShipment(ctx: ProcurementContext, p: Process & { order: Order }, s: Shipment): Payment | undefined {
  const order = p.order
  const m = order.milestones.find((x) => x.id === s.milestone)!
  const inspection = s.inspection!
  const existing = shipmentPayments(ctx, p.id, s.id)
  for (const x of existing.filter((y) => y.status === 'held' || y.status === 'failed')) {
    order.penalties -= x.penalty
    order.payable -= x.amount
    write(ctx.state, keys.payment(p.id, x.id), { ...x, status: 'cancelled' })
  }
  const covered = existing.filter((x) => x.status === 'instructed' || x.status === 'paid')
  // What the bank has or paid, by item: no ruling may accept less of any item, listed or not.
  const before = new Map<string, number>()
  for (const x of covered) for (const l of x.lines) before.set(l.item, (before.get(l.item) ?? 0) + l.quantity)
  for (const [item, quantity] of before) {
    const now = inspection.accepted.find((a) => a.item === item)?.quantity ?? 0
    if (now < quantity) ctx.fail('PROCUREMENT_ADJUSTMENT_INVALID', `shipment ${s.id}: ${quantity} of ${item} are already paid or with the bank; ${now} cannot be accepted now`)
  }
  const lines = inspection.accepted.map((a) => {
    const unitPrice = m.lines.find((l) => l.item === a.item)!.unitPrice
    const quantity = a.quantity - (before.get(a.item) ?? 0)
    return { item: a.item, quantity, unitPrice, amount: quantity * unitPrice }
  }).filter((l) => l.quantity > 0)
  const gross = lines.reduce((sum, l) => sum + l.amount, 0)
  if (gross === 0) return undefined
  if (!Number.isSafeInteger(gross)) ctx.fail('PROCUREMENT_OVER_CONTRACT_VALUE', `the payment for shipment ${s.id} is beyond what can be paid`)
  const left = capLeft(order)
  const penalty = penaltyWithin(order, gross, inspection.daysLate, left)
  const amount = gross - penalty
  // A running total: listing every payment of the order on each inspection would grow with the order.
  const total = order.payable + amount
  if (total > order.value) ctx.fail('PROCUREMENT_OVER_CONTRACT_VALUE', `paying ${amount} Rupiah for shipment ${s.id} would bring the payments to ${total}, above the contract value of ${order.value}`)
  const id = `${s.id}/${existing.length + 1}`
  const payment: Payment = {
    id,
    process: p.id,
    milestone: m.id,
    shipment: s.id,
    gross,
    penalty,
    amount,
    lines,
    status: amount === 0 ? 'paid' : m.frozenBy ? 'held' : 'instructed',
    attempt: 1,
    idempotencyKey: `procurement/${p.id}/${id}`,
    createdAt: ctx.time.iso,
    capLeft: left,
    ...(amount === 0 ? { settledAt: ctx.time.iso, settledIndex: ctx.index, reference: NOTHING_DUE } : {}),
  }
  order.penalties += penalty
  order.payable = total
  write(ctx.state, keys.payment(p.id, id), payment)
  if (payment.status === 'instructed') requestPayment(ctx, payment, order.supplier)
  return payment
}
