import type { ContractDescription } from './runtime/create-runtime.js'

/** A contract installed on the network, as `GET /v1/network` lists it. */
export type ContractInfo = ContractDescription

/** A node of a multi-node network, or a witness of the log (PROTOCOL section 7). */
export interface NetworkPeer {
  name: string
  vkey: string
  url: string
}

/**
 * Whether the answering node's committed state is what its blocks made it (an extension of
 * PROTOCOL section 7, see docs/PROTOCOL-NOTES.md): `checking` while the node recomputes its state
 * digest after opening (state reads are served, writes wait), `ok` once it matched, `corrupt` when
 * it did not or an audit failed (every write and state read is refused with `STATE_CORRUPT` until
 * an operator restores the state; the log and its proofs stay verifiable and are served).
 */
export interface StateIntegrityInfo {
  status: 'checking' | 'ok' | 'corrupt'
  /** The block whose digest was checked. */
  height?: number
  /** State entries hashed by the check. */
  entries?: number
  /** When the status was last set (protocol time). */
  since?: string
  /** `STATE_CORRUPT` when corrupt. */
  code?: string
  /** What was found, for the operator. */
  reason?: string
}

/** What `GET /v1/network` answers (PROTOCOL section 7). */
export interface NetworkInfo {
  network: string
  /** The log origin of checkpoints. */
  origin: string
  /** The answering node's checkpoint verifier key, `<origin>+<key id>+<base64>`. */
  vkey: string
  /** base64 SHA-256 of JCS(genesis document). */
  genesisHash: string
  maxValiditySeconds: number
  contracts: ContractInfo[]
  /** A network of several nodes: its members and quorum. */
  members?: NetworkPeer[]
  quorum?: number
  /** A log with witnesses: who cosigns, and how many cosignatures a checkpoint needs. */
  witnesses?: NetworkPeer[]
  witnessPolicy?: { k: number }
  /** The answering node's state integrity (an extension; see {@link StateIntegrityInfo}). */
  state?: StateIntegrityInfo
}
