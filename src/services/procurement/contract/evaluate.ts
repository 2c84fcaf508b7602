import type { BidContent, Criteria, Item, Ranked, Words } from './records.js'
import { rupiah, thousands } from './words.js'

/** A revealed bid as evaluation sees it. */
export interface RevealedBid {
  supplier: string
  /** The commitment's log index: the earlier bid wins a tie. */
  index: number
  content: BidContent
}

/** The result of an evaluation: every revealed bid ranked, and the winner if any bid complies. */
export interface Evaluation {
  ranking: Ranked[]
  winner?: Ranked
  reasons?: Words
}

/** Score points: the weights (percent) times 10,000, so a perfect bid scores 1,000,000. */
const POINTS = 10_000


/** The bid's total: each item's unit price times the tendered quantity. */
export function bidTotal(items: Item[], content: BidContent): number {
  return content.prices.reduce((sum, l) => sum + l.unitPrice * (items.find((i) => i.id === l.item)?.quantity ?? 0), 0)
}

/** Why a bid does not comply with the published criteria (empty when it does). */
function nonCompliance(items: Item[], criteria: Criteria, bid: BidContent): Words[] {
  const reasons: Words[] = []
  for (const item of items) {
    const price = bid.prices.find((l) => l.item === item.id)?.unitPrice ?? Infinity
    if (price > item.unitEstimate) {
      reasons.push({
        id: `Harga satuan ${item.id} (${rupiah(price)}) di atas HPS (${rupiah(item.unitEstimate)})`,
        en: `The unit price of ${item.id} (${rupiah(price)}) is above the owner's estimate (${rupiah(item.unitEstimate)})`,
      })
    }
    if (item.origin === 'domestic' && bid.origin.find((o) => o.item === item.id)?.origin !== 'domestic') {
      reasons.push({ id: `${item.id} wajib produk dalam negeri`, en: `${item.id} must be made in Indonesia` })
    }
  }
  if (bid.deliveryDays > criteria.maxDeliveryDays) {
    reasons.push({
      id: `Waktu pengiriman ${bid.deliveryDays} hari melebihi batas ${criteria.maxDeliveryDays} hari`,
      en: `Delivery in ${bid.deliveryDays} days exceeds the limit of ${criteria.maxDeliveryDays} days`,
    })
  }
  if (bid.localContent < criteria.minLocalContent) {
    reasons.push({
      id: `TKDN ${bid.localContent}% di bawah syarat ${criteria.minLocalContent}%`,
      en: `Local content of ${bid.localContent}% is below the required ${criteria.minLocalContent}%`,
    })
  }
  return reasons
}

/**
 * Applies the published criteria to the revealed bids, deterministically: non-compliant bids
 * (with reasons) are out; under `priceOnly` the lowest total wins, under `ratedCriteria` the
 * highest score (price against the lowest compliant total, delivery against the fastest, local
 * content against 100%), then the lower total; the earlier commitment breaks any remaining tie.
 */
export function evaluateBids(items: Item[], criteria: Criteria, bids: RevealedBid[]): Evaluation {
  const all = bids.map((b) => ({ bid: b, total: bidTotal(items, b.content), reasons: nonCompliance(items, criteria, b.content) }))
  const compliant = all.filter((r) => r.reasons.length === 0)
  // reduce, not Math.min(...): a spread of a very long list overflows the stack.
  const minTotal = compliant.reduce((n, r) => (r.total < n ? r.total : n), Infinity)
  const minDays = compliant.reduce((n, r) => (r.bid.content.deliveryDays < n ? r.bid.content.deliveryDays : n), Infinity)
  const w = criteria.weights
  const scoreOf = (r: (typeof all)[number]): number | undefined => {
    if (criteria.method !== 'ratedCriteria' || !w) return undefined
    const price = r.total === 0 ? w.price * POINTS : Math.floor(w.price * POINTS * (minTotal / r.total))
    const delivery = Math.floor(w.delivery * POINTS * (minDays / r.bid.content.deliveryDays))
    const local = w.localContent * 100 * r.bid.content.localContent
    return price + delivery + local
  }
  const ranked = compliant
    .map((r) => ({ r, score: scoreOf(r) }))
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.r.total - b.r.total || a.r.bid.index - b.r.bid.index)
  const ranking: Ranked[] = [
    ...ranked.map(({ r, score }, i) => ({ supplier: r.bid.supplier, total: r.total, ...(score === undefined ? {} : { score }), compliant: true, reasons: [], rank: i + 1 })),
    ...all.filter((r) => r.reasons.length > 0).sort((a, b) => a.bid.index - b.bid.index).map((r) => ({ supplier: r.bid.supplier, total: r.total, compliant: false, reasons: r.reasons })),
  ]
  const winner = ranking[0]?.compliant ? ranking[0] : undefined
  if (!winner) return { ranking }
  const n = compliant.length
  const reasons: Words =
    criteria.method === 'priceOnly'
      ? {
          id: `Penawaran terendah yang memenuhi syarat: ${rupiah(winner.total)} (${n} dari ${bids.length} penawaran yang dibuka memenuhi syarat)`,
          en: `The lowest compliant bid: ${rupiah(winner.total)} (${n} of ${bids.length} revealed bids comply)`,
        }
      : {
          id: `Skor tertinggi ${thousands(winner.score!, '.')}/1.000.000 (harga ${w!.price}%, waktu kirim ${w!.delivery}%, TKDN ${w!.localContent}%) dengan penawaran ${rupiah(winner.total)}; ${n} dari ${bids.length} penawaran memenuhi syarat`,
          en: `The highest score, ${thousands(winner.score!, ',')}/1,000,000 (price ${w!.price}%, delivery ${w!.delivery}%, local content ${w!.localContent}%), with a bid of ${rupiah(winner.total)}; ${n} of ${bids.length} bids comply`,
        }
  return { ranking, winner, reasons }
}
