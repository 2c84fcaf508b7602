import { parseTime } from '../encoding/time.js'
import { ValidationError } from '../errors.js'
import { nextStateDigest } from '../block/block-header.js'
import { encodeEntry, type Entry, type EntryResult } from '../log/entry.js'
import { StateOverlay } from '../state/state-overlay.js'
import type { StateStore, StateWrite } from '../state/state-store.js'
import type { ParsedEnvelope } from '../tx/types.js'
import type { Runtime } from './create-runtime.js'
import { receiptOf, type Receipt } from './receipt.js'
import { entryWritesField, hashWriteJcsList, writeJcs } from './write-set.js'
import { toBase64 } from '../encoding/base64.js'
import { isBytes } from '../encoding/bytes.js'

/** What {@link executeBlock} takes. */
export interface ExecuteBlockInput {
  runtime: Runtime
  /** Committed state after the previous block. Only read: the caller persists `writes`. */
  state: StateStore
  /** The block's height (>= 1; block 0 is genesis, see `executeGenesis`). */
  height: number
  /** The block's time, RFC 3339 UTC with milliseconds; the only clock contracts see. */
  time: string
  /** Log index of the block's first entry (the log size before the block). */
  firstIndex: number
  /** Admitted transactions in commit order: parsed, signature-checked, screened, not expired at `time`. */
  txs: readonly ParsedEnvelope[]
  /** The previous block's `stateDigest` (for block 1, the genesis block's). */
  prevStateDigest: Uint8Array
  /** The network's rules version (the genesis document's `rules`; default 1). */
  rules?: number
}

/** What a block's execution produced. */
export interface BlockExecution {
  /** One entry per transaction, in order (PROTOCOL section 4). */
  entries: Entry[]
  /** The exact bytes of each entry, JCS; the leaf hash is SHA-256(0x00 ‖ bytes). */
  entryBytes: Uint8Array[]
  /** One receipt per entry. */
  receipts: Receipt[]
  /** The block's ordered write set: each entry's sorted writes, in entry order. Persist it with the block. */
  writes: StateWrite[]
  /** SHA-256(JCS(writes)). */
  writeSetHash: Uint8Array
  /** nextStateDigest(prevStateDigest, writeSetHash), for the block header. */
  stateDigest: Uint8Array
}

function invalid(code: string, message: string, details?: Record<string, unknown>): never {
  throw new ValidationError(code, message, details)
}

/**
 * Executes a block's transactions in order. Each call runs on an overlay of the block's overlay,
 * so it sees the writes of earlier entries; a failed call keeps nothing. It neither verifies
 * signatures (admission did) nor touches the Merkle tree (the node appends leaf hashes), and it
 * does not write to `state`: the node persists `writes`, the entries and the header in one
 * storage transaction.
 * @param input the block
 * @returns entries, their bytes, receipts, the write set and the new state digest
 * @throws ValidationError `BLOCK_INVALID`, `BLOCK_DUPLICATE_TX`, `BLOCK_TX_EXPIRED` (a node bug: the block must not be built)
 */
export function executeBlock(input: ExecuteBlockInput): BlockExecution {
  const { runtime, height, firstIndex, txs } = input
  if (!Number.isSafeInteger(height) || height < 0) invalid('BLOCK_INVALID', 'height must be a non-negative integer')
  if (!Number.isSafeInteger(firstIndex) || firstIndex < 0) invalid('BLOCK_INVALID', 'firstIndex must be a non-negative integer')
  if (!isBytes(input.prevStateDigest) || input.prevStateDigest.length !== 32) invalid('BLOCK_INVALID', 'prevStateDigest must be 32 bytes')
  let ms: number
  try {
    ms = parseTime(input.time, 'time')
  } catch (e) {
    invalid('BLOCK_INVALID', (e as Error).message)
  }
  const time = Object.freeze({ iso: input.time, ms })
  const seen = new Set<string>()
  for (const p of txs) {
    if (seen.has(p.txId)) invalid('BLOCK_DUPLICATE_TX', `transaction ${p.txId} appears twice in the block`, { txId: p.txId })
    seen.add(p.txId)
    if (p.expiresAtMs <= ms) invalid('BLOCK_TX_EXPIRED', `transaction ${p.txId} expired at ${p.envelope.tx.expiresAt}`, { txId: p.txId })
  }

  const blockState = new StateOverlay(input.state)
  const entries: Entry[] = []
  const entryBytes: Uint8Array[] = []
  const receipts: Receipt[] = []
  const writes: StateWrite[] = []
  // Each write's JCS is computed once and serves both its entry's `writes` and the block's hash.
  const blockParts: string[] = []
  const noWrites = entryWritesField([])
  txs.forEach((p, i) => {
    const index = firstIndex + i
    const outcome = runtime.call(blockState, { tx: p.envelope.tx, txId: p.txId, index, block: height, time, rules: input.rules })
    let txWrites = noWrites
    if (outcome.status === 'ok' && outcome.writes.length > 0) {
      const parts = outcome.writes.map(writeJcs)
      for (const part of parts) blockParts.push(part)
      txWrites = toBase64(hashWriteJcsList(parts))
    }
    const result: EntryResult =
      outcome.status === 'ok'
        ? { status: 'ok', events: outcome.events, writes: txWrites }
        : outcome.message === undefined
          ? { status: 'failed', code: outcome.code, events: [], writes: noWrites }
          : { status: 'failed', code: outcome.code, message: outcome.message, events: [], writes: noWrites }
    const entry: Entry = { v: 1, index, block: height, time: input.time, txId: p.txId, tx: p.envelope.tx, sig: p.envelope.sig, result }
    entries.push(entry)
    entryBytes.push(encodeEntry(entry, p.signingInput))
    receipts.push(receiptOf(entry))
    for (const w of outcome.writes) writes.push(w)
  })
  const writeSetHash = hashWriteJcsList(blockParts)
  return { entries, entryBytes, receipts, writes, writeSetHash, stateDigest: nextStateDigest(input.prevStateDigest, writeSetHash) }
}
