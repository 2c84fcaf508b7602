import type { JsonValue, StateAccess, StateReader } from 'saksi'
import type { HistoryEntry, Process, Words } from './records.js'
import type { ProcurementContext } from './codes.js'

// State layout of the procurement contract. Ids are printable ASCII without spaces; sequence
// numbers are padded so that key order is numeric order.
const pad = (n: number, width: number) => String(n).padStart(width, '0')

export const keys = {
  supplier: (id: string) => `supplier/${id}`,
  suppliers: () => 'supplier/',
  /** Which supplier a key signs for (value: the supplier id); the policies read it too. */
  supplierKey: (did: string) => `supkey/${did}`,
  /** An invitation for a key to sign for a supplier (value: `{admin, by, at}`). */
  invite: (did: string, supplier: string) => `invite/${did}/${supplier}`,
  /** Which supplier registered a business licence number (value: the supplier id). */
  nib: (nib: string) => `nib/${nib}`,
  process: (p: string) => `proc/${p}`,
  processes: () => 'proc/',
  bid: (p: string, supplier: string) => `bid/${p}/${supplier}`,
  bids: (p: string) => `bid/${p}/`,
  shipment: (p: string, s: string) => `ship/${p}/${s}`,
  shipments: (p: string) => `ship/${p}/`,
  location: (p: string, s: string, seq: number) => `loc/${p}/${s}/${pad(seq, 5)}`,
  locations: (p: string, s: string) => `loc/${p}/${s}/`,
  payment: (p: string, id: string) => `pay/${p}/${id}`,
  payments: (p: string) => `pay/${p}/`,
  dispute: (p: string, id: string) => `dispute/${p}/${id}`,
  disputes: (p: string) => `dispute/${p}/`,
  note: (p: string, seq: number) => `note/${p}/${pad(seq, 5)}`,
  notes: (p: string) => `note/${p}/`,
  history: (p: string, seq: number) => `hist/${p}/${pad(seq, 6)}`,
  histories: (p: string) => `hist/${p}/`,
}

/** Reads a value written by this contract under `key`, typed by the caller. */
export function read<T>(state: StateReader, key: string): T | undefined {
  return state.get(key) as T | undefined
}

/** Writes a record. */
export function write(state: StateAccess, key: string, value: unknown): void {
  state.put(key, value as JsonValue)
}

/** Every value under a key prefix, in key order. */
export function list<T>(state: StateReader, prefix: string, limit?: number): T[] {
  return state.range({ prefix, limit }).map((e) => e.value as T)
}

/** The process, or the call fails with PROCUREMENT_PROCESS_NOT_FOUND. Returns a copy to change. */
export function mustProcess(ctx: ProcurementContext, id: string): Process {
  const p = read<Process>(ctx.state, keys.process(id)) ?? ctx.fail('PROCUREMENT_PROCESS_NOT_FOUND', `no process ${id}`)
  return structuredClone(p)
}

/**
 * Saves the process and appends one entry to its public history: what happened, when, in which
 * transaction and by whom, for the trail that citizens and auditors read.
 */
export function saveWithHistory(ctx: ProcurementContext, p: Process, step: string, summary: Words): void {
  p.history++
  const entry: HistoryEntry = { seq: p.history, at: ctx.time.iso, index: ctx.index, txId: ctx.txId, by: ctx.caller, step, summary }
  write(ctx.state, keys.history(p.id, p.history), entry)
  write(ctx.state, keys.process(p.id), p)
}

/** A count kept by item id; absent items count 0 (never a property inherited from Object). */
export function countOf(counts: Record<string, number>, item: string): number {
  return Object.hasOwn(counts, item) ? counts[item]! : 0
}

/** `counts` with `delta` added for `item` (a new object; state values are frozen). */
export function addCount(counts: Record<string, number>, item: string, delta: number): Record<string, number> {
  const next = { ...counts, [item]: countOf(counts, item) + delta }
  if (next[item] === 0) delete next[item]
  return next
}
