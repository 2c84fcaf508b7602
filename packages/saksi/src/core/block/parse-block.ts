import { fromBase64 } from '../encoding/base64.js'
import { parseTime } from '../encoding/time.js'
import { ValidationError } from '../errors.js'
import { publicKeyFromDidKey } from '../keys/did-key.js'
import type { SignedBlock } from './block-header.js'

const HEADER_FIELDS = ['v', 'network', 'height', 'prev', 'time', 'firstIndex', 'size', 'logRoot', 'stateDigest', 'proposer']

function fail(message: string): never {
  throw new ValidationError('BLOCK_MALFORMED', message)
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function count(h: Record<string, unknown>, f: string): number {
  const n = h[f]
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) fail(`header.${f} must be a non-negative integer`)
  return n
}

/**
 * Validates the shape of a signed block `{header, sig}` as `GET /v1/blocks/{height}` answers it:
 * exact fields, types, 32-byte base64 hashes, a valid proposer `did:key`, a 64-byte signature, and
 * `firstIndex <= size`. Does not check the signature or the chain (see `verifyBlock`).
 * @throws ValidationError `BLOCK_MALFORMED`
 */
export function parseSignedBlock(value: unknown): SignedBlock {
  if (!isObject(value)) fail('a signed block is an object {header, sig}')
  const keys = Object.keys(value)
  if (keys.length !== 2 || !('header' in value) || !('sig' in value)) fail('a signed block has exactly the fields header and sig')
  const h = value.header
  if (!isObject(h)) fail('header must be an object')
  for (const f of HEADER_FIELDS) if (!(f in h)) fail(`header.${f} is missing`)
  for (const k of Object.keys(h)) if (!HEADER_FIELDS.includes(k)) fail(`header.${k} is not a header field`)
  if (h.v !== 1) fail('header.v must be 1')
  if (typeof h.network !== 'string' || h.network.length === 0) fail('header.network must be a non-empty string')
  count(h, 'height')
  const first = count(h, 'firstIndex')
  const size = count(h, 'size')
  if (first > size) fail('header.firstIndex is after header.size')
  try {
    parseTime(h.time, 'header.time')
    for (const f of ['prev', 'logRoot', 'stateDigest']) fromBase64(h[f], 32, `header.${f}`)
    publicKeyFromDidKey(h.proposer)
    fromBase64(value.sig, 64, 'sig')
  } catch (e) {
    fail((e as Error).message)
  }
  return value as unknown as SignedBlock
}

