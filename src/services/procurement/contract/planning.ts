import { z } from 'zod'
import { parseTime, defineMethod } from 'saksi'
import type { Process, Tender } from './records.js'
import { ROLES, buyer, processOrg } from './roles.js'
import { CLASSIFICATION_SCHEMES, Percent, ProcessId, Quantity, Rupiah, Slug, Time, text } from './schemas.js'
import { keys, mustProcess, read, saveWithHistory } from './state.js'
import { rupiah, say } from './words.js'
import { PROCUREMENT_CODES } from './codes.js'

const ItemInput = z.strictObject({
  id: Slug,
  description: text(500),
  classification: z.strictObject({ scheme: z.enum(CLASSIFICATION_SCHEMES), id: z.string().regex(/^[A-Za-z0-9.-]{1,40}$/), description: text(200) }).optional(),
  quantity: Quantity,
  unit: text(40),
  origin: z.enum(['domestic', 'any']),
  unitEstimate: Rupiah,
})

/**
 * `procurement.createPlan`: a procurement officer plans a purchase (rencana umum pengadaan): items
 * with specification, quantity, unit, required origin and the owner's estimate, within a budget.
 */
export const createPlan = defineMethod(PROCUREMENT_CODES, {
  description: 'Plans a purchase: items with specification, quantity, unit, required origin and estimate, and a budget.',
  args: z.strictObject({
    process: ProcessId,
    title: text(200),
    description: text(2000),
    budget: Rupiah,
    items: z.array(ItemInput).min(1).max(100),
  }),
  // Rupiah amounts: 62 8xx... billions would look like a mobile number.
  longNumbers: ['budget', 'items.*.unitEstimate'],
  allow: buyer(ROLES.officer),
  run(ctx, { process: id, title, description, budget, items }) {
    if (read(ctx.state, keys.process(id))) ctx.fail('PROCUREMENT_PROCESS_EXISTS', `process ${id} exists`)
    const ids = new Set(items.map((i) => i.id))
    if (ids.size !== items.length) ctx.fail('PROCUREMENT_PLAN_INVALID', 'item ids repeat')
    const estimate = items.reduce((sum, i) => sum + i.quantity * i.unitEstimate, 0)
    if (!Number.isSafeInteger(estimate)) ctx.fail('PROCUREMENT_PLAN_INVALID', "the items' estimate is beyond what can be counted exactly")
    if (estimate > budget) ctx.fail('PROCUREMENT_PLAN_INVALID', `the items' estimate (${estimate} Rupiah) is above the budget (${budget})`)
    const p: Process = { id, org: processOrg(id), title, description, budget, items, stage: 'planning', plannedAt: ctx.time.iso, plannedBy: ctx.caller, history: 0 }
    saveWithHistory(ctx, p, 'plan', say(`${items.length} jenis barang, pagu ${rupiah(budget)}`, `${items.length} item(s), budget ${rupiah(budget)}`))
    ctx.emit('procurement.Planned', { process: id, budget, items: items.length })
  },
})

/** The longest reveal window a tender must allow (3 days). */
const MAX_LEAST_REVEAL_MS = 3 * 86_400_000

const CriteriaInput = z.strictObject({
  method: z.enum(['priceOnly', 'ratedCriteria']),
  weights: z.strictObject({ price: Percent, delivery: Percent, localContent: Percent }).optional(),
  maxDeliveryDays: z.number().int().min(1).max(3650),
  minLocalContent: Percent,
})

/**
 * `procurement.publishTender`: opens the tender with its bid deadline, reveal deadline and the
 * evaluation criteria. Everything the evaluation uses is fixed here, before any bid.
 */
export const publishTender = defineMethod(PROCUREMENT_CODES, {
  description: 'Publishes the tender: bid and reveal deadlines and the evaluation criteria.',
  args: z.strictObject({ process: ProcessId, title: text(200), description: text(2000), bidDeadline: Time, revealDeadline: Time, criteria: CriteriaInput }),
  allow: buyer(ROLES.officer),
  run(ctx, { process: id, title, description, bidDeadline, revealDeadline, criteria }) {
    const p = mustProcess(ctx, id)
    if (p.stage !== 'planning') ctx.fail('PROCUREMENT_STAGE_INVALID', `process ${id} is at stage ${p.stage}, not planning`)
    if (parseTime(bidDeadline) <= ctx.time.ms) ctx.fail('PROCUREMENT_TENDER_INVALID', 'the bid deadline must be in the future')
    const bidWindow = parseTime(bidDeadline) - ctx.time.ms
    const revealWindow = parseTime(revealDeadline) - parseTime(bidDeadline)
    // A reveal window too short to use would sink every tender; half the bid window (at most 3 days) is the least.
    const least = Math.min(Math.ceil(bidWindow / 2), MAX_LEAST_REVEAL_MS)
    if (revealWindow < least) ctx.fail('PROCUREMENT_TENDER_INVALID', `the reveal window must last at least half the bid window (at most 3 days): ${Math.ceil(least / 1000)} s here`)
    if (criteria.method === 'ratedCriteria') {
      const w = criteria.weights ?? ctx.fail('PROCUREMENT_TENDER_INVALID', 'ratedCriteria needs weights')
      if (w.price + w.delivery + w.localContent !== 100) ctx.fail('PROCUREMENT_TENDER_INVALID', 'the weights must add up to 100')
    } else if (criteria.weights) ctx.fail('PROCUREMENT_TENDER_INVALID', 'priceOnly takes no weights')
    const tender: Tender = { title, description, bidDeadline, revealDeadline, criteria, publishedAt: ctx.time.iso, publishedBy: ctx.caller }
    p.tender = tender
    p.stage = 'tender'
    saveWithHistory(ctx, p, 'tender', say(`penawaran sampai ${bidDeadline}, pembukaan sampai ${revealDeadline}, ${criteria.method}`, `bids until ${bidDeadline}, reveals until ${revealDeadline}, ${criteria.method}`))
    ctx.emit('procurement.TenderPublished', { process: id, bidDeadline, revealDeadline })
  },
})
