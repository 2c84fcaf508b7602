import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { CORE_CATALOGUE, pickLanguage, type Language } from 'saksi/catalogue'
import { SaksiError, TransactionRefused, type ErrorCatalogue, type ErrorKind } from 'saksi'
import { apiError, type ApiErrorCode } from './api-errors.js'
import { COUNT_PATTERN } from './param-schemas.js'
import type { ErrorBody } from 'saksi/client'
import './route-config.js'

/** The protocol's error body (PROTOCOL section 7), defined once, with the client's wire types. */
export type { ErrorBody }

/** An error as it goes on the wire. */
export interface HttpError {
  status: number
  body: ErrorBody
  headers: Record<string, string>
}

/** Codes whose status is not the one of their kind; they keep their message even as a 5xx. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  TX_TOO_LARGE: 413,
  JSON_TOO_LARGE: 413,
  REQUEST_TOO_LARGE: 413,
  TX_BAD_SIGNATURE: 401,
  TX_WRONG_NETWORK: 422,
  TX_EXPIRED: 422,
  TX_TOO_FAR_AHEAD: 422,
  TX_DUPLICATE: 409,
  REQUEST_BAD_SIGNATURE: 401,
  AUTH_REQUIRED: 401,
  AUTH_TOKEN_INVALID: 401,
  AUTH_CHALLENGE_INVALID: 401,
  REQUEST_WRONG_NETWORK: 422,
  REQUEST_EXPIRED: 422,
  REQUEST_QUOTA_EXCEEDED: 429,
  RATE_LIMITED: 429,
  ARGS_TOO_LARGE: 413,
  SIGNER_NOT_REGISTERED: 422,
  NODE_OVERLOADED: 503,
  NODE_CLOSED: 503,
  NODE_BUSY: 503,
  EVENT_STREAMS_CLIENT_LIMIT: 429,
  EVENT_STREAMS_NODE_LIMIT: 503,
  NODE_HALTED: 503,
  STATE_CORRUPT: 503,
  VAULT_UNAVAILABLE: 503,
  METHOD_NOT_ALLOWED: 405,
  MEDIA_TYPE_UNSUPPORTED: 415,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  REQUEST_TIMEOUT: 408,
} satisfies Partial<Record<ApiErrorCode, number>> & Record<string, number>

/**
 * Refusals the node gives on purpose (load, shutdown, a halt or a corrupt state, each reported once
 * when it happens): not faults to log again for every request.
 */
const EXPECTED_5XX: ReadonlySet<string> = new Set(['NODE_OVERLOADED', 'NODE_CLOSED', 'EVENT_STREAMS_NODE_LIMIT', 'NODE_HALTED', 'STATE_CORRUPT'])

const STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  validation: 400,
  authorization: 403,
  not_found: 404,
  conflict: 409,
  // A well-formed value whose signature or proof does not verify; TX_BAD_SIGNATURE is 401 above.
  verification: 422,
  storage: 500,
  internal: 500,
}

/** Fastify's own request errors, by its code. */
const FASTIFY_CODES: Readonly<Record<string, ApiErrorCode>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'MEDIA_TYPE_UNSUPPORTED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'REQUEST_MALFORMED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'REQUEST_INVALID',
  FST_ERR_CTP_INVALID_JSON_BODY: 'REQUEST_INVALID',
  FST_ERR_BAD_URL: 'REQUEST_MALFORMED',
  FST_ERR_MAX_PARAM_LENGTH: 'URI_TOO_LONG',
}

const WHERE: Readonly<Record<string, string>> = { params: 'path', querystring: 'query', headers: 'header', body: 'body' }

const INTERNAL_MESSAGE = 'the node failed to answer this request; its operator can find the request id in the logs'

function body(code: string, message: string, details: Record<string, unknown> = {}): ErrorBody {
  return { error: { code, message, details } }
}

