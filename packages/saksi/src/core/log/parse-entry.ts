import { fromUtf8 } from '../encoding/bytes.js'
import { canonicalJson } from '../encoding/jcs.js'
import { parseJson } from '../encoding/json.js'
import { parseTime } from '../encoding/time.js'
import { fromBase64 } from '../encoding/base64.js'
import { ValidationError } from '../errors.js'
import { parseEnvelope } from '../tx/parse-envelope.js'
import type { Entry } from './entry.js'

const ENTRY_FIELDS = ['v', 'index', 'block', 'time', 'txId', 'tx', 'sig', 'result']
const CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/

function fail(message: string): never {
  throw new ValidationError('ENTRY_MALFORMED', message)
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * Parses the bytes of a log entry and checks that they are the entry's canonical (JCS) encoding,
 * that its transaction is well formed and that `txId` matches it. It does not check the signature
 * (auditors do, with `verifyParsedEnvelope` on `parseEnvelope({tx, sig})`).
 * @throws ValidationError `ENTRY_MALFORMED`, `ENTRY_NOT_CANONICAL`, `ENTRY_TXID_MISMATCH`, or a `TX_*`/`JSON_*` code
 */
export function parseEntry(bytes: Uint8Array): Entry {
  let text: string
  try {
    text = fromUtf8(bytes)
  } catch {
    throw new ValidationError('ENTRY_MALFORMED', 'entry is not valid UTF-8')
  }
  const value = parseJson(text)
  if (!isObject(value)) fail('entry must be a JSON object')
  for (const f of ENTRY_FIELDS) if (!(f in value)) fail(`entry.${f} is missing`)
  for (const k of Object.keys(value)) if (!ENTRY_FIELDS.includes(k)) fail(`entry.${k} is not an entry field`)
  if (value.v !== 1) fail('entry.v must be 1')
  for (const f of ['index', 'block'] as const) {
    const n = value[f]
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) fail(`entry.${f} must be a non-negative integer`)
  }
  parseTime(value.time, 'entry.time')
  const parsed = parseEnvelope({ tx: value.tx, sig: value.sig })
  if (value.txId !== parsed.txId) throw new ValidationError('ENTRY_TXID_MISMATCH', 'entry.txId does not match its transaction')
  const r = value.result
  if (!isObject(r)) fail('entry.result must be an object')
  fromBase64(r.writes, 32, 'result.writes')
  if (!Array.isArray(r.events)) fail('entry.result.events must be an array')
  if (r.status === 'ok') {
    for (const k of Object.keys(r)) if (!['status', 'events', 'writes'].includes(k)) fail(`entry.result.${k} is not allowed on an ok result`)
    for (const e of r.events) {
      if (!isObject(e) || typeof e.type !== 'string' || !isObject(e.data) || Object.keys(e).length !== 2) fail('an event is {type, data}')
    }
  } else if (r.status === 'failed') {
    for (const k of Object.keys(r)) if (!['status', 'code', 'message', 'events', 'writes'].includes(k)) fail(`entry.result.${k} is not allowed on a failed result`)
    if (typeof r.code !== 'string' || !CODE.test(r.code)) fail('entry.result.code must be an upper-case error code')
    if ('message' in r && typeof r.message !== 'string') fail('entry.result.message must be a string')
    if (r.events.length !== 0) fail('a failed result has no events')
  } else fail('entry.result.status must be "ok" or "failed"')
  if (canonicalJson(value) !== text) throw new ValidationError('ENTRY_NOT_CANONICAL', 'entry bytes are not the JCS encoding of the entry')
  return value as unknown as Entry
}
