/**
 * JSON Schemas of what the API answers (PROTOCOL section 7), for `/openapi.json`. Responses are
 * written with plain `JSON.stringify` (see `build-api.ts`), so these describe and never reshape.
 */
import { TX_ID_PATTERN } from 'saksi'

const base64 = { type: 'string', contentEncoding: 'base64', description: 'standard padded base64' } as const
const time = { type: 'string', format: 'date-time', description: 'RFC 3339 UTC time with milliseconds' } as const
const count = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } as const
const txId = { type: 'string', pattern: TX_ID_PATTERN.source } as const

/** `{"error": {"code", "message", "details"}}`; a duplicate transaction adds `txId`. */
export const ERROR_BODY = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: { type: 'string', pattern: '^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$', description: 'stable upper-case error code' },
        message: { type: 'string' },
        details: { type: 'object', additionalProperties: true },
      },
    },
    txId: { ...txId, description: 'the already known transaction (409 only)' },
  },
} as const

/** `{txId}`: a transaction admitted and not yet committed. */
export const TX_ID_BODY = { type: 'object', required: ['txId'], properties: { txId } } as const

/** A committed transaction's receipt. */
export const RECEIPT = {
  type: 'object',
  required: ['txId', 'status', 'index', 'block', 'time', 'events'],
  properties: {
    txId,
    status: { type: 'string', enum: ['ok', 'failed'] },
    code: { type: 'string', description: 'the failure code of a failed call' },
    index: count,
    block: count,
    time,
    events: {
      type: 'array',
      items: { type: 'object', required: ['type', 'data'], properties: { type: { type: 'string' }, data: { type: 'object', additionalProperties: true } } },
    },
  },
} as const

const roleOf = (description: string) =>
  ({ type: 'object', required: ['role'], properties: { role: { type: 'string' }, org: { type: 'string', description } } }) as const

/** What `POST /v1/tx/simulate` answers: the would-be receipt (PROTOCOL-NOTES "Preflight"). */
export const SIMULATED_RECEIPT = {
  type: 'object',
  required: ['txId', 'status', 'index', 'events', 'simulated'],
  properties: {
    txId,
    status: RECEIPT.properties.status,
    code: RECEIPT.properties.code,
    message: { type: 'string', description: 'why, as the committed entry would record it (a failed call)' },
    index: { ...count, description: 'the log index the entry would take now' },
    events: RECEIPT.properties.events,
    simulated: { type: 'boolean', enum: [true] },
    explanation: {
      type: 'object',
      description: 'for a call refused on its access decision only (never in a committed result)',
      required: ['has', 'message'],
      properties: {
        needs: { type: 'array', description: "any one would do; absent when the method's body decided", items: roleOf('absent: in any organisation') },
        has: { type: 'array', description: 'the roles the signer holds', items: roleOf('the organisation') },
        message: { type: 'object', required: ['id', 'en'], properties: { id: { type: 'string' }, en: { type: 'string' } } },
      },
    },
  },
} as const

/** A receipt, or `{txId, status: "pending"}` for an admitted transaction. */
export const RECEIPT_OR_PENDING = {
  oneOf: [RECEIPT, { type: 'object', required: ['txId', 'status'], properties: { txId, status: { type: 'string', enum: ['pending'] } } }],
} as const

/** `GET /v1/network`. */
export const NETWORK_INFO = {
  type: 'object',
  required: ['network', 'origin', 'vkey', 'genesisHash', 'maxValiditySeconds', 'contracts'],
  properties: {
    network: { type: 'string' },
    origin: { type: 'string', description: 'the log origin of checkpoints' },
    vkey: { type: 'string', description: 'checkpoint verifier key <origin>+<key id>+<base64>' },
    genesisHash: base64,
    maxValiditySeconds: count,
    contracts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'version', 'methods'],
        properties: { name: { type: 'string' }, version: count, methods: { type: 'array', items: { type: 'string' } }, queries: { type: 'array', items: { type: 'string' } } },
      },
    },
    state: {
      type: 'object',
      description: "an extension: whether this node's committed state matches its digest (checking after opening, ok, or corrupt: writes and state reads answer 503 STATE_CORRUPT)",
      required: ['status'],
      properties: {
        status: { type: 'string', enum: ['checking', 'ok', 'corrupt'] },
        height: count,
        entries: count,
        since: { type: 'string' },
        code: { type: 'string' },
        reason: { type: 'string' },
      },
    },
  },
} as const

