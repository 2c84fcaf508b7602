import { z } from 'zod'
import { defineMethod } from 'saksi'
import type { Payment, Process, Words } from './records.js'
import { ROLES, buyer, official } from './roles.js'
import { ProcessId, text } from './schemas.js'
import { requestPayment } from './settlement.js'
import { keys, mustProcess, read, saveWithHistory, write } from './state.js'
import { rupiah, say } from './words.js'
import { PROCUREMENT_CODES, type ProcurementContext } from './codes.js'

/** A payment id: `<shipment>/<n>`. */
export const PaymentId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}\/\d{1,4}$/, 'must be a payment id like <shipment>/1')

const Settle = { process: ProcessId, payment: PaymentId }

function payment(ctx: ProcurementContext, process: string, id: string): Payment {
  return read<Payment>(ctx.state, keys.payment(process, id)) ?? ctx.fail('PROCUREMENT_PAYMENT_NOT_FOUND', `no payment ${id} in ${process}`)
}

function pending(ctx: ProcurementContext, process: string, id: string): Payment {
  const pay = payment(ctx, process, id)
  if (pay.status !== 'instructed') ctx.fail('PROCUREMENT_PAYMENT_SETTLED', `payment ${id} is ${pay.status}`)
  return pay
}

function record(ctx: ProcurementContext, p: Process, step: string, summary: Words): void {
  saveWithHistory(ctx, p, step, summary)
}

/** `procurement.confirmPayment`: the payment service reports the bank's confirmation. */
export const confirmPayment = defineMethod(PROCUREMENT_CODES, {
  description: 'Records that the bank paid a payment instruction (payment service key only).',
  args: z.strictObject({ ...Settle, reference: text(100) }),
  // The bank's reference, reported as it came: it may hold 16 digits.
  longNumbers: ['reference'],
  allow: official(ROLES.gateway),
  run(ctx, { process, payment: id, reference }) {
    const pay = pending(ctx, process, id)
    write(ctx.state, keys.payment(process, id), { ...pay, status: 'paid', settledAt: ctx.time.iso, settledIndex: ctx.index, reference })
    record(ctx, mustProcess(ctx, process), 'paid', say(`pembayaran ${id} sebesar ${rupiah(pay.amount)} sudah dibayar (referensi bank ${reference})`, `payment ${id} of ${rupiah(pay.amount)} paid (bank reference ${reference})`))
    ctx.emit('procurement.Paid', { process, payment: id, amount: pay.amount, attempt: pay.attempt })
  },
})

/** `procurement.failPayment`: the payment service reports that the bank refused or failed a transfer. */
export const failPayment = defineMethod(PROCUREMENT_CODES, {
  description: 'Records that the bank did not pay a payment instruction, with its reason (payment service key only).',
  args: z.strictObject({ ...Settle, reason: text(300) }),
  // The bank's refusal, reported as it came: it may quote an account number.
  longNumbers: ['reason'],
  allow: official(ROLES.gateway),
  run(ctx, { process, payment: id, reason }) {
    const pay = pending(ctx, process, id)
    write(ctx.state, keys.payment(process, id), { ...pay, status: 'failed', failure: reason })
    record(ctx, mustProcess(ctx, process), 'payment-failed', say(`pembayaran ${id} gagal: ${reason}`, `payment ${id} failed: ${reason}`))
    ctx.emit('procurement.PaymentFailed', { process, payment: id, attempt: pay.attempt, reason })
  },
})

/** `procurement.retryPayment`: the buyer's treasurer sends a failed payment again, with the same idempotency key. */
export const retryPayment = defineMethod(PROCUREMENT_CODES, {
  description: 'Sends a failed payment again, with the same idempotency key (treasurer of the buyer).',
  args: z.strictObject(Settle),
  allow: buyer(ROLES.treasurer),
  run(ctx, { process, payment: id }) {
    const pay = payment(ctx, process, id)
    if (pay.status !== 'failed') ctx.fail('PROCUREMENT_PAYMENT_SETTLED', `only a failed payment may be retried; ${id} is ${pay.status}`)
    const frozenBy = mustProcess(ctx, process).order?.milestones.find((m) => m.id === pay.milestone)?.frozenBy
    if (frozenBy) ctx.fail('PROCUREMENT_DISPUTE_OPEN', `dispute ${frozenBy} holds the payments of milestone ${pay.milestone}; the ruling releases them`)
    const retried: Payment = { ...pay, status: 'instructed', attempt: pay.attempt + 1 }
    delete retried.failure
    write(ctx.state, keys.payment(process, id), retried)
    const p = mustProcess(ctx, process)
    requestPayment(ctx, retried, p.order!.supplier)
    record(ctx, p, 'payment-retried', say(`pembayaran ${id} dikirim ulang (percobaan ke-${retried.attempt})`, `payment ${id} sent again (attempt ${retried.attempt})`))
  },
})
