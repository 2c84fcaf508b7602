import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import swagger from '@fastify/swagger'
import { SaksiError } from 'saksi'
import type { SaksiNode } from '../node/index.js'
import { apiError } from './api-errors.js'
import { clientErrorHandler } from './client-error-handler.js'
import { installErrorHandler, sendError } from './error-handler.js'
import { installHttpMetrics } from './http-metrics.js'
import { installNotFoundHandler } from './not-found-handler.js'
import { installRawJsonParser } from './raw-json-parser.js'
import type { EventStreamOptions } from './event-stream-options.js'
import { redactingLogger } from './log-serializers.js'
import { requestId } from './request-id.js'
import { blocksRoutes } from './routes/blocks-routes.js'
import { contractsRoutes } from './routes/contracts-routes.js'
import { docsRoutes } from './routes/docs-routes.js'
import { eventsRoutes } from './routes/events-routes.js'
import { logRoutes } from './routes/log-routes.js'
import { metricsRoutes } from './routes/metrics-routes.js'
import { authRoutes, BEARER_SCHEME } from './routes/auth-routes.js'
import { AuthSessions, type AuthSessionOptions } from './auth/auth-sessions.js'
import { networkRoutes } from './routes/network-routes.js'
import { txRoutes } from './routes/tx-routes.js'
import type { ApiService, NodeResources } from './service-routes.js'
import { catalogueOf } from 'saksi/catalogue'
import { MemoryRequestGuardStore, type NikHasher, type PersonalDataVault, type RequestGuardStore } from '../store/index.js'
import { API_DESCRIPTION } from './routes/api-description.js'
import { methodSchemas } from './method-schemas.js'

/** Options of {@link buildApi}. */
export interface ApiOptions {
  /** Fastify's pino logger: `true`, pino options, or `false` (the default; tests). Query values are redacted in its request lines. */
  logger?: FastifyServerOptions['logger']
  /** Largest request body on routes without their own limit, in bytes (default 1 MiB). `POST /v1/tx` is always 64 KiB. */
  bodyLimit?: number
  /** How long `POST /v1/tx?wait=true` waits for the commit (default 10 s, as PROTOCOL says). */
  waitTimeoutMs?: number
  /** Event stream limits and tuning: caps per client and in total, paging, heartbeat, buffer, stall limit (defaults: `EVENT_STREAM_DEFAULTS`). */
  sse?: EventStreamOptions
  /** The API version shown in the OpenAPI document (default `1.0.0`). */
  version?: string
  /**
   * The services whose routes to serve, in order (the registry, `src/services/registry.ts`); each
   * brings its own configuration in its descriptor. Default: none (only the protocol's routes).
   */
  services?: readonly ApiService[]
  /** The node's personal-data vault, for services' signed-request actions (absent: 503 `VAULT_UNAVAILABLE` there). */
  vault?: PersonalDataVault
  /** Keyed NIK hashes with the network's secret (absent: as for the vault). */
  nik?: NikHasher
  /**
   * Where used signed requests and daily quotas are kept (`SqliteRequestGuardStore` on the data
   * directory's `requests.sqlite`); default: in memory, forgotten when the app closes. Not closed by the app.
   */
  guards?: RequestGuardStore
  /**
   * The URL the public reaches this node at, e.g. `https://saksi.kota-contoh.go.id`: QR codes and
   * package URIs use it. Default: as each request reached the node (its Host header).
   */
  publicUrl?: string
  /** Sign-in challenges and sessions (time to live, bounds; defaults in docs/PROTOCOL-NOTES.md). */
  auth?: AuthSessionOptions
}

/**
 * Builds the HTTP API of a node (PROTOCOL section 7): the routes, one error handler that maps every
 * error to the protocol's error body, OpenAPI 3.1 from the routes' own schemas, request ids,
 * structured logs and request metrics. The app only translates HTTP to {@link SaksiNode} calls.
 * @param node the node to serve
 * @param options logger, limits and tuning
 * @returns the Fastify app, not yet listening (`app.listen`, or `app.inject` in tests)
 */
