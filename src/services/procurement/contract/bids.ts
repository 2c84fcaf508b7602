import { z } from 'zod'
import { parseTime, defineMethod } from 'saksi'
import { bidCommitment } from './bid-commitment.js'
import { bidTotal } from './evaluate.js'
import { rupiah, say } from './words.js'
import type { Bid, BidContent, Process } from './records.js'
import { supplierKey } from './roles.js'
import { BidContentInput, Hex64, ProcessId, Slug } from './schemas.js'
import { keys, mustProcess, read, saveWithHistory, write } from './state.js'
import { PROCUREMENT_CODES, type ProcurementContext } from './codes.js'

function tendering(ctx: ProcurementContext, id: string): Process & { tender: NonNullable<Process['tender']> } {
  const p = mustProcess(ctx, id)
  if (p.stage !== 'tender' || !p.tender) ctx.fail('PROCUREMENT_STAGE_INVALID', `process ${id} is at stage ${p.stage}, not tender`)
  return p as Process & { tender: NonNullable<Process['tender']> }
}

/**
 * `procurement.commitBid`: before the bid deadline, a supplier submits only the commitment to its
 * bid (`bidCommitment`). The log holds no price until the reveal; a commitment cannot be replaced.
 */
export const commitBid = defineMethod(PROCUREMENT_CODES, {
  description: 'Submits a sealed bid: only the commitment (hash of the bid and a salt), before the bid deadline.',
  args: z.strictObject({ process: ProcessId, supplier: Slug, commitment: Hex64 }),
  allow: supplierKey('supplier'),
  run(ctx, { process: id, supplier, commitment }) {
    const p = tendering(ctx, id)
    if (ctx.time.ms >= parseTime(p.tender.bidDeadline)) ctx.fail('PROCUREMENT_BID_LATE', `the bid deadline was ${p.tender.bidDeadline}`)
    if (read(ctx.state, keys.bid(id, supplier))) ctx.fail('PROCUREMENT_BID_EXISTS', `${supplier} already committed a bid to ${id}`)
    const bid: Bid = { supplier, commitment, committedAt: ctx.time.iso, committedBy: ctx.caller, index: ctx.index }
    write(ctx.state, keys.bid(id, supplier), bid)
    saveWithHistory(ctx, p, 'bid', say(`${supplier} menyampaikan penawaran tertutup`, `${supplier} committed a sealed bid`))
    ctx.emit('procurement.BidCommitted', { process: id, supplier, commitment })
  },
})

/** Every tendered item priced once, every origin declared once, nothing else. */
function checkCovers(ctx: ProcurementContext, p: Process, bid: BidContent): void {
  const items = p.items.map((i) => i.id).sort()
  for (const [field, lines] of [['prices', bid.prices], ['origin', bid.origin]] as const) {
    const got = lines.map((l) => l.item).sort()
    if (got.length !== items.length || got.some((g, i) => g !== items[i])) {
      ctx.fail('PROCUREMENT_BID_INVALID', `bid.${field} must list each tendered item once (${items.join(', ')})`)
    }
  }
}

/**
 * `procurement.revealBid`: after the bid deadline and before the reveal deadline, the supplier
 * reveals its bid and salt; they must hash to its commitment. A bid never revealed takes no part
 * in the evaluation.
 */
export const revealBid = defineMethod(PROCUREMENT_CODES, {
  description: 'Reveals a sealed bid after the bid deadline and before the reveal deadline; it must match its commitment.',
  args: z.strictObject({ process: ProcessId, supplier: Slug, bid: BidContentInput, salt: Hex64 }),
  longNumbers: ['bid.prices.*.unitPrice'],
  // A refused reveal (too early, a mismatch) would publish the prices while bidding is open.
  sealedArgs: true,
  allow: supplierKey('supplier'),
  run(ctx, { process: id, supplier, bid, salt }) {
    const p = tendering(ctx, id)
    if (ctx.time.ms < parseTime(p.tender.bidDeadline)) ctx.fail('PROCUREMENT_TENDER_OPEN', `bids stay sealed until ${p.tender.bidDeadline}`)
    if (ctx.time.ms >= parseTime(p.tender.revealDeadline)) ctx.fail('PROCUREMENT_REVEAL_LATE', `the reveal deadline was ${p.tender.revealDeadline}`)
    const sealed = read<Bid>(ctx.state, keys.bid(id, supplier)) ?? ctx.fail('PROCUREMENT_BID_NOT_FOUND', `${supplier} committed no bid to ${id}`)
    if (sealed.revealed) ctx.fail('PROCUREMENT_BID_REVEALED', `${supplier}'s bid is already revealed`)
    if (bidCommitment({ process: id, supplier, bid, salt }) !== sealed.commitment) {
      ctx.fail('PROCUREMENT_REVEAL_MISMATCH', `the bid and salt do not hash to ${supplier}'s commitment ${sealed.commitment}`)
    }
    checkCovers(ctx, p, bid)
    const total = bidTotal(p.items, bid)
    if (!Number.isSafeInteger(total)) ctx.fail('PROCUREMENT_BID_INVALID', 'the bid total is beyond what can be counted exactly')
    write(ctx.state, keys.bid(id, supplier), { ...sealed, revealed: { content: bid, at: ctx.time.iso, by: ctx.caller } })
    saveWithHistory(ctx, p, 'reveal', say(`${supplier} membuka penawaran sebesar ${rupiah(total)}`, `${supplier} revealed a bid of ${rupiah(total)}`))
    ctx.emit('procurement.BidRevealed', { process: id, supplier, total })
  },
})
