import { z } from 'zod'
import { parseTime, defineMethod } from 'saksi'
import type { Dispute, Payment, Shipment } from './records.js'
import { ROLES, buyer } from './roles.js'
import { ProcessId, text } from './schemas.js'
import { keys, list, mustProcess, saveWithHistory } from './state.js'
import { say } from './words.js'
import { PROCUREMENT_CODES } from './codes.js'

/**
 * `procurement.cancelTender`: the officer cancels a process before the bid deadline (a need that
 * went away, a flawed specification), with the reason on the log. Committed bids stay sealed for good.
 */
export const cancelTender = defineMethod(PROCUREMENT_CODES, {
  description: 'Cancels a process before its award, with the reason.',
  args: z.strictObject({ process: ProcessId, reason: text(1000) }),
  allow: buyer(ROLES.officer),
  run(ctx, { process: id, reason }) {
    const p = mustProcess(ctx, id)
    if (p.stage !== 'planning' && p.stage !== 'tender') ctx.fail('PROCUREMENT_STAGE_INVALID', `process ${id} is at stage ${p.stage}: only a process not yet awarded can be cancelled`)
    // Once bids are in, cancelling (and tendering again) would let an officer discard a result it
    // does not like after seeing the prices: the tender then ends by its award, or as unsuccessful.
    if (p.tender && ctx.time.ms >= parseTime(p.tender.bidDeadline)) ctx.fail('PROCUREMENT_STAGE_INVALID', `the bid deadline of ${id} has passed (${p.tender.bidDeadline}): the tender ends by its award`)
    p.stage = 'cancelled'
    p.cancelled = { at: ctx.time.iso, by: ctx.caller, reason }
    saveWithHistory(ctx, p, 'cancelled', say(`dibatalkan: ${reason}`, `cancelled: ${reason}`))
    ctx.emit('procurement.Cancelled', { process: id })
  },
})

/**
 * `procurement.closeContract`: the officer closes a fulfilled purchase order (serah terima): every
 * milestone met, every shipment inspected, every payment made (none held, with the bank or refused)
 * and no dispute open. Nothing more can be shipped, inspected or disputed under it.
 */
export const closeContract = defineMethod(PROCUREMENT_CODES, {
  description: 'Closes a fulfilled purchase order: every milestone met, every shipment inspected, every payment made, no open dispute.',
  args: z.strictObject({ process: ProcessId, note: text(1000) }),
  allow: buyer(ROLES.officer),
  run(ctx, { process: id, note }) {
    const p = mustProcess(ctx, id)
    const order = (p.order?.status === 'active' && p.order) || ctx.fail('PROCUREMENT_CONTRACT_NOT_ACTIVE', `process ${id} has no active purchase order`)
    const open: string[] = []
    for (const m of order.milestones) if (m.status !== 'met') open.push(`milestone ${m.id} is ${m.status}`)
    for (const s of list<Shipment>(ctx.state, keys.shipments(id))) if (s.status !== 'inspected') open.push(`shipment ${s.id} is ${s.status}`)
    for (const x of list<Payment>(ctx.state, keys.payments(id))) if (x.status !== 'paid' && x.status !== 'cancelled') open.push(`payment ${x.id} is ${x.status}`)
    for (const d of list<Dispute>(ctx.state, keys.disputes(id))) if (d.status === 'open') open.push(`dispute ${d.id} is open`)
    if (open.length > 0) ctx.fail('PROCUREMENT_CONTRACT_OPEN', `the purchase order of ${id} cannot close: ${open.slice(0, 5).join('; ')}${open.length > 5 ? `; and ${open.length - 5} more` : ''}`)
    p.order = { ...order, status: 'closed', closed: { at: ctx.time.iso, by: ctx.caller, note, index: ctx.index } }
    p.stage = 'complete'
    saveWithHistory(ctx, p, 'closed', say(`surat pesanan selesai dan ditutup: ${note}`, `the purchase order is fulfilled and closed: ${note}`))
    ctx.emit('procurement.ContractClosed', { process: id, paid: order.payable, penalties: order.penalties })
  },
})
