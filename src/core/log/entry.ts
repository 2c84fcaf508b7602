import { canonicalBytes } from '../encoding/jcs.js'
import type { JsonObject, JsonValue } from '../encoding/json.js'
import type { Tx } from '../tx/types.js'

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
 * @throws ValidationError `JSON_VALUE_INVALID` if the entry holds a value JSON cannot represent
 */
export function encodeEntry(entry: Entry): Uint8Array {
  return canonicalBytes(entry as unknown as JsonValue)
}
