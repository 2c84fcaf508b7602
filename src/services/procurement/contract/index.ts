/** The procurement contract. */
export { procurement } from './procurement.js'
export { PROCUREMENT_CODES, type ProcurementCode } from './codes.js'
export { ROLES as PROCUREMENT_ROLES } from './roles.js'
export { bidCommitment } from './bid-commitment.js'
export type { Process, Supplier, Bid, BidContent, Award, Order, Milestone, Shipment, LocationUpdate, Payment, Dispute, AuditNote, HistoryEntry, Item } from './records.js'
export type { ConsistencyReport } from './consistency.js'
