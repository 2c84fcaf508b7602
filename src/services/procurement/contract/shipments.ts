import { z } from 'zod'
import { parseTime, definePolicy, defineMethod, type Policy } from 'saksi'
import type { LocationUpdate, Milestone, Process, Shipment } from './records.js'
import { awardedSupplier, supplierOfKey } from './roles.js'
import { Did, Lines, Position, ProcessId, Slug, Time } from './schemas.js'
import { addCount, keys, mustProcess, read, saveWithHistory, write } from './state.js'
import { say } from './words.js'
import { PROCUREMENT_CODES, type ProcurementContext } from './codes.js'

/** How far ahead of the block time a reported time may be (clocks of phones in the field drift). */
const CLOCK_SKEW_MS = 5 * 60_000
/** How far behind it: a phone offline for a day still reports its positions afterwards. */
const LATE_REPORT_MS = 24 * 3_600_000

/** Allows a key of the awarded supplier, or the carrier named on the shipment. */
export const shipper: Policy = definePolicy('a key of the awarded supplier, or the shipment’s carrier', (ctx) => {
  const { process, shipment } = ctx.args as { process: string; shipment: string }
  const view = ctx.view('procurement')
  const p = view.get(keys.process(process)) as Process | undefined
  const s = view.get(keys.shipment(process, shipment)) as Shipment | undefined
  if (p?.award && supplierOfKey(ctx, ctx.caller) === p.award.supplier) return undefined
  if (s?.carrier === ctx.caller) return undefined
  return { code: 'ACCESS_DENIED', message: `only the supplier awarded ${process} or the shipment's carrier records its movements` }
})

/** The active purchase order of a process, or the call fails. */
export function activeOrder(ctx: ProcurementContext, id: string): Process & { order: NonNullable<Process['order']> } {
  const p = mustProcess(ctx, id)
  if (p.order?.status !== 'active') ctx.fail('PROCUREMENT_CONTRACT_NOT_ACTIVE', `process ${id} has no active purchase order`)
  return p as Process & { order: NonNullable<Process['order']> }
}

/** The milestone `id` of the order, or the call fails. */
export function milestoneOf(ctx: ProcurementContext, p: Process, id: string): Milestone {
  return p.order?.milestones.find((m) => m.id === id) ?? ctx.fail('PROCUREMENT_MILESTONE_NOT_FOUND', `no milestone ${id} in ${p.id}`)
}

/**
 * The time a signer reports for a movement: within a day before the block and 5 minutes after it,
 * never before `after`. Reported times are information for readers; lateness is measured on the
 * block time at which the arrival was recorded, which no signer chooses.
 */
function reportedTime(ctx: ProcurementContext, at: string | undefined, after: string | undefined): string {
  const iso = at ?? ctx.time.iso
  const ms = parseTime(iso)
  if (ms > ctx.time.ms + CLOCK_SKEW_MS) ctx.fail('PROCUREMENT_LOCATION_INVALID', `${iso} is in the future`)
  if (ms < ctx.time.ms - LATE_REPORT_MS) ctx.fail('PROCUREMENT_LOCATION_INVALID', `${iso} is more than a day before it was recorded`)
  if (after !== undefined && ms < parseTime(after)) ctx.fail('PROCUREMENT_LOCATION_INVALID', `${iso} is before ${after}`)
  return iso
}

/** The most movements one shipment records (sequence numbers are padded to 5 digits for key order). */
export const MAX_UPDATES = 99_999

function appendUpdate(ctx: ProcurementContext, s: Shipment, kind: LocationUpdate['kind'], pos: { lat: number; lon: number; place: string }, at: string): Shipment {
  if (s.updates >= MAX_UPDATES) ctx.fail('PROCUREMENT_SHIPMENT_STATE', `shipment ${s.id} has recorded ${MAX_UPDATES} movements, the most it may`)
  const next = { ...s, updates: s.updates + 1 }
  const u: LocationUpdate = { seq: next.updates, lat: pos.lat, lon: pos.lon, place: pos.place, at, by: ctx.caller, recordedAt: ctx.time.iso, txId: ctx.txId, kind }
  write(ctx.state, keys.location(s.process, s.id, u.seq), u)
  return next
}

/** The shipment's latest movement: one read, however long the trail. */
function lastUpdate(ctx: ProcurementContext, s: Shipment): LocationUpdate | undefined {
  return ctx.state.range({ prefix: keys.locations(s.process, s.id), reverse: true, limit: 1 })[0]?.value as LocationUpdate | undefined
}

/**
 * `procurement.dispatch`: the awarded supplier sends goods for a milestone: what, from where, and
 * optionally the carrier's key that will record the movements. A shipment carries at most the
 * milestone's ordered quantity of an item: spares and replacements are allowed, and the inspector
 * accepts no more than was ordered in all.
 */
