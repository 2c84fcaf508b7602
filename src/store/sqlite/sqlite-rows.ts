import type { SignedBlock } from 'saksi'
import { canonicalJson, assertJsonValue, TX_ID_PATTERN } from 'saksi'
import type { StoreHead } from '../ledger-store.js'
import { storeError } from '../store-errors.js'

const TX_ID = TX_ID_PATTERN

/**
 * The stored text of a JSON value: its JCS form, after checking it is exact JSON (JCS alone would
 * let `undefined` members or NaN through silently).
 * @throws StorageError `STORE_COMMIT_INVALID`
 */
export function jsonText(value: unknown, what: string): string {
  try {
    assertJsonValue(value, what)
    return canonicalJson(value)
  } catch (e) {
    throw storeError('STORE_COMMIT_INVALID', `${what} is not exact JSON: ${(e as Error).message}`)
  }
}

/**
 * Parses stored JSON text that must hold an object.
 * @throws StorageError `STORE_CORRUPT` (or a SyntaxError, which the driver maps to it)
 */
export function parseJsonObject(text: unknown, what: string): Record<string, unknown> {
  const value: unknown = typeof text === 'string' ? JSON.parse(text) : undefined
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw storeError('STORE_CORRUPT', `${what} is not a JSON object`)
  return value as Record<string, unknown>
}

/** True for a transaction id as the protocol writes it: 64 lowercase hex digits. */
export function isTxId(txId: unknown): txId is string {
  return typeof txId === 'string' && TX_ID.test(txId)
}

/**
 * A stored 32-byte txId blob as lowercase hex.
 * @throws StorageError `STORE_CORRUPT`
 */
export function txIdText(blob: unknown, index: unknown): string {
  if (!(blob instanceof Buffer) || blob.length !== 32) throw storeError('STORE_CORRUPT', `entry ${String(index)} has a malformed txId`, { index })
  return blob.toString('hex')
}

/**
 * A plain Uint8Array view of a blob better-sqlite3 returned (a fresh Buffer of its own: no copy).
 * @throws StorageError `STORE_CORRUPT` when the column is not a blob
 */
export function blobView(bytes: unknown, what: string): Uint8Array {
  if (!(bytes instanceof Uint8Array)) throw storeError('STORE_CORRUPT', `${what} is not a blob`)
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/**
 * Decodes a `blocks` row `[height, size, header, sig, checkpoint]`; the header must agree with
 * its height and size columns.
 * @throws StorageError `STORE_CORRUPT`
 */
export function decodeBlockRow(row: unknown[]): StoreHead {
  const [height, size, header, sig, checkpoint] = row
  const parsed = parseJsonObject(header, `block ${String(height)} header`)
  if (parsed.height !== height || parsed.size !== size || typeof sig !== 'string' || typeof checkpoint !== 'string') {
    throw storeError('STORE_CORRUPT', `block ${String(height)} does not agree with its row`, { height })
  }
  return { block: { header: parsed as unknown as SignedBlock['header'], sig }, checkpoint }
}