export function buildApi(node: SaksiNode, options: ApiOptions = {}): FastifyInstance {
  // Statuses follow the kinds of the codes the core and the served services' contracts declare.
  const servedContracts = (options.services ?? []).flatMap((s) => (s.contract ? [s.contract] : []))
  const catalogue = catalogueOf(servedContracts)
  const app = Fastify({
    logger: redactingLogger(options.logger),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    genReqId: requestId,
    // Values are checked as the text that was sent: no coercion ("1e3" is not 1000), and unknown
    // query parameters are refused rather than silently removed.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false } },
    frameworkErrors: (error, request, reply) => sendError(error, request, reply, catalogue),
    clientErrorHandler,
    // Answered with the protocol's body by the onRequest hook below instead.
    return503OnClosing: false,
  })
  // Responses are plain JSON.stringify: response schemas document the API and never reshape answers.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data))
  installRawJsonParser(app)
  installErrorHandler(app, catalogue)
  installNotFoundHandler(app)
  installHttpMetrics(app, node.metrics)

  let closing = false
  // Callback hooks: they run on every request, and async hooks cost a promise each.
  app.addHook('onRequest', (request, reply, done) => {
    // nosniff: entries and query answers echo signed user data; browsers must not read it as HTML.
    reply.header('x-request-id', request.id).header('x-content-type-options', 'nosniff')
    done(closing ? new SaksiError('NODE_CLOSED', 'the node is shutting down', undefined, 'internal') : undefined)
  })
  app.addHook('preValidation', (request, _reply, done) => {
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (Array.isArray(value)) return done(apiError('PARAM_REPEATED', `query parameter ${JSON.stringify(name)} is given more than once`, { in: 'query', name }))
    }
    done()
  })
  app.addHook('preClose', async () => {
    closing = true
  })

  void app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Saksi', version: options.version ?? '1.0.0', description: API_DESCRIPTION },
      components: {
        // What each method's tx.args must be (POST /v1/tx): one schema per contract.method.
        schemas: servedContracts.length > 0 ? methodSchemas(servedContracts, node.genesis().rules as number | undefined) : {},
        securitySchemes: {
          [BEARER_SCHEME]: { type: 'http', scheme: 'bearer', description: 'A session token: POST /v1/auth/challenge, sign the challenge in an auth.session request, POST /v1/auth/session. Valid 15 minutes; what it may read is checked at each read.' },
        },
      },
    },
    transform: ({ schema, url, route }) => {
      const documented = route.config?.documentedBody
      let out = documented ? { ...schema, body: documented } : schema
      // A query string of free arguments (the contract queries) has no named parameters to list;
      // the route's description says what goes there. Listed as is, it would show as parameters
      // called "type" and "additionalProperties".
      const query = out?.querystring as { properties?: unknown } | undefined
      if (query && query.properties === undefined) {
        const { querystring: _free, ...rest } = out as Record<string, unknown>
        out = rest as typeof out
      }
      return { schema: out, url }
    },
  })
  void app.register(networkRoutes, { node })
  void app.register(txRoutes, { node, waitTimeoutMs: options.waitTimeoutMs ?? 10_000 })
  void app.register(logRoutes, { node })
  void app.register(blocksRoutes, { node })
  void app.register(eventsRoutes, { node, sse: options.sse })
  const sessions = new AuthSessions(options.auth)
  void app.register(authRoutes, { node, sessions })
  void app.register(contractsRoutes, { node, sessions })
  const resources: NodeResources = { vault: options.vault, nik: options.nik, guards: options.guards ?? new MemoryRequestGuardStore(), publicUrl: options.publicUrl, waitTimeoutMs: options.waitTimeoutMs ?? 10_000, sessions }
  for (const service of options.services ?? []) {
    if (service.routes) void app.register(service.routes, { node, resources, options: service.options })
  }
  void app.register(metricsRoutes, { node, sessions })
  void app.register(docsRoutes)
  return app
}