/** Details as they can go on the wire: a plain JSON object, or nothing. */
function jsonDetails(details: unknown): Record<string, unknown> {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return {}
  try {
    const copy: unknown = JSON.parse(JSON.stringify(details))
    return typeof copy === 'object' && copy !== null && !Array.isArray(copy) ? (copy as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/**
 * The kind that decides the status: the catalogue's for a code it holds, else the error's own. An
 * error raised as a node fault stays one whatever code it carries (a query's nested failure).
 */
function kindOf(e: SaksiError, catalogue: ErrorCatalogue): ErrorKind {
  if (e.kind === 'internal') return 'internal'
  return catalogue.kindOf(e.code) ?? e.kind
}

// A transaction refused at admission for its call (PROTOCOL section 7): 409 for a conflict with
// the current state, 422 otherwise, whatever its code's status elsewhere (CONTRACT_UNKNOWN in a query is a 404).
function refusedStatus(e: SaksiError): number | undefined {
  if (!(e instanceof TransactionRefused)) return undefined
  return e.kind === 'conflict' ? 409 : 422
}

function fromSaksiError(e: SaksiError, catalogue: ErrorCatalogue): HttpError {
  const explicit = refusedStatus(e) ?? STATUS_BY_CODE[e.code]
  const status = explicit ?? STATUS_BY_KIND[kindOf(e, catalogue)] ?? 500
  // A node fault that no table names is unexpected: its message may hold internals (paths, SQL).
  if (status >= 500 && explicit === undefined) return { status, body: body(e.code, INTERNAL_MESSAGE), headers: {} }
  const details = jsonDetails(e.details)
  const out: HttpError = { status, body: body(e.code, e.message, details), headers: {} }
  if (e.code === 'TX_DUPLICATE' && typeof details.txId === 'string') out.body.txId = details.txId
  if (e.code === 'NODE_OVERLOADED' || e.code === 'RATE_LIMITED') {
    const s = Number(details.retryAfterSeconds)
    out.headers['retry-after'] = String(Number.isSafeInteger(s) && s > 0 ? s : 1)
  }
  // RFC 6750 section 3: a 401 for a missing or bad bearer token names the scheme.
  if (e.code === 'AUTH_REQUIRED' || e.code === 'AUTH_TOKEN_INVALID') out.headers['www-authenticate'] = e.code === 'AUTH_REQUIRED' ? 'Bearer realm="saksi"' : 'Bearer realm="saksi", error="invalid_token"'
  if (e.code === 'METHOD_NOT_ALLOWED' && Array.isArray(details.allow)) out.headers.allow = details.allow.join(', ')
  return out
}

interface AjvIssue {
  keyword?: string
  instancePath?: string
  params?: { missingProperty?: string; additionalProperty?: string; pattern?: string }
  message?: string
}

function fromValidation(issues: readonly AjvIssue[], context: string | undefined): HttpError {
  const issue = issues[0] ?? {}
  const where = WHERE[context ?? ''] ?? 'request'
  const name = issue.params?.missingProperty ?? issue.params?.additionalProperty ?? (issue.instancePath ?? '').replace(/^\//, '').split('/')[0] ?? ''
  if (where === 'body') return { status: 400, body: body('REQUEST_INVALID', `body ${issue.instancePath ?? ''} ${issue.message ?? 'is invalid'}`.trim(), { in: where }), headers: {} }
  const code: ApiErrorCode = issue.keyword === 'required' ? 'PARAM_MISSING' : issue.keyword === 'additionalProperties' ? 'PARAM_UNKNOWN' : 'PARAM_INVALID'
  const what = `${where === 'path' ? 'path parameter' : where === 'query' ? 'query parameter' : where} ${JSON.stringify(name)}`
  const problem = issue.params?.pattern === COUNT_PATTERN ? 'must be a decimal integer from 0 to 2^53 - 1' : (issue.message ?? 'is invalid')
  const message = code === 'PARAM_MISSING' ? `${what} is required` : code === 'PARAM_UNKNOWN' ? `${what} is not defined by this route` : `${what} ${problem}`
  return { status: 400, body: body(code, message, { in: where, name }), headers: {} }
}

/**
 * Maps any error to its status, protocol error body and headers (PROTOCOL section 7). This is the
 * one place where errors become HTTP: node and core errors by code (the few statuses of their own),
 * then by the kind the message catalogue gives the code; Fastify's own
 * errors by their code; anything else is a 500 `INTERNAL` that reveals nothing.
 * @param error what was thrown
 * @param tooLargeCode the code of a body over the route's limit (`TX_TOO_LARGE` on `POST /v1/tx`)
 * @param catalogue the codes and kinds of the node's services (default: the core's codes only)
 * @returns what to send
 */
export function toHttpError(error: unknown, tooLargeCode = 'REQUEST_TOO_LARGE', catalogue: ErrorCatalogue = CORE_CATALOGUE): HttpError {
  if (error instanceof SaksiError) return fromSaksiError(error, catalogue)
  const e = error as Partial<FastifyError> | undefined
  if (e && Array.isArray(e.validation)) return fromValidation(e.validation as AjvIssue[], e.validationContext)
  if (e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return fromSaksiError(new SaksiError(tooLargeCode, 'the request body is larger than this route accepts'), catalogue)
  const mapped = e?.code !== undefined ? FASTIFY_CODES[e.code] : undefined
  if (mapped) return fromSaksiError(apiError(mapped), catalogue)
  const status = e?.statusCode
  if (typeof status === 'number' && status >= 400 && status < 500 && typeof e?.code === 'string' && e.code.startsWith('FST_')) {
    return { status, body: body('REQUEST_INVALID', String(e.message)), headers: {} }
  }
  return { status: 500, body: body('INTERNAL', INTERNAL_MESSAGE), headers: {} }
}

/**
 * The error in the client's language (`Accept-Language`): in Bahasa Indonesia, `message` is the
 * catalogue's sentence for the code and the English text, which names the particular field or
 * record, moves to `details.en`; the code, the status and the other details stay as they are.
 * @param out the error in English
 * @param language the client's language
 * @param catalogue where the code's Indonesian sentence is
 */
export function inLanguage(out: HttpError, language: Language, catalogue: ErrorCatalogue): HttpError {
  out.headers.vary = 'Accept-Language'
  const sentence = language === 'id' ? (catalogue.get(out.body.error.code)?.id ?? CORE_CATALOGUE.get(out.body.error.code)?.id) : undefined
  out.headers['content-language'] = sentence ? 'id' : 'en'
  if (sentence) {
    out.body.error.details = { ...out.body.error.details, en: out.body.error.message }
    out.body.error.message = sentence
  }
  return out
}

/**
 * Sends an error the protocol's way, logging node faults (5xx) with the request id.
 * @param error what was thrown
 * @param request the request
 * @param reply the reply
 * @param catalogue the codes and kinds of the node's services
 */
export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply, catalogue: ErrorCatalogue = CORE_CATALOGUE): FastifyReply {
  const out = inLanguage(toHttpError(error, request.routeOptions.config?.tooLargeCode, catalogue), pickLanguage(request.headers['accept-language']), catalogue)
  if (out.status >= 500 && !EXPECTED_5XX.has(out.body.error.code)) {
    request.log.error({ err: error, code: out.body.error.code }, 'request failed')
  } else {
    request.log.debug({ code: out.body.error.code, status: out.status }, 'request refused')
  }
  return reply.code(out.status).headers(out.headers).type('application/json; charset=utf-8').send(JSON.stringify(out.body))
}

/**
 * Installs {@link sendError} as the app's error handler.
 * @param app the Fastify app
 * @param catalogue the codes and kinds of the node's services
 */
export function installErrorHandler(app: FastifyInstance, catalogue: ErrorCatalogue = CORE_CATALOGUE): void {
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply, catalogue))
}
