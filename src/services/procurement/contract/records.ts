import type { WordsText } from 'saksi'

/** Text for citizens, in Bahasa Indonesia first and English second. */
export type Words = WordsText

/** A registered supplier or contractor (penyedia): a company with its own keys. */
export interface Supplier {
  id: string
  name: string
  /** Nomor Induk Berusaha, the business licence number (13 digits): one supplier per NIB. */
  nib: string
  /** Keys that manage the supplier's keys. */
  admins: string[]
  /** Every key that signs for the supplier (admins included). */
  keys: string[]
  registeredAt: string
}

/** A planned item: what the agency wants to buy. */
export interface Item {
  id: string
  description: string
  /** UNSPSC (or another OCDS item classification scheme) code. */
  classification?: { scheme: string; id: string; description: string }
  quantity: number
  unit: string
  /** `domestic`: must be made in Indonesia (PDN); `any`: no requirement. */
  origin: 'domestic' | 'any'
  /** The owner's estimate per unit (HPS), in Rupiah: no unit price above it is compliant. */
  unitEstimate: number
}

/** Published evaluation criteria: everything evaluation uses, fixed before any bid. */
export interface Criteria {
  /** OCDS award criteria: lowest compliant total, or a weighted score. */
  method: 'priceOnly' | 'ratedCriteria'
  /** Weights in percent adding up to 100 (ratedCriteria only). */
  weights?: { price: number; delivery: number; localContent: number }
  /** The latest delivery a bid may offer, in days after the purchase order. */
  maxDeliveryDays: number
  /** The least local content (TKDN) a bid must declare, in percent. */
  minLocalContent: number
}

/** The tender of a process. */
export interface Tender {
  title: string
  description: string
  bidDeadline: string
  revealDeadline: string
  criteria: Criteria
  publishedAt: string
  publishedBy: string
}

/** What a supplier offers, revealed after the bid deadline. */
export interface BidContent {
  prices: { item: string; unitPrice: number }[]
  deliveryDays: number
  /** Local content (TKDN) in percent. */
  localContent: number
  /** Where each item is made. */
  origin: { item: string; origin: 'domestic' | 'imported' }[]
}

/** A sealed bid: a commitment before the deadline, its content after the reveal. */
export interface Bid {
  supplier: string
  commitment: string
  committedAt: string
  committedBy: string
  /** The log index of the commitment: ties go to the earlier bid. */
  index: number
  revealed?: { content: BidContent; at: string; by: string }
}

/** One bid's result of the evaluation. */
export interface Ranked {
  supplier: string
  total: number
  /** 0-1,000,000 under ratedCriteria; under priceOnly, absent. */
  score?: number
  compliant: boolean
  /** Why a bid is not compliant, for the supplier and the public. */
  reasons: Words[]
  rank?: number
}

/** The award: computed from the published criteria, with its reasons. */
export interface Award {
  supplier: string
  total: number
  score?: number
  reasons: Words
  ranking: Ranked[]
  /** Committed bids that were never revealed (or revealed too late). */
  unrevealed: string[]
  at: string
  by: string
}

/** A line of a purchase order: an item, a quantity and the winning unit price. */
export interface OrderLine {
  item: string
  quantity: number
  unitPrice: number
}

/** A delivery milestone of a purchase order. */
export interface Milestone {
  id: string
  title: string
  /** The day (WIB) by which the goods must have arrived. */
  dueDate: string
  lines: OrderLine[]
  amount: number
  /** Quantities on their way (dispatched, not inspected yet) and accepted by inspection, by item. */
  pending: Record<string, number>
  accepted: Record<string, number>
  status: 'scheduled' | 'partiallyMet' | 'met'
  /** The open dispute that freezes this milestone's payments. */
  frozenBy?: string
}

/** Late-delivery penalty terms: per mille of the late part's value per day, capped. */
export interface PenaltyTerms {
  perDayPermille: number
  capPercent: number
}

