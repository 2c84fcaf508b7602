import { canonicalBytes, canonicalJson } from '../encoding/jcs.js'
import { concatBytes, utf8 } from '../encoding/bytes.js'
import type { JsonObject, JsonValue } from '../encoding/json.js'
import { TX_SIGNING_PREFIX, type Tx } from '../tx/types.js'

/** An event a contract emitted (PROTOCOL section 4). */
export interface ContractEvent {
  type: string
  data: JsonObject
}

/** The outcome of a call as the log records it. */
export type EntryResult =
  | { status: 'ok'; events: ContractEvent[]; writes: string }
  | { status: 'failed'; code: string; message?: string; events: []; writes: string }

/** A log entry (PROTOCOL section 4); its JCS bytes are the Merkle leaf's data. */
export interface Entry {
  v: 1
  index: number
  block: number
  time: string
  txId: string
  tx: Tx
  sig: string
  result: EntryResult
}

/**
 * The exact bytes of an entry: JCS(entry), UTF-8. The leaf hash is SHA-256(0x00 ‖ these bytes).
 * @param entry the entry
 * @param signingInput the entry's transaction signing input (`saksi/tx/v1\n` ‖ JCS(tx)), when the
 *   caller has it: the same bytes, computed faster
 * @throws ValidationError `JSON_VALUE_INVALID` if the entry holds a value JSON cannot represent
 */
export function encodeEntry(entry: Entry, signingInput?: Uint8Array): Uint8Array {
  if (signingInput === undefined) return canonicalBytes(entry as unknown as JsonValue)
  // Fast path for the node: the transaction's JCS is already in its signing input (after the
  // ASCII prefix), and the entry's other members are known, so JCS is assembled around it in the
  // members' sorted order (block, index, result, sig, time, tx, txId, v) rather than recomputed.
  // `sig`, `time` and `txId` are ASCII, so JSON.stringify gives their JCS form.
  const head = `{"block":${entry.block},"index":${entry.index},"result":${canonicalJson(entry.result as unknown as JsonValue)},"sig":${JSON.stringify(entry.sig)},"time":${JSON.stringify(entry.time)},"tx":`
  const tail = `,"txId":${JSON.stringify(entry.txId)},"v":1}`
  return concatBytes(utf8(head), signingInput.subarray(TX_PREFIX_BYTES), utf8(tail))
}

const TX_PREFIX_BYTES = TX_SIGNING_PREFIX.length
