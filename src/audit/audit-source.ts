import type { JsonObject, JsonValue } from 'saksi'

/** The latest state of the log that an audit covers. */
export interface AuditHead {
  /** The latest signed checkpoint (C2SP note text). */
  checkpoint: string
  /** The height of the latest block, read after the checkpoint: the audit walks blocks 0 to here. */
  height: number
}

/** One stored state key and value. */
export interface AuditStateEntry {
  key: string
  value: JsonValue
}

/** Proofs a node serves over HTTP, for spot checks of its proof endpoints. */
export interface AuditProofs {
  /** `GET /v1/log/proof/inclusion?index&size`: the proof's base64 hashes. */
  inclusion(index: number, size: number): Promise<string[]>
  /** `GET /v1/log/proof/consistency?from&to`: the proof's base64 hashes. */
  consistency(from: number, to: number): Promise<string[]>
}

/**
 * What an audit reads, from a node over HTTP or from a data directory. Values are returned raw
 * (`unknown`, bytes, text): the audit trusts nothing a source says until it has checked it.
 * A source pages: an audit never asks for more than a bounded number of entries at once.
 */
export interface AuditSource {
  /** What is audited, for messages (a URL or a directory). */
  readonly label: string
  /**
   * The genesis document the auditor trusts, and what the source itself claims about the network
   * (checked against it).
   */
  genesis(): Promise<{ document: JsonObject; claimedGenesisHash?: string; claimedVkey?: string }>
  /** The latest checkpoint and block height. */
  head(): Promise<AuditHead>
  /** The signed block at `height` as JSON (`{header, sig}`), or `undefined` if the source has none. */
  block(height: number): Promise<unknown>
  /** The exact bytes of entries `from` (inclusive) to `to` (exclusive); fewer only past the end of the log. */
  entries(from: number, to: number): Promise<Uint8Array[]>
  /** The checkpoint signed after block `height`, when the source keeps every checkpoint (a data directory). */
  checkpointAt?(height: number): Promise<string | undefined>
  /**
   * Stored contract state of `contract` in key order, keys after `after` (exclusive; '' from the
   * start), at most `limit`: when the source holds the state (a data directory).
   */
  stateRange?(contract: string, after: string, limit: number): Promise<AuditStateEntry[]>
  /** The head height now, to tell whether state moved while it was audited (a data directory). */
  currentHeight?(): Promise<number>
  /** The node's proof endpoints (over HTTP). */
  readonly proofs?: AuditProofs
  /** Releases what the source holds open. */
  close(): Promise<void>
}