export const dispatch = defineMethod(PROCUREMENT_CODES, {
  description: 'Records the dispatch of a shipment for a milestone (awarded supplier only), with its first position and optional carrier key.',
  args: z.strictObject({ process: ProcessId, shipment: Slug, milestone: Slug, lines: Lines, carrier: Did.optional(), ...Position, at: Time.optional() }),
  allow: awardedSupplier,
  run(ctx, { process: id, shipment: sid, milestone: mid, lines, carrier, lat, lon, place, at }) {
    const p = activeOrder(ctx, id)
    const m = milestoneOf(ctx, p, mid)
    if (read(ctx.state, keys.shipment(id, sid))) ctx.fail('PROCUREMENT_SHIPMENT_EXISTS', `shipment ${sid} exists in ${id}`)
    if (new Set(lines.map((l) => l.item)).size !== lines.length) ctx.fail('PROCUREMENT_SHIPMENT_INVALID', 'an item is listed twice')
    let pending = m.pending
    for (const l of lines) {
      const ordered = m.lines.find((o) => o.item === l.item) ?? ctx.fail('PROCUREMENT_SHIPMENT_INVALID', `${l.item} is not in milestone ${mid}`)
      if (l.quantity > ordered.quantity) ctx.fail('PROCUREMENT_SHIPMENT_INVALID', `milestone ${mid} orders ${ordered.quantity} of ${l.item}; this shipment carries ${l.quantity}`)
      pending = addCount(pending, l.item, l.quantity)
    }
    const time = reportedTime(ctx, at, p.order.acceptedAt)
    const created: Shipment = { id: sid, process: id, milestone: mid, lines, ...(carrier ? { carrier } : {}), status: 'in-transit', dispatchedAt: time, dispatchedBy: ctx.caller, updates: 0 }
    write(ctx.state, keys.shipment(id, sid), appendUpdate(ctx, created, 'dispatch', { lat, lon, place }, time))
    p.order.milestones = p.order.milestones.map((x) => (x.id === mid ? { ...x, pending } : x))
    saveWithHistory(ctx, p, 'dispatch', say(`pengiriman ${sid} untuk tahap ${mid} berangkat dari ${place}`, `shipment ${sid} for milestone ${mid} left ${place}`))
    ctx.emit('procurement.Dispatched', { process: id, shipment: sid, milestone: mid })
  },
})

/** The arguments of a movement after dispatch. */
const Movement = z.strictObject({ process: ProcessId, shipment: Slug, ...Position, at: Time.optional() })

/**
 * Records a movement of a shipment still in transit: its reported time (after the latest one) and
 * position appended to the trail. @returns the shipment with the movement, and the reported time
 */
function move(ctx: ProcurementContext, args: z.infer<typeof Movement>, kind: 'location' | 'arrival'): { shipment: Shipment; time: string } {
  const { process: id, shipment: sid, lat, lon, place, at } = args
  const s = read<Shipment>(ctx.state, keys.shipment(id, sid)) ?? ctx.fail('PROCUREMENT_SHIPMENT_NOT_FOUND', `no shipment ${sid} in ${id}`)
  if (s.status !== 'in-transit') ctx.fail('PROCUREMENT_SHIPMENT_STATE', `shipment ${sid} has ${s.status}`)
  const time = reportedTime(ctx, at, lastUpdate(ctx, s)?.at)
  return { shipment: appendUpdate(ctx, s, kind, { lat, lon, place }, time), time }
}

/** `procurement.updateLocation`: the supplier or the carrier records where the shipment is. */
export const updateLocation = defineMethod(PROCUREMENT_CODES, {
  description: 'Records where a shipment is: coordinates, place name and time (supplier or carrier only).',
  args: Movement,
  allow: shipper,
  run(ctx, args) {
    const { shipment, time } = move(ctx, args, 'location')
    write(ctx.state, keys.shipment(args.process, args.shipment), shipment)
    ctx.emit('procurement.LocationUpdated', { process: args.process, shipment: args.shipment, place: args.place, at: time })
  },
})

/** `procurement.arrive`: the supplier or the carrier records the arrival at the receiving site. */
export const arrive = defineMethod(PROCUREMENT_CODES, {
  description: 'Records the arrival of a shipment at the receiving site (supplier or carrier only).',
  args: Movement,
  allow: shipper,
  run(ctx, args) {
    const { process: id, shipment: sid, place } = args
    const { shipment, time } = move(ctx, args, 'arrival')
    write(ctx.state, keys.shipment(id, sid), { ...shipment, status: 'arrived', arrivedAt: time, arrivalRecordedAt: ctx.time.iso })
    const p = mustProcess(ctx, id)
    saveWithHistory(ctx, p, 'arrival', say(`pengiriman ${sid} tiba di ${place}`, `shipment ${sid} arrived at ${place}`))
    ctx.emit('procurement.Arrived', { process: id, shipment: sid, at: time })
  },
})
