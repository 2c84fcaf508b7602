import type { Registry } from 'prom-client'
import type { SignedBlock, JsonObject, JsonValue, NetworkInfo, PendingReceipt, Policy, PolicyRequest, Receipt, Refusal, SimulatedReceipt } from 'saksi'

export type { NetworkInfo, PendingReceipt, SimulatedReceipt }


/** Why block production stopped: the watchdog interrupted a block. */
export interface NodeHalt {
  /** `EXECUTION_TIMEOUT`. */
  code: string
  /** What was interrupted and what it means, for the operator. */
  message: string
  /** When it happened (RFC 3339). */
  since: string
  /** Admitted transactions held uncommitted: the interrupted block's and those queued after it. */
  held: number
}

/** `GET /v1/health`: whether the node produces blocks, and how far its log is. */
export interface NodeHealth {
  /** `ok`, or `halted` after the watchdog interrupted a block (reads are still answered). */
  status: 'ok' | 'halted'
  /** Height of the latest committed block. */
  height: number
  /** Committed log size. */
  size: number
  /** Admitted transactions not yet committed. */
  pending: number
  /** Present when halted. */
  halt?: NodeHalt
}

/** Who submits a transaction, for the admission limits. */
export interface SubmitOptions {
  /** The client's network address (the API's socket peer); absent for in-process callers. */
  client?: string
}

/** Called with each committed receipt, in log order. */
export type ReceiptListener = (receipt: Receipt) => void

/**
 * The running node as the HTTP API (and in-process callers) see it. The API layer only translates
 * HTTP to these calls; every rule lives behind this interface.
 *
 * Errors are `SaksiError`s with stable codes; the API's error handler maps them to statuses by
 * the kind the message catalogue gives each code: `TX_*` parse codes → 400, `TX_TOO_LARGE` → 413,
 * `TX_BAD_SIGNATURE` → 401, `TX_WRONG_NETWORK` / `TX_EXPIRED` / `TX_TOO_FAR_AHEAD` → 422,
 * `TX_DUPLICATE` → 409 (details.txId), `NODE_OVERLOADED` → 503 (details.retryAfterSeconds),
 * not_found codes (`ENTRY_NOT_FOUND`, `NOT_FOUND`, ...) → 404.
 */
export interface SaksiNode {
  /** Network description for `GET /v1/network`. */
  info(): NetworkInfo

  /** Whether blocks are produced, for `GET /v1/health` (an extension, docs/PROTOCOL-NOTES.md). */
  health(): NodeHealth

  /**
   * The genesis document, served at `GET /v1/genesis` (an extension of PROTOCOL section 7: its JCS
   * SHA-256 is `info().genesisHash`, so an auditor can check it and re-execute from it).
   */
  genesis(): JsonObject

  /**
   * Admits a transaction envelope: parse, network and expiry window, screening, duplicate and
   * signature checks, then queues it for the next block.
   * @param body the envelope's JSON text or bytes (at most 64 KiB)
   * @param options the client's address, for its rate limit
   * @returns the transaction id once admitted
   * @throws SaksiError `TX_*`, `JSON_*`, `TX_DUPLICATE`, `NODE_OVERLOADED`, `NODE_CLOSED`, `NODE_HALTED`, and
   *   the admission limits' `RATE_LIMITED` (details.scope, details.retryAfterSeconds), `ARGS_TOO_LARGE`,
   *   `SIGNER_NOT_REGISTERED`
   */
  submit(body: string | Uint8Array, options?: SubmitOptions): Promise<{ txId: string }>

  /**
   * Executes a transaction envelope on the committed head without committing it or reserving its
   * txId (PROTOCOL-NOTES "Preflight"): the same checks as {@link submit} (the client's bucket
   * included; not the per-key bucket nor the failed-call cap), then the call, read-only. The same
   * envelope may be simulated any number of times, then submitted.
   * @param body the envelope's JSON text or bytes (at most 64 KiB)
   * @param options the client's address, for its rate limit
   * @returns the would-be receipt, with `explanation` for a call refused on its access decision
   * @throws SaksiError what {@link submit} throws for the same envelope (but `NODE_OVERLOADED` and
   *   `NODE_HALTED`), and `STATE_CORRUPT` as reads do
   */
  simulate(body: string | Uint8Array, options?: SubmitOptions): Promise<SimulatedReceipt>

  /**
   * Resolves with the receipt once `txId` is committed, or `undefined` after `timeoutMs`.
   */
  waitForReceipt(txId: string, timeoutMs: number): Promise<Receipt | undefined>

  /** The receipt of a committed transaction, `pending` for an admitted one, `undefined` if unknown. */
  receipt(txId: string): Promise<Receipt | PendingReceipt | undefined>

  /** The latest signed checkpoint (C2SP note text). */
  checkpoint(): Promise<string>

  /** Current log size (committed entries). */
  size(): number

  /** The exact bytes of entry `index`. @throws NotFoundError `ENTRY_NOT_FOUND` */
  entry(index: number): Promise<Uint8Array>

  /**
   * Inclusion proof of entry `index` in the tree of `size` entries.
   * @throws ValidationError `PROOF_RANGE_INVALID` (index >= size, size > log size, bad numbers)
   */
  inclusionProof(index: number, size: number): Promise<Uint8Array[]>

  /** Consistency proof between sizes. @throws ValidationError `PROOF_RANGE_INVALID` */
  consistencyProof(from: number, to: number): Promise<Uint8Array[]>

  /** A signed block by height, or the latest. @throws NotFoundError `BLOCK_NOT_FOUND` */
  block(height: number | 'latest'): Promise<SignedBlock>

  /**
   * Runs a read-only contract query against committed state. Asynchronous because the state it
   * reads may first have to be loaded from the store (a network database).
   * @returns the query's answer
   * @throws SaksiError `CONTRACT_UNKNOWN` / `QUERY_UNKNOWN` / `NOT_FOUND` (not_found kind), `ARGS_INVALID`
   */
  query(contract: string, query: string, args: Record<string, JsonValue>): Promise<JsonValue>

  /**
   * Who may ask a query over HTTP: the policy the query declares (`allow`), or undefined for a
   * public query or one that does not exist (`query` then answers its not_found code). The API
   * checks it for the reader's session; in-process callers (followers, demos) are not gated.
   */
  queryPolicy(contract: string, query: string): Policy | undefined

  /**
   * Checks an action that is not a transaction (a signed request) against its declared policy on
   * committed state, with the directory contract calls see (`Runtime.authorize`).
   * @returns undefined to allow, or the refusal (`ACCESS_DENIED`, ...)
   */
  authorize(policy: Policy, request: PolicyRequest): Promise<Refusal | undefined>

  /**
   * Committed receipts of log indexes `[from, to)` in order, read from storage: one page of an
   * event stream's replay (the caller bounds the page). Indexes past the log are left out.
   */
  readReceipts(from: number, to: number): Promise<Receipt[]>

  /**
   * Streams committed receipts from log index `from` (replaying the past, then live), in order.
   * @returns a function that stops the stream
   */
  subscribe(from: number, listener: ReceiptListener): () => void

  /** Prometheus metrics of this node. */
  readonly metrics: Registry

  /** Stops admission, finishes the block in progress, closes storage. */
  close(): Promise<void>
}
