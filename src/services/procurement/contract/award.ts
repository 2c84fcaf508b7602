import { z } from 'zod'
import { parseTime, defineMethod } from 'saksi'
import { evaluateBids, type RevealedBid } from './evaluate.js'
import type { Bid, Process } from './records.js'
import { ROLES, buyer } from './roles.js'
import { ProcessId } from './schemas.js'
import { keys, list, mustProcess, saveWithHistory } from './state.js'
import { say } from './words.js'
import { PROCUREMENT_CODES } from './codes.js'

/** The revealed bids of a process, for evaluation, and the suppliers who never revealed. */
export function revealedBids(state: Parameters<typeof list>[0], p: Process): { revealed: RevealedBid[]; unrevealed: string[] } {
  const bids = list<Bid>(state, keys.bids(p.id))
  return {
    revealed: bids.filter((b) => b.revealed).map((b) => ({ supplier: b.supplier, index: b.index, content: b.revealed!.content })),
    unrevealed: bids.filter((b) => !b.revealed).map((b) => b.supplier),
  }
}

/**
 * `procurement.award`: after the reveal deadline, the officer closes the tender. The contract
 * evaluates the revealed bids under the published criteria; the officer cannot pick another
 * winner. The award, the ranking and the reasons go on the log; without a compliant bid the
 * tender is unsuccessful.
 */
export const award = defineMethod(PROCUREMENT_CODES, {
  description: 'Closes the tender after the reveal deadline: evaluates the revealed bids under the published criteria and awards the winner.',
  args: z.strictObject({ process: ProcessId }),
  allow: buyer(ROLES.officer),
  run(ctx, { process: id }) {
    const p: Process = mustProcess(ctx, id)
    const tender = (p.stage === 'tender' && p.tender) || ctx.fail('PROCUREMENT_STAGE_INVALID', `process ${id} is at stage ${p.stage}, not tender`)
    if (ctx.time.ms < parseTime(tender.revealDeadline)) ctx.fail('PROCUREMENT_REVEAL_OPEN', `bids may be revealed until ${tender.revealDeadline}`)
    const { revealed, unrevealed } = revealedBids(ctx.state, p)
    const result = evaluateBids(p.items, tender.criteria, revealed)
    if (!result.winner) {
      p.stage = 'unsuccessful'
      p.closedAt = ctx.time.iso
      saveWithHistory(ctx, p, 'unsuccessful', say(`tidak ada penawaran yang memenuhi syarat dari ${revealed.length} yang dibuka`, `no compliant bid among ${revealed.length} revealed`))
      ctx.emit('procurement.TenderUnsuccessful', { process: id, revealed: revealed.length })
      return
    }
    const w = result.winner
    p.award = { supplier: w.supplier, total: w.total, ...(w.score === undefined ? {} : { score: w.score }), reasons: result.reasons!, ranking: result.ranking, unrevealed, at: ctx.time.iso, by: ctx.caller }
    p.stage = 'awarded'
    saveWithHistory(ctx, p, 'award', say(`dimenangkan ${w.supplier}: ${result.reasons!.id}`, `awarded to ${w.supplier}: ${result.reasons!.en}`))
    ctx.emit('procurement.Awarded', { process: id, supplier: w.supplier, total: w.total })
  },
})
