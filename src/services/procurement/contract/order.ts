import { z } from 'zod'
import { parseTime, defineMethod } from 'saksi'
import type { Bid, Milestone, Order } from './records.js'
import { ROLES, awardedSupplier, buyer } from './roles.js'
import { Day, Lines, ProcessId, Slug, text } from './schemas.js'
import { keys, mustProcess, read, saveWithHistory } from './state.js'
import { rupiah, say } from './words.js'
import { PROCUREMENT_CODES } from './codes.js'

/** The end of a due day in Western Indonesia Time (UTC+7): midnight WIB is 17:00 UTC. */
export function dueEnd(day: string): number {
  return parseTime(`${day}T17:00:00.000Z`)
}

/**
 * `procurement.issueContract`: the officer issues the purchase order to the awarded supplier:
 * delivery milestones with items, quantities and due dates (together exactly the tendered
 * quantities), the winning unit prices, late-delivery penalty terms and the receiving organisation.
 */
export const issueContract = defineMethod(PROCUREMENT_CODES, {
  description: 'Issues the purchase order to the awarded supplier: milestones with quantities and due dates, the winning unit prices, penalty terms.',
  args: z.strictObject({
    process: ProcessId,
    milestones: z.array(z.strictObject({ id: Slug, title: text(200), dueDate: Day, lines: Lines })).min(1).max(50),
    // Perpres 16/2018: 1 per mille of the late part's value per day, at most 5% of the contract.
    penalty: z.strictObject({ perDayPermille: z.number().int().min(0).max(50), capPercent: z.number().int().min(0).max(100) }).default({ perDayPermille: 1, capPercent: 5 }),
    receivingOrg: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).optional(),
  }),
  allow: buyer(ROLES.officer),
  run(ctx, { process: id, milestones, penalty, receivingOrg }) {
    const p = mustProcess(ctx, id)
    const awarded = (p.stage === 'awarded' && p.award) || ctx.fail('PROCUREMENT_STAGE_INVALID', `process ${id} is at stage ${p.stage}, not awarded`)
    const receiving = receivingOrg ?? p.org
    if (!ctx.view('identity').get(`org/${receiving}`)) ctx.fail('PROCUREMENT_CONTRACT_INVALID', `no organisation ${receiving}`)
    if (new Set(milestones.map((m) => m.id)).size !== milestones.length) ctx.fail('PROCUREMENT_CONTRACT_INVALID', 'milestone ids repeat')
    const bid = read<Bid>(ctx.state, keys.bid(id, awarded.supplier))!.revealed!.content
    const ordered = new Map<string, number>()
    const built: Milestone[] = milestones.map((m) => {
      if (dueEnd(m.dueDate) <= ctx.time.ms) ctx.fail('PROCUREMENT_CONTRACT_INVALID', `milestone ${m.id} is due in the past (${m.dueDate})`)
      if (new Set(m.lines.map((l) => l.item)).size !== m.lines.length) ctx.fail('PROCUREMENT_CONTRACT_INVALID', `milestone ${m.id} lists an item twice`)
      const lines = m.lines.map((l) => {
        const price = bid.prices.find((x) => x.item === l.item) ?? ctx.fail('PROCUREMENT_CONTRACT_INVALID', `milestone ${m.id}: ${l.item} was not tendered`)
        ordered.set(l.item, (ordered.get(l.item) ?? 0) + l.quantity)
        return { item: l.item, quantity: l.quantity, unitPrice: price.unitPrice }
      })
      const amount = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0)
      return { id: m.id, title: m.title, dueDate: m.dueDate, lines, amount, pending: {}, accepted: {}, status: 'scheduled' }
    })
    for (const item of p.items) {
      if ((ordered.get(item.id) ?? 0) !== item.quantity) ctx.fail('PROCUREMENT_CONTRACT_INVALID', `the milestones order ${ordered.get(item.id) ?? 0} of ${item.id}; the tender was for ${item.quantity}`)
    }
    const value = built.reduce((sum, m) => sum + m.amount, 0)
    const order: Order = { supplier: awarded.supplier, value, milestones: built, penalty, receivingOrg: receiving, status: 'pending', issuedAt: ctx.time.iso, issuedBy: ctx.caller, issuedIndex: ctx.index, penalties: 0, payable: 0 }
    p.order = order
    p.stage = 'contracted'
    saveWithHistory(ctx, p, 'contract', say(`surat pesanan kepada ${order.supplier}: ${rupiah(value)} dalam ${built.length} tahap`, `purchase order to ${order.supplier}: ${rupiah(value)} in ${built.length} milestone(s)`))
    ctx.emit('procurement.ContractIssued', { process: id, supplier: order.supplier, value })
  },
})

/** `procurement.acceptContract`: the awarded supplier signs the purchase order; deliveries may start. */
export const acceptContract = defineMethod(PROCUREMENT_CODES, {
  description: 'The awarded supplier accepts (signs) the purchase order.',
  args: z.strictObject({ process: ProcessId }),
  allow: awardedSupplier,
  run(ctx, { process: id }) {
    const p = mustProcess(ctx, id)
    const pending = (p.order?.status === 'pending' && p.order) || ctx.fail('PROCUREMENT_STAGE_INVALID', `process ${id} has no purchase order waiting for acceptance`)
    p.order = { ...pending, status: 'active', acceptedAt: ctx.time.iso, acceptedBy: ctx.caller, acceptedIndex: ctx.index }
    saveWithHistory(ctx, p, 'contract-accepted', say(`${pending.supplier} menandatangani surat pesanan`, `${pending.supplier} signed the purchase order`))
    ctx.emit('procurement.ContractAccepted', { process: id, supplier: pending.supplier })
  },
})
