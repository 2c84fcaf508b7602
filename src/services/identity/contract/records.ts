import type { DidKey } from 'saksi'

/** How an official checked a citizen's identity. */
export const EVIDENCE_METHODS = ['ktp-in-person', 'ktp-el-chip', 'dukcapil', 'family-card', 'other'] as const

/** One of {@link EVIDENCE_METHODS}. */
export type EvidenceMethod = (typeof EVIDENCE_METHODS)[number]

/** The record of a citizen's verification by an official. */
export interface Verification {
  /** The verifying official. */
  by: DidKey
  /** Block time of the verification. */
  at: string
  method: EvidenceMethod
  /** When the evidence was checked, if earlier than `at`. */
  checkedAt?: string
  /** base64 keyed hash (HMAC-SHA-256 with the network secret) of the NIK; never the NIK itself. */
  nikHash?: string
}

/** A citizen identity, as `identity.get` answers it (state key `citizen/<did>`). */
export interface CitizenRecord {
  did: DidKey
  /** A public label the registrant chose (an organisation's or business's name, a pseudonym), never a legal name; absent when none. */
  name?: string
  status: 'unverified' | 'verified'
  registeredAt: string
  verification?: Verification
  /** The key this identity was rotated from, if any. */
  rotatedFrom?: DidKey
}

/** Whether a key may act: `active`, or dead because it was `revoked` or `rotated` away. */
export type KeyStatus = 'active' | 'revoked' | 'rotated'

/**
 * What `identity.get` answers: the citizen record plus the status of the key it is held under, so
 * that a reader never takes a dead key's record for a live identity. `successor` only when rotated.
 */
export type CitizenAnswer = CitizenRecord & { keyStatus: KeyStatus; successor?: DidKey }

/** A key that can no longer act (state key `key/<did>`); absent means active. */
export type KeyRecord =
  | { did: DidKey; status: 'rotated'; successor: DidKey; at: string }
  | { did: DidKey; status: 'revoked'; by: DidKey; at: string; reason?: string }

/** An organisation (agency), from the genesis document (state key `org/<id>`). */
export interface Organisation {
  id: string
  name: string
  createdAt: string
  /**
   * The roles its admins may grant besides `identity.admin` (always grantable), sorted. Absent
   * when there are none, so that a genesis document without grants seeds the same state as before.
   */
  grants?: string[]
  /** What kind of body it is (`dinas`, `badan`, ...), when its genesis entry says. */
  kind?: string
}

/** A key's membership of an organisation (state key `member/<org>/<did>`). */
export interface Membership {
  org: string
  did: DidKey
  /** Sorted, without repeats. `identity.admin` makes the member an admin. */
  roles: string[]
  since: string
  /** The admin who added the member, or `genesis`. */
  addedBy: DidKey | 'genesis'
}