/** `GET /v1/health` (an extension, docs/PROTOCOL-NOTES.md). */
export const NODE_HEALTH = {
  type: 'object',
  required: ['status', 'height', 'size', 'pending'],
  properties: {
    status: { type: 'string', enum: ['ok', 'halted'], description: 'halted: the execution watchdog interrupted a block; reads are still answered, new transactions are refused with NODE_HALTED' },
    height: count,
    size: count,
    pending: { ...count, description: 'admitted transactions not yet committed' },
    halt: {
      type: 'object',
      required: ['code', 'message', 'since', 'held'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, since: { type: 'string' }, held: { ...count, description: 'admitted transactions held uncommitted' } },
    },
  },
} as const

/** A signed block header (PROTOCOL section 5). */
export const SIGNED_BLOCK = {
  type: 'object',
  required: ['header', 'sig'],
  properties: {
    header: {
      type: 'object',
      required: ['v', 'network', 'height', 'prev', 'time', 'firstIndex', 'size', 'logRoot', 'stateDigest', 'proposer'],
      properties: {
        v: { type: 'integer', enum: [1] },
        network: { type: 'string' },
        height: count,
        prev: base64,
        time,
        firstIndex: count,
        size: count,
        logRoot: base64,
        stateDigest: base64,
        proposer: { type: 'string', description: 'did:key of the proposer' },
      },
    },
    sig: base64,
  },
} as const

/** A log entry (PROTOCOL section 4), sent as its exact stored bytes. */
export const ENTRY = {
  type: 'object',
  required: ['v', 'index', 'block', 'time', 'txId', 'tx', 'sig', 'result'],
  description: 'the exact JCS bytes of the entry; hash them as received',
  properties: { v: { type: 'integer', enum: [1] }, index: count, block: count, time, txId, tx: { type: 'object' }, sig: base64, result: { type: 'object' } },
} as const

/** `{index, size, proof}` and `{from, to, proof}`. */
export const INCLUSION_PROOF = { type: 'object', required: ['index', 'size', 'proof'], properties: { index: count, size: count, proof: { type: 'array', items: base64 } } } as const

/** `{from, to, proof}`. */
export const CONSISTENCY_PROOF = { type: 'object', required: ['from', 'to', 'proof'], properties: { from: count, to: count, proof: { type: 'array', items: base64 } } } as const

/** A transaction envelope (PROTOCOL section 3); documents the body of `POST /v1/tx`. */
export const ENVELOPE = {
  type: 'object',
  required: ['tx', 'sig'],
  additionalProperties: false,
  properties: {
    tx: {
      type: 'object',
      required: ['v', 'network', 'contract', 'method', 'args', 'signer', 'nonce', 'expiresAt'],
      additionalProperties: false,
      properties: {
        v: { type: 'integer', enum: [1] },
        network: { type: 'string' },
        contract: { type: 'string' },
        method: { type: 'string' },
        args: { type: 'object', additionalProperties: true },
        signer: { type: 'string', description: 'did:key of the signer' },
        nonce: { type: 'string', minLength: 1, maxLength: 64 },
        expiresAt: time,
      },
    },
    sig: { ...base64, description: 'Ed25519 signature of "saksi/tx/v1\\n" ‖ JCS(tx)' },
  },
} as const

const ERROR_STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'malformed request',
  401: 'the signature does not verify',
  404: 'not found',
  409: 'duplicate transaction',
  413: 'body too large',
  415: 'body is not application/json',
  422: 'wrong network, expired, or too far ahead',
  429: 'rate-limited (per key or per client); see Retry-After',
  503: 'overloaded or shutting down; see Retry-After',
}

/**
 * Error responses of a route, for the description.
 * @param statuses the statuses the route may answer with an error
 */
export function errorResponses(...statuses: number[]): Record<number, object> {
  return Object.fromEntries(statuses.map((s) => [s, { ...ERROR_BODY, description: ERROR_STATUS_TEXT[s] ?? 'error' }]))
}