/** The purchase order (the contract) issued to the awarded supplier. */
export interface Order {
  supplier: string
  value: number
  milestones: Milestone[]
  penalty: PenaltyTerms
  /** The organisation whose inspectors receive the goods. */
  receivingOrg: string
  /** `closed`: every milestone met and paid, closed by the officer (serah terima). */
  status: 'pending' | 'active' | 'closed'
  issuedAt: string
  issuedBy: string
  /** Log indexes of the order's steps: events of one block share its time, never an index. */
  issuedIndex: number
  acceptedAt?: string
  acceptedBy?: string
  acceptedIndex?: number
  closed?: { at: string; by: string; note: string; index: number }
  /** Penalties deducted so far (never above the cap). */
  penalties: number
  /** What the instructions not cancelled pay in all (never above `value`). */
  payable: number
}

/** A procurement process (an OCDS contracting process): plan, tender, award, order. */
export interface Process {
  id: string
  org: string
  title: string
  description: string
  budget: number
  items: Item[]
  stage: 'planning' | 'tender' | 'awarded' | 'unsuccessful' | 'cancelled' | 'contracted' | 'complete'
  /** Why and when the officer cancelled the process before an award. */
  cancelled?: { at: string; by: string; reason: string }
  plannedAt: string
  plannedBy: string
  tender?: Tender
  /** When the tender closed without a compliant bid. */
  closedAt?: string
  award?: Award
  order?: Order
  /** Entries in the process's public history so far. */
  history: number
}

/** A location update of a shipment. */
export interface LocationUpdate {
  seq: number
  lat: number
  lon: number
  place: string
  /** When the signer says the goods were there. */
  at: string
  by: string
  recordedAt: string
  /** The transaction that recorded it: its inclusion proof shows the update is in the log. */
  txId: string
  kind: 'dispatch' | 'location' | 'arrival'
}

/** What the receiving inspector found. */
export interface Inspection {
  accepted: { item: string; quantity: number }[]
  rejected: { item: string; quantity: number; reason: string }[]
  note: string
  by: string
  at: string
  /** The log index of the inspection. */
  index: number
  /** Days after the milestone's due date that the goods arrived. */
  daysLate: number
  /** Set when an arbiter's ruling replaced the inspector's accepted quantities. */
  adjustedBy?: string
  /**
   * Every change a ruling made, oldest first, with the quantities accepted before it: what was
   * accepted at any time can be told (OCDS releases are dated and never change).
   */
  adjustments?: { dispute: string; at: string; index: number; by: string; before: { item: string; quantity: number }[] }[]
}

/** A shipment of goods for one milestone, tracked from dispatch to inspection. */
export interface Shipment {
  id: string
  process: string
  milestone: string
  lines: { item: string; quantity: number }[]
  carrier?: string
  status: 'in-transit' | 'arrived' | 'inspected'
  dispatchedAt: string
  dispatchedBy: string
  /** When the signer says the goods arrived. */
  arrivedAt?: string
  /** The block time at which the arrival was recorded (or the inspection, without one): lateness counts from it. */
  arrivalRecordedAt?: string
  updates: number
  inspection?: Inspection
}

/** A payment instruction released by an inspection (or a ruling). */
export interface Payment {
  id: string
  process: string
  milestone: string
  shipment: string
  /** Accepted quantities times unit prices. */
  gross: number
  penalty: number
  amount: number
  lines: { item: string; quantity: number; unitPrice: number; amount: number }[]
  status: 'held' | 'instructed' | 'paid' | 'failed' | 'cancelled'
  attempt: number
  idempotencyKey: string
  createdAt: string
  /** The cap on penalties that was left when the payment was made (the report checks against it). */
  capLeft: number
  settledAt?: string
  /** The log index of the report that settled it (or of its creation, when nothing was due). */
  settledIndex?: number
  reference?: string
  failure?: string
}

/** A dispute on a milestone; it freezes the milestone's payments until the arbiter rules. */
export interface Dispute {
  id: string
  milestone: string
  /** `buyer` or `supplier`: who opened it. */
  side: 'buyer' | 'supplier'
  reason: string
  openedBy: string
  openedAt: string
  status: 'open' | 'resolved'
  /** The arbiter's ruling and the shipments whose accepted quantities it corrected. */
  ruling?: { reason: string; by: string; at: string; index: number; adjusted: string[] }
}

/** A signed note by an auditor. */
export interface AuditNote {
  seq: number
  subject?: string
  text: string
  by: string
  at: string
}

/** An entry of a process's public history (the trail). */
export interface HistoryEntry {
  seq: number
  at: string
  index: number
  txId: string
  by: string
  step: string
  /** What happened, in Bahasa Indonesia and English. */
  summary: Words
}
