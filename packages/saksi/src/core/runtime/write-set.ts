import { toBase64 } from '../encoding/base64.js'
import { canonicalBytes, canonicalJson } from '../encoding/jcs.js'
import { utf8 } from '../encoding/bytes.js'
import type { JsonValue } from '../encoding/json.js'
import { sha256 } from '../crypto/sha256.js'
import type { StateWrite } from '../state/state-store.js'

function compareWrites(a: StateWrite, b: StateWrite): number {
  if (a.contract !== b.contract) return a.contract < b.contract ? -1 : 1
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0
}

function plain(w: StateWrite): StateWrite {
  return w.value === undefined ? { contract: w.contract, key: w.key } : { contract: w.contract, key: w.key, value: w.value }
}

/**
 * Normalises one transaction's writes: the last write per (contract, key) wins and the result is
 * sorted by (contract, key). Names and keys are ASCII, so string order is byte order.
 * @param writes the transaction's writes in the order they were made
 * @returns the transaction's write set
 */
export function normalizeWrites(writes: readonly StateWrite[]): StateWrite[] {
  const last = new Map<string, StateWrite>()
  for (const w of writes) last.set(`${w.contract}\n${w.key}`, w)
  return [...last.values()].map(plain).sort(compareWrites)
}

/**
 * SHA-256 of JCS of a list of writes, each `{contract, key, value}` with `value` absent for a
 * delete. Used both for one transaction's sorted writes and for a block's ordered write set.
 * @param writes the list, already in its defined order
 * @returns the 32-byte hash
 * @throws ValidationError `JSON_VALUE_INVALID` if a value is not exact JSON
 */
export function hashWrites(writes: readonly StateWrite[]): Uint8Array {
  return sha256(canonicalBytes(writes.map(plain) as unknown as JsonValue))
}

/**
 * The `result.writes` field of an entry: base64 SHA-256(JCS(the transaction's sorted writes)).
 * A failed call has no writes, so its field is the hash of `[]`.
 * @param txWrites the transaction's write set (see {@link normalizeWrites})
 */
export function entryWritesField(txWrites: readonly StateWrite[]): string {
  return toBase64(hashWrites(txWrites))
}

/**
 * JCS of one write `{contract, key, value?}`: members in sorted order, `contract` and `key` ASCII
 * (state key rules), so only the value needs the general canonicaliser. A list's JCS is `[` + its
 * writes' JCS joined by `,` + `]`, which lets a block reuse its entries' work.
 */
export function writeJcs(w: StateWrite): string {
  const head = `{"contract":${JSON.stringify(w.contract)},"key":${JSON.stringify(w.key)}`
  return w.value === undefined ? `${head}}` : `${head},"value":${canonicalJson(w.value)}}`
}

/** SHA-256 of the JCS of a list given as its members' JCS (see {@link writeJcs}). */
export function hashWriteJcsList(parts: readonly string[]): Uint8Array {
  return sha256(utf8(`[${parts.join(',')}]`))
}

/**
 * The hash of a block's ordered write set (the concatenation, in entry order, of each entry's
 * sorted writes), the input of `nextStateDigest`.
 * @param blockWrites the block's write set
 */
export function hashWriteSet(blockWrites: readonly StateWrite[]): Uint8Array {
  return hashWrites(blockWrites)
}
