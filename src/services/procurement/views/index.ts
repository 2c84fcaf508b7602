/**
 * Browser-safe views of procurement, for the API, the CLI and the web app: the query answers'
 * shapes, words and formatting, and the OCDS 1.1 releases built from a process.
 */
export type { ProcessTrail, ProcessView, ShipmentTrail } from './process-view.js'
export { label, MILESTONE_WORDS, MOVEMENT_WORDS, SHIPMENT_STATUS_WORDS, STAGE_WORDS } from './procurement-words.js'
export { rupiah } from '../contract/index.js'
export type { AuditNote, Award, Bid, BidContent, ConsistencyReport, Dispute, HistoryEntry, Item, LocationUpdate, Milestone, Order, Payment, Process, Shipment, Supplier } from '../contract/index.js'
export { recordPackage, releasePackage, type OcdsPublisher } from './ocds/ocds-packages.js'
export { compiledRelease, ocidOf, processReleases, type OcdsNames, type OcdsRelease } from './ocds/ocds-releases.js'
