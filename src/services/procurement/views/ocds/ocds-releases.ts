import { dueEnd, rupiah } from '../../contract/index.js'
import type { Item, Milestone, Payment, Process } from '../../contract/index.js'
import type { ProcessView } from '../process-view.js'
import { formatTime } from 'saksi'

/** An OCDS 1.1 release (https://standard.open-contracting.org/1.1/en/schema/release/). */
export type OcdsRelease = Record<string, unknown> & { ocid: string; id: string; date: string; tag: string[] }

/** Names the mapping needs beside the process: organisations (identity) and suppliers (procurement). */
export interface OcdsNames {
  organisation(id: string): string
  supplier(id: string): string
}

/** The ocid of a process: the publisher's registered prefix and the process id. */
export function ocidOf(prefix: string, process: string): string {
  return `${prefix}-${process}`
}

const IDR = (amount: number) => ({ amount, currency: 'IDR' })
const orgParty = (id: string) => `org-${id}`
const supplierParty = (id: string) => `supplier-${id}`
const byDate = (a: OcdsRelease, b: OcdsRelease) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)

function item(i: Item, unitPrice?: number, quantity = i.quantity) {
  return {
    id: i.id,
    description: i.description,
    ...(i.classification ? { classification: i.classification } : {}),
    quantity,
    unit: { name: i.unit, value: IDR(unitPrice ?? i.unitEstimate) },
  }
}

function tenderStatus(p: Process): string {
  if (p.stage === 'planning') return 'planned'
  if (p.stage === 'tender') return 'active'
  if (p.stage === 'cancelled') return 'cancelled'
  return p.stage === 'unsuccessful' ? 'unsuccessful' : 'complete'
}

function criteriaDetails(p: Process): string {
  const c = p.tender!.criteria
  const w = c.weights
  const scoring = c.method === 'ratedCriteria' && w ? `Skor: harga ${w.price}%, waktu kirim ${w.delivery}%, TKDN ${w.localContent}% (score: price, delivery time, local content)` : 'Harga terendah yang memenuhi syarat (lowest compliant price)'
  return `${scoring}. Syarat: harga satuan tidak melebihi HPS, pengiriman paling lama ${c.maxDeliveryDays} hari, TKDN minimal ${c.minLocalContent}%, asal barang sesuai rencana (requirements: unit prices within the owner's estimate, delivery within ${c.maxDeliveryDays} days, local content of at least ${c.minLocalContent}%, required origin).`
}

/** A milestone's progress over time: cumulative figures after each inspection or payment, in time order. */
interface Step<T> {
  at: string
  /** The log index of the entry that made the step: one block's entries share a time, never an index. */
  index: number
  value: T
}

/** Progress of every milestone, computed once per export: each release then looks it up by date. */
interface Progress {
  /** Accepted quantities by item, cumulative, after each inspection. */
  deliveries: Map<string, Step<Map<string, number>>[]>
  /** Gross amount paid (penalties included), cumulative, after each payment. */
  payments: Map<string, Step<number>[]>
}

type Lines = { item: string; quantity: number }[]

/**
 * What each inspected shipment had accepted over time: the inspector's figures from the
 * inspection, then each ruling's, so that a release dated before a ruling shows what was true then.
 */
function acceptanceEvents(view: ProcessView): { at: string; index: number; milestone: string; shipment: string; accepted: Lines }[] {
  return view.shipments
    .filter((s) => s.inspection)
    .flatMap((s) => {
      const i = s.inspection!
      const changes = i.adjustments ?? []
      const versions = [{ at: i.at, index: i.index }, ...changes.map((c) => ({ at: c.at, index: c.index }))]
      return versions.map((v, k) => ({ ...v, milestone: s.milestone, shipment: s.id, accepted: changes[k]?.before ?? i.accepted }))
    })
    .sort((a, b) => a.index - b.index)
}

function progressOf(view: ProcessView): Progress {
  const deliveries = new Map<string, Step<Map<string, number>>[]>()
  const current = new Map<string, Lines>()
  for (const e of acceptanceEvents(view)) {
    const steps = deliveries.get(e.milestone) ?? []
    const counts = new Map(steps.at(-1)?.value ?? [])
    for (const a of current.get(e.shipment) ?? []) counts.set(a.item, (counts.get(a.item) ?? 0) - a.quantity)
    for (const a of e.accepted) counts.set(a.item, (counts.get(a.item) ?? 0) + a.quantity)
    current.set(e.shipment, e.accepted)
    steps.push({ at: e.at, index: e.index, value: counts })
    deliveries.set(e.milestone, steps)
  }
  const payments = new Map<string, Step<number>[]>()
  for (const x of view.payments.filter((y) => y.status === 'paid').sort((a, b) => a.settledIndex! - b.settledIndex!)) {
    const steps = payments.get(x.milestone) ?? []
    steps.push({ at: x.settledAt!, index: x.settledIndex!, value: (steps.at(-1)?.value ?? 0) + x.gross })
    payments.set(x.milestone, steps)
  }
  return { deliveries, payments }
}

