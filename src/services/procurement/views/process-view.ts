import type { AuditNote, Bid, Dispute, HistoryEntry, LocationUpdate, Payment, Process, Shipment } from '../contract/index.js'

/** A process as the procurement contract's `process` query answers it. */
export interface ProcessView {
  process: Process
  bids: Bid[]
  shipments: Shipment[]
  payments: Payment[]
  /** Disputes with their rulings (a ruling that corrects quantities gets a release). */
  disputes?: Dispute[]
}

/** The procurement contract's `process` query answer, with the process's history. */
export interface ProcessTrail {
  process: Process
  bids: Bid[]
  shipments: Shipment[]
  payments: Payment[]
  disputes: Dispute[]
  notes: AuditNote[]
  history: HistoryEntry[]
}

/** The procurement contract's `shipment` query answer. */
export interface ShipmentTrail {
  process: { id: string; org: string; title: string; supplier?: string; items?: { id: string; description: string; unit: string }[] }
  milestone?: { id: string; title: string; dueDate: string; status: string }
  shipment: Shipment
  updates: LocationUpdate[]
  payments: Payment[]
}
