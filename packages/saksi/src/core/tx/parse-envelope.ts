import { fromBase64 } from '../encoding/base64.js'
import { parseJson, type JsonObject } from '../encoding/json.js'
import { assertJsonValue } from '../encoding/json-value.js'
import { parseTime } from '../encoding/time.js'
import { fromUtf8, isBytes } from '../encoding/bytes.js'
import { ValidationError, type SaksiError } from '../errors.js'
import { publicKeyFromDidKey, type DidKey } from '../keys/did-key.js'
import { NAME_PATTERN } from './protocol-patterns.js'
import { txIdFromSigningInput, txSigningInput } from './signing-input.js'
import { MAX_ENVELOPE_BYTES, type ParsedEnvelope, type Tx } from './types.js'
import type { TxErrorCode } from './tx-errors.js'

const TX_FIELDS = ['v', 'network', 'contract', 'method', 'args', 'signer', 'nonce', 'expiresAt'] as const
/** Nesting allowed inside `tx.args` (64 levels from the envelope, minus envelope, tx and args). */
const ARGS_MAX_DEPTH = 62
const ENVELOPE_FIELDS = ['tx', 'sig'] as const
const NAME = NAME_PATTERN

function fail(code: TxErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new ValidationError(code, message, details)
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function checkFields(obj: Record<string, unknown>, fields: readonly string[], where: string): void {
  for (const f of fields) if (!Object.prototype.hasOwnProperty.call(obj, f)) fail('TX_FIELD_MISSING', `${where}.${f} is missing`, { field: `${where}.${f}` })
  for (const k of Object.keys(obj)) if (!fields.includes(k)) fail('TX_FIELD_UNKNOWN', `${where}.${k} is not a protocol field`, { field: `${where}.${k}` })
}

function str(obj: Record<string, unknown>, field: string): string {
  const v = obj[field]
  if (typeof v !== 'string') fail('TX_FIELD_TYPE', `tx.${field} must be a string`, { field: `tx.${field}` })
  return v
}

function name(obj: Record<string, unknown>, field: 'network' | 'contract' | 'method'): string {
  const v = str(obj, field)
  if (!NAME.test(v)) fail('TX_FIELD_INVALID', `tx.${field} must be 1-64 characters of letters, digits, ".", "_" or "-"`, { field: `tx.${field}` })
  return v
}

/**
 * Parses and structurally validates a transaction envelope (PROTOCOL section 3) from its JSON text
 * or bytes, or from an already-parsed value. Refuses oversized input, duplicate keys, missing or
 * unknown fields, wrong types, a bad `did:key`, non-canonical base64 and a signature of the wrong
 * length, each with its own code. It does not check the signature (see `verifyEnvelope`) nor the
 * network and expiry window (see `checkTxWindow`).
 * @throws ValidationError with a code from `TX_ERROR_CODES` or `JSON_*`
 */
export function parseEnvelope(input: string | Uint8Array | unknown): ParsedEnvelope {
  let value: unknown = input
  const fromText = typeof input === 'string' || isBytes(input)
  if (fromText) {
    if (typeof input === 'string' ? !utf8FitsIn(input, MAX_ENVELOPE_BYTES) : input.length > MAX_ENVELOPE_BYTES) {
      fail('TX_TOO_LARGE', `the envelope is larger than ${MAX_ENVELOPE_BYTES} bytes`, { limit: MAX_ENVELOPE_BYTES })
    }
    let text: string
    try {
      // A byte order mark is kept (and then refused by the parser), as it is in string input.
      text = typeof input === 'string' ? input : fromUtf8(input)
    } catch {
      throw new ValidationError('JSON_INVALID_UNICODE', 'the envelope is not valid UTF-8')
    }
    value = parseJson(text)
  }
  if (!isObject(value)) fail('TX_ENVELOPE_INVALID', 'the envelope must be a JSON object {tx, sig}')
  checkFields(value, ENVELOPE_FIELDS, 'envelope')
  const tx = value.tx
  if (!isObject(tx)) fail('TX_FIELD_TYPE', 'envelope.tx must be an object', { field: 'envelope.tx' })
  checkFields(tx, TX_FIELDS, 'tx')

  if (typeof tx.v !== 'number') fail('TX_FIELD_TYPE', 'tx.v must be the integer 1', { field: 'tx.v' })
  if (tx.v !== 1) fail('TX_VERSION_UNSUPPORTED', `tx.v ${String(tx.v)} is not supported; this node speaks version 1`, { field: 'tx.v' })
  // Each field is read once, so that what is checked is what is signed, even for a caller's object.
  const network = name(tx, 'network')
  const contract = name(tx, 'contract')
  const method = name(tx, 'method')
  const args = tx.args
  if (!isObject(args)) fail('TX_FIELD_TYPE', 'tx.args must be an object', { field: 'tx.args' })
  // What parseJson returns already meets every rule of assertJsonValue; objects from callers may not.
  if (!fromText) {
    try {
      // The same depth budget as text: parseJson allows 64 levels from the envelope, and args sits
      // at level 3, so what signTx signs always parses again from its JSON text.
      assertJsonValue(args, 'tx.args', ARGS_MAX_DEPTH)
    } catch (e) {
      fail('TX_ARGS_INVALID', (e as Error).message, { field: 'tx.args' })
    }
  }
  const signer = str(tx, 'signer')
  let publicKey: Uint8Array
  try {
    publicKey = publicKeyFromDidKey(signer)
  } catch (e) {
    fail('TX_SIGNER_INVALID', `tx.signer: ${(e as Error).message}`, { field: 'tx.signer' })
  }
  const nonce = str(tx, 'nonce')
  if (nonce.length < 1 || nonce.length > 64 || !nonce.isWellFormed()) fail('TX_NONCE_INVALID', 'tx.nonce must be 1 to 64 characters', { field: 'tx.nonce' })
  const expiresAt = str(tx, 'expiresAt')
  let expiresAtMs: number
  try {
    expiresAtMs = parseTime(expiresAt, 'tx.expiresAt')
  } catch (e) {
    fail('TX_EXPIRES_INVALID', (e as SaksiError).message, { field: 'tx.expiresAt' })
  }
  const sig = value.sig
  if (typeof sig !== 'string') fail('TX_FIELD_TYPE', 'sig must be a base64 string', { field: 'sig' })
  let signature: Uint8Array
  try {
    signature = fromBase64(sig, undefined, 'sig')
  } catch (e) {
    fail('TX_SIG_ENCODING', (e as Error).message, { field: 'sig' })
  }
  if (signature.length !== 64) fail('TX_SIG_LENGTH', `sig decodes to ${signature.length} bytes; an Ed25519 signature is 64`, { field: 'sig' })

  const body: Tx = {
    v: 1,
    network,
    contract,
    method,
    args: args as JsonObject,
    signer: signer as DidKey,
    nonce,
    expiresAt,
  }
  const signingInput = txSigningInput(body)
  return {
    envelope: { tx: body, sig },
    signingInput,
    txId: txIdFromSigningInput(signingInput),
    publicKey,
    signature,
    expiresAtMs,
  }
}

/**
 * Whether the UTF-8 encoding of `s` is at most `limit` bytes, without encoding it: every UTF-16 unit
 * takes at least one byte and at most three (a surrogate pair, two units, takes four). A lone
 * surrogate counts as the three bytes of U+FFFD, as a UTF-8 encoder would write it.
 */
function utf8FitsIn(s: string, limit: number): boolean {
  if (s.length > limit) return false
  if (s.length * 3 <= limit) return true
  let bytes = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3
    if (bytes > limit) return false
  }
  return true
}
