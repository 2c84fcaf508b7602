import type { ContractDescription } from './runtime/create-runtime.js'

/** A contract installed on the network, as `GET /v1/network` lists it. */
export type ContractInfo = ContractDescription

/** A node of a multi-node network, or a witness of the log (PROTOCOL section 7). */
export interface NetworkPeer {
  name: string
  vkey: string
  url: string
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
}