/** The position of the last step made at or before log index `pos` (-1 if none): a binary search. */
function stepAt<T>(steps: Step<T>[], pos: number): number {
  let lo = 0
  let hi = steps.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (steps[mid]!.index <= pos) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

function deliveryMilestone(progress: Progress, m: Milestone, pos: number) {
  const steps = progress.deliveries.get(m.id) ?? []
  const i = stepAt(steps, pos)
  const isMet = (counts: Map<string, number>) => m.lines.every((l) => (counts.get(l.item) ?? 0) >= l.quantity)
  const counts = steps[i]?.value ?? new Map<string, number>()
  const met = isMet(counts)
  const status = met ? 'met' : m.lines.some((l) => (counts.get(l.item) ?? 0) > 0) ? 'partiallyMet' : 'scheduled'
  return {
    id: `${m.id}-delivery`,
    title: m.title,
    type: 'delivery',
    dueDate: formatTime(dueEnd(m.dueDate)),
    status,
    ...(met ? { dateMet: steps.find((x) => isMet(x.value))!.at } : {}),
    ...(i >= 0 ? { dateModified: steps[i]!.at } : {}),
  }
}

function paymentMilestone(progress: Progress, m: Milestone, pos: number) {
  const steps = progress.payments.get(m.id) ?? []
  const i = stepAt(steps, pos)
  // A milestone's payment is met when the bank paid for every ordered unit (penalties deducted).
  const covered = steps[i]?.value ?? 0
  const status = covered >= m.amount ? 'met' : covered > 0 ? 'partiallyMet' : 'scheduled'
  return {
    id: `${m.id}-payment`,
    title: `Pembayaran: ${m.title}`,
    type: 'payment',
    description: `${m.lines.map((l) => `${l.quantity} ${l.item}`).join(', ')}: ${rupiah(m.amount)}, dibayar sesuai jumlah yang diterima, dikurangi denda keterlambatan (paid for the quantities accepted, less late penalties)`,
    status,
    ...(status === 'met' ? { dateMet: steps.find((x) => x.value >= m.amount)!.at } : {}),
    ...(i >= 0 ? { dateModified: steps[i]!.at } : {}),
  }
}

function transaction(p: Process, x: Payment, names: OcdsNames) {
  return {
    id: x.id,
    date: x.settledAt,
    value: IDR(x.amount),
    payer: { id: orgParty(p.org), name: names.organisation(p.org) },
    payee: { id: supplierParty(p.order!.supplier), name: names.supplier(p.order!.supplier) },
  }
}

/** The parties as of log index `pos`: the receiving organisation appears with the purchase order. */
function parties(view: ProcessView, names: OcdsNames, withTenderers: boolean, pos: number) {
  const p = view.process
  const buyer = { id: orgParty(p.org), name: names.organisation(p.org), roles: ['buyer', 'procuringEntity', 'payer'] }
  const receiving = p.order && p.order.issuedIndex <= pos && p.order.receivingOrg !== p.org ? [{ id: orgParty(p.order.receivingOrg), name: names.organisation(p.order.receivingOrg), roles: ['interestedParty'] }] : []
  const tenderers = withTenderers
    ? view.bids.map((b) => ({ id: supplierParty(b.supplier), name: names.supplier(b.supplier), roles: p.award?.supplier === b.supplier ? ['tenderer', 'supplier', 'payee'] : ['tenderer'] }))
    : []
  return [buyer, ...receiving, ...tenderers]
}

function contractOf(view: ProcessView, progress: Progress, names: OcdsNames, pos: number, full: boolean) {
  const p = view.process
  const o = p.order!
  const lines = new Map<string, { quantity: number; unitPrice: number }>()
  for (const m of o.milestones) for (const l of m.lines) lines.set(l.item, { quantity: (lines.get(l.item)?.quantity ?? 0) + l.quantity, unitPrice: l.unitPrice })
  const milestones = o.milestones.flatMap((m) => [deliveryMilestone(progress, m, pos), paymentMilestone(progress, m, pos)])
  const paid = view.payments.filter((x) => x.status === 'paid' && x.settledIndex! <= pos).sort((a, b) => a.settledIndex! - b.settledIndex!)
  const signed = o.acceptedIndex !== undefined && o.acceptedIndex <= pos
  // OCDS `terminated`: the contract was in force and has come to a close (here: fulfilled).
  const closed = o.closed !== undefined && o.closed.index <= pos
  return {
    id: `${p.id}-contract`,
    awardID: `${p.id}-award`,
    title: `Surat pesanan: ${p.title}`,
    status: closed ? 'terminated' : signed ? 'active' : 'pending',
    ...(full
      ? {
          value: IDR(o.value),
          items: p.items.map((i) => item(i, lines.get(i.id)?.unitPrice, lines.get(i.id)?.quantity)),
          period: { startDate: o.issuedAt, endDate: formatTime(Math.max(...o.milestones.map((m) => dueEnd(m.dueDate)))) },
        }
      : {}),
    ...(signed ? { dateSigned: o.acceptedAt } : {}),
    milestones,
    ...(paid.length ? { implementation: { transactions: paid.map((x) => transaction(p, x, names)) } } : {}),
  }
}

/**
 * The OCDS releases of one process, oldest first: planning, tender, award (or the unsuccessful
 * tender), contract, contract signature, then one implementation release per inspection and per
 * payment made, each with only what changed then. Each release holds the process as it stood at
 * its date, so its content does not change as the process goes on; ids are stable.
 */
export function processReleases(prefix: string, view: ProcessView, names: OcdsNames): OcdsRelease[] {
  const p = view.process
  const ocid = ocidOf(prefix, p.id)
  const base = (tag: string, date: string, suffix = tag) => ({ ocid, id: `${ocid}-${suffix}`, date, tag: [tag], initiationType: 'tender', language: 'id', buyer: { id: orgParty(p.org), name: names.organisation(p.org) } })
  const planned = {
    rationale: p.description,
    budget: { id: `${p.id}-budget`, description: `Pagu anggaran ${p.title}`, amount: IDR(p.budget) },
  }
  const tenderBase = { id: p.id, title: p.title, items: p.items.map((i) => item(i)), value: IDR(p.budget), procurementMethod: 'open', mainProcurementCategory: 'goods', procuringEntity: { id: orgParty(p.org), name: names.organisation(p.org) } }
  // Stages before the order come first at equal times (-Infinity); later ones by log index.
  const placed: { release: OcdsRelease; pos: number }[] = []
  const releases = { push: (release: OcdsRelease, pos = -Infinity) => placed.push({ release, pos }) }
  const before = -Infinity
  releases.push({ ...base('planning', p.plannedAt), parties: parties(view, names, false, before), planning: planned, tender: { ...tenderBase, status: 'planned' } })
  const t = p.tender
  if (t) {
    releases.push({
      ...base('tender', t.publishedAt),
      parties: parties(view, names, false, before),
      tender: {
        ...tenderBase,
        title: t.title,
        description: t.description,
        status: 'active',
        procurementMethodDetails: 'Tender terbuka, penawaran tertutup: komitmen hash sebelum batas penawaran, dibuka sebelum batas pembukaan (open tender with sealed bids: hash commitment, then reveal)',
        awardCriteria: t.criteria.method,
        awardCriteriaDetails: criteriaDetails(p),
        submissionMethod: ['electronicSubmission'],
        submissionMethodDetails: `Komitmen sampai ${t.bidDeadline}, pembukaan sampai ${t.revealDeadline} (commitments until the bid deadline, reveals until the reveal deadline)`,
        tenderPeriod: { startDate: t.publishedAt, endDate: t.bidDeadline },
        awardPeriod: { startDate: t.revealDeadline },
      },
    })
  }
  if (p.cancelled) {
    releases.push({ ...base('tenderCancellation', p.cancelled.at), parties: parties(view, names, t !== undefined, before), tender: { id: p.id, status: 'cancelled', ...(t ? { tenderers: view.bids.map((b) => ({ id: supplierParty(b.supplier), name: names.supplier(b.supplier) })), numberOfTenderers: view.bids.length } : {}), description: `Dibatalkan (cancelled): ${p.cancelled.reason}` } })
  }
  const closed = p.award?.at ?? p.closedAt
  if (t && closed) {
    const tenderers = view.bids.map((b) => ({ id: supplierParty(b.supplier), name: names.supplier(b.supplier) }))
    const a = p.award
    const bid = a && view.bids.find((b) => b.supplier === a.supplier)?.revealed?.content
    releases.push({
      ...base(a ? 'award' : 'tenderUpdate', closed),
      ...(a ? { tag: ['award', 'tenderUpdate'] } : {}),
      parties: parties(view, names, true, before),
      tender: { id: p.id, status: tenderStatus({ ...p, stage: a ? 'awarded' : 'unsuccessful' }), numberOfTenderers: tenderers.length, tenderers },
      ...(a
        ? {
            awards: [
              {
                id: `${p.id}-award`,
                title: `Pemenang: ${names.supplier(a.supplier)}`,
                description: `${a.reasons.id} (${a.reasons.en})`,
                status: 'active',
                date: a.at,
                value: IDR(a.total),
                suppliers: [{ id: supplierParty(a.supplier), name: names.supplier(a.supplier) }],
                items: p.items.map((i) => item(i, bid?.prices.find((x) => x.item === i.id)?.unitPrice)),
              },
            ],
          }
        : {}),
    })
  }
  const o = p.order
  if (o) {
    const progress = progressOf(view)
    releases.push({ ...base('contract', o.issuedAt), parties: parties(view, names, true, o.issuedIndex), contracts: [contractOf(view, progress, names, o.issuedIndex, true)] }, o.issuedIndex)
    if (o.acceptedAt) releases.push({ ...base('contractUpdate', o.acceptedAt), contracts: [contractOf(view, progress, names, o.acceptedIndex!, false)] }, o.acceptedIndex!)
    if (o.closed) {
      const c = o.closed
      releases.push({ ...base('contractTermination', c.at), contracts: [{ ...contractOf(view, progress, names, c.index, false), description: `Selesai dan diserahterimakan (fulfilled and handed over): ${c.note}` }] }, c.index)
    }
    // Implementation releases carry only what changed (OCDS merges arrays of objects by id into the
    // compiled release): an inspection moves its delivery milestone, a payment adds its transaction
    // and moves its payment milestone. A package stays proportional to the process, not its square.
    const ref = { id: `${p.id}-contract`, awardID: `${p.id}-award` }
    for (const s of view.shipments.filter((x) => x.inspection)) {
      const m = o.milestones.find((x) => x.id === s.milestone)!
      const i = s.inspection!
      releases.push({ ...base('implementation', i.at, `inspection-${s.id}`), contracts: [{ ...ref, milestones: [deliveryMilestone(progress, m, i.index)] }] }, i.index)
    }
    // A ruling that corrected accepted quantities moves its milestone: a release of its own.
    for (const d of (view.disputes ?? []).filter((y) => y.ruling && y.ruling.adjusted.length > 0)) {
      const m = o.milestones.find((y) => y.id === d.milestone)!
      const r = d.ruling!
      releases.push({ ...base('implementation', r.at, `ruling-${d.id}`), contracts: [{ ...ref, milestones: [deliveryMilestone(progress, m, r.index)] }] }, r.index)
    }
    for (const x of view.payments.filter((y) => y.status === 'paid')) {
      const m = o.milestones.find((y) => y.id === x.milestone)!
      releases.push({
        ...base('implementation', x.settledAt!, `payment-${x.id.replace('/', '-')}`),
        contracts: [{ ...ref, milestones: [paymentMilestone(progress, m, x.settledIndex!)], implementation: { transactions: [transaction(p, x, names)] } }],
      }, x.settledIndex!)
    }
  }
  // Array.prototype.sort is stable: equal dates and positions keep the order they were built in.
  return placed.sort((a, b) => byDate(a.release, b.release) || (a.pos === b.pos ? 0 : a.pos < b.pos ? -1 : 1)).map((x) => x.release)
}

/**
 * The compiled release of a process: its latest state in one release (tag `compiled`), as the
 * record's `compiledRelease`.
 * @param releases the process's releases, when the caller has them already
 */
export function compiledRelease(prefix: string, view: ProcessView, names: OcdsNames, releases = processReleases(prefix, view, names)): OcdsRelease {
  const p = view.process
  const last = releases.at(-1)!
  const tender = Object.assign({}, ...releases.map((r) => r.tender ?? {})) as Record<string, unknown>
  return {
    ocid: last.ocid,
    id: `${last.ocid}-compiled-${releases.length}`,
    date: last.date,
    tag: ['compiled'],
    initiationType: 'tender',
    language: 'id',
    buyer: last.buyer,
    parties: parties(view, names, p.tender !== undefined && (p.award !== undefined || p.closedAt !== undefined || p.cancelled !== undefined), Infinity),
    planning: releases[0]!.planning,
    tender: { ...tender, status: tenderStatus(p) },
    ...(releases.some((r) => r.awards) ? { awards: releases.find((r) => r.awards)!.awards } : {}),
    ...(p.order ? { contracts: [contractOf(view, progressOf(view), names, Infinity, true)] } : {}),
  }
}
