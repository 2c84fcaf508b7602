import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ServiceRoutes } from '../../../api/index.js'
import { renderSVG } from 'uqr'
import type { JsonValue } from 'saksi'
import { NotFoundError } from 'saksi'
import type { SaksiNode } from '../../../node/index.js'
import { recordPackage, releasePackage, compiledRelease, ocidOf, processReleases, type OcdsNames, type ProcessTrail, type ProcessView, type ShipmentTrail } from '../views/index.js'
import { apiError, paramsObject, zodParam, errorResponses } from '../../../api/index.js'
import { ProcessId, Slug } from '../contract/index.js'
import { processTrailPage } from './process-trail-page.js'
import { shipmentTrailPage } from './shipment-trail-page.js'

/** The procurement service's own configuration (in its descriptor). */
export interface ProcurementOptions {
  /** The OCDS ocid prefix registered for this publisher (default `ocds-saksi`). */
  ocidPrefix?: string
}

const PROCESS = zodParam(ProcessId, 'a process id, e.g. pertamanan.bangku-taman-2026')
const SLUG = zodParam(Slug, 'an id: lowercase letters, digits and dashes')
/** An ocid: the publisher's prefix, a dash, and the process id. */
const OCID = { type: 'string', pattern: `^[A-Za-z0-9-]{1,40}-${PROCESS.pattern!.slice(1)}`, description: 'an ocid' } as const
const ANY = { description: 'the answer (JSON)' }
/** A host name or address with an optional port, as a Host header should hold. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/

/** Sends a trail page: HTML that runs no script and loads nothing from elsewhere. */
const sendHtml = (reply: FastifyReply, html: string) =>
  reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'").send(html)

/** QR codes kept drawn (a few hundred bytes to a few KB each). */
const QR_CACHE_SIZE = 2000
const LIST_PAGE = { type: 'string', pattern: '^([1-9][0-9]{0,2}|1000)$', description: 'rows per page, 1-1000 (default 100)' } as const
const PAGE = { type: 'string', pattern: '^([1-9][0-9]?|1[0-9]{2}|200)$', description: 'processes per page, 1-200 (default 50)' } as const

async function answer(node: SaksiNode, query: string, args: Record<string, JsonValue>, what: string): Promise<JsonValue> {
  const a = await node.query('procurement', query, args)
  if (a === undefined || a === null) throw new NotFoundError('NOT_FOUND', `no ${what}`)
  return a
}

/** The organisations and suppliers a view of processes names (its buyer, receiving agency, bidders and supplier). */
function namedIn(views: readonly Pick<ProcessView, 'process' | 'bids'>[]): string[] {
  return views.flatMap((v) => [`org:${v.process.org}`, ...(v.process.order ? [`org:${v.process.order.receivingOrg}`, `sup:${v.process.order.supplier}`] : []), ...v.bids.map((b) => `sup:${b.supplier}`)])
}

/**
 * Renders with the names of organisations (identity) and suppliers (procurement): looks up the
 * `expected` ones (`org:<id>`, `sup:<id>`) first, and if the render asks for others, those too and
 * renders again. A name that cannot be found is shown as its id.
 */
async function withNames<T>(node: SaksiNode, expected: readonly string[], render: (names: OcdsNames) => T): Promise<T> {
  const known = new Map<string, string>()
  const find = async (ref: string): Promise<string | undefined> => {
    const id = ref.slice(4)
    try {
      const a = (ref.startsWith('org:') ? await node.query('identity', 'organisation', { id }) : await node.query('procurement', 'supplier', { supplier: id })) as { name?: string } | null
      return a?.name
    } catch {
      return undefined
    }
  }
  for (let wanted = [...new Set(expected)]; ; ) {
    const names = await Promise.all(wanted.map(find))
    wanted.forEach((ref, i) => known.set(ref, names[i] ?? ref.slice(4)))
    const missing = new Set<string>()
    const name = (ref: string): string => known.get(ref) ?? (missing.add(ref), ref.slice(4))
    const out = render({ organisation: (id) => name(`org:${id}`), supplier: (id) => name(`sup:${id}`) })
    if (missing.size === 0) return out
    wanted = [...missing]
  }
}

/**
 * The procurement API (`/v1/procurement`): readable paths for the contract's public queries, each
 * shipment's public trail as a page and as a QR code that opens it, and the OCDS 1.1 export
 * (release packages and per-process record packages). Every change is a transaction (`POST /v1/tx`).
 */
export const procurementRoutes: ServiceRoutes<ProcurementOptions | undefined> = async (app, { node, resources: { publicUrl }, options }) => {
  const ocidPrefix = options?.ocidPrefix ?? 'ocds-saksi'
  // With a public URL configured, a forged Host header cannot end up in a QR code a cache keeps.
  // Without one, the Host header must at least be a host name, and answers that carry it are not
  // shared between clients (private, Vary: Host).
  const absolute = (request: FastifyRequest, path: string) => {
    if (publicUrl) return `${publicUrl}${path}`
    if (!HOST.test(request.host)) throw apiError('PARAM_INVALID', 'the Host header is not a host name (or configure the node’s public URL)', { in: 'header', name: 'host' })
    return `${request.protocol}://${request.host}${path}`
  }
  const hostCaching = (reply: FastifyReply, maxAge: number) =>
    publicUrl ? reply.header('cache-control', `public, max-age=${maxAge}`) : reply.header('cache-control', 'private, max-age=300').header('vary', 'host')
  const get = (url: string, summary: string, params: Record<string, object>, run: (p: Record<string, string>) => Promise<JsonValue>, description?: string) =>
    app.get<{ Params: Record<string, string> }>(
      url,
      { schema: { tags: ['procurement'], summary, ...(description ? { description } : {}), params: paramsObject(params, Object.keys(params)), querystring: paramsObject({}), response: { 200: ANY, ...errorResponses(400, 404) } } },
      async (request) => run(request.params),
    )
  // A QR code depends on its URL only, and drawing one costs ~2 ms: the latest ones are kept.
  const qrCodes = new Map<string, string>()
  const qrOf = (url: string): string => {
    let svg = qrCodes.get(url)
    if (svg === undefined) {
      svg = renderSVG(url, { ecc: 'M', border: 2 })
      if (qrCodes.size >= QR_CACHE_SIZE) qrCodes.delete(qrCodes.keys().next().value!)
      qrCodes.set(url, svg)
    }
    return svg
  }
  const view = async (process: string) => (await answer(node, 'process', { process }, `process ${process}`)) as unknown as ProcessView & JsonValue
  const trailPath = (process: string, shipment: string) => `/v1/procurement/processes/${process}/shipments/${shipment}/trail`

  // Lists a page at a time; `Link: <...>; rel="next"` when there is more.
  const list = (url: string, summary: string, query: string, after: object) =>
    app.get<{ Querystring: { after?: string; limit?: string } }>(
      url,
      {
        schema: {
          tags: ['procurement'],
          summary,
          description: 'A page at a time, by id: `limit` (1-1000, default 100) after the id `after`; a `Link: <...>; rel="next"` header gives the next page.',
          querystring: paramsObject({ after, limit: LIST_PAGE }),
          response: { 200: ANY, ...errorResponses(400) },
        },
      },
      async (request, reply) => {
        const limit = Number(request.query.limit ?? 100)
        const rows = (await answer(node, query, { ...(request.query.after ? { after: request.query.after } : {}), limit: limit + 1 }, query)) as { id: string }[]
        const shown = rows.slice(0, limit)
        if (rows.length > limit) reply.header('link', `<${absolute(request, `${url}?after=${shown.at(-1)!.id}&limit=${limit}`)}>; rel="next"`)
        return shown
      },
    )
  list('/v1/procurement/processes', 'Procurement processes in brief', 'processes', PROCESS)
  get('/v1/procurement/processes/:process', 'A process: plan, tender, bids (sealed ones as commitments only), award with reasons, purchase order, shipments, payments, disputes, audit notes', { process: PROCESS }, (p) => view(p.process!))
  get('/v1/procurement/processes/:process/history', 'The public trail of a process: every step, its time, signer and transaction id', { process: PROCESS }, (p) =>
    answer(node, 'history', { process: p.process! }, `process ${p.process}`),
  )
  get(
    '/v1/procurement/processes/:process/consistency',
    "The auditors' consistency report",
    { process: PROCESS },
    (p) => answer(node, 'consistency', { process: p.process! }, `process ${p.process}`),
    'Recomputed from the primary records: the award against the published criteria and the revealed bids; payments against accepted quantities, unit prices and penalties; payments against inspections and bank references; the total against the contract value.',
  )
  get('/v1/procurement/processes/:process/shipments/:shipment', 'A shipment with every signed movement and its payments', { process: PROCESS, shipment: SLUG }, (p) =>
    answer(node, 'shipment', { process: p.process!, shipment: p.shipment! }, `shipment ${p.shipment} in ${p.process}`),
  )
  list('/v1/procurement/suppliers', 'Registered suppliers', 'suppliers', SLUG)
  get('/v1/procurement/suppliers/:supplier', 'A registered supplier and its keys', { supplier: SLUG }, (p) => answer(node, 'supplier', { supplier: p.supplier! }, `supplier ${p.supplier}`))

  app.get<{ Params: { process: string } }>(
    '/v1/procurement/processes/:process/trail',
    {
      schema: {
        tags: ['procurement'],
        summary: "The process's public trail as a page (Bahasa Indonesia, English)",
        description: 'Plan, tender, bids, award with reasons and ranking, purchase order, shipments (linking to their trail pages), payments, disputes, audit notes and every step with its transaction.',
        params: paramsObject({ process: PROCESS }, ['process']),
        querystring: paramsObject({}),
        response: { 200: { type: 'string', description: 'text/html' }, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { process } = request.params
      const v = (await view(process)) as unknown as Omit<ProcessTrail, 'history'>
      const history = (await answer(node, 'history', { process }, `process ${process}`)) as unknown as ProcessTrail['history']
      const html = await withNames(node, namedIn([v]), (names) => processTrailPage({ ...v, history }, names, { shipment: (s) => trailPath(process, s), json: `/v1/procurement/processes/${process}` }))
      return sendHtml(reply, html)
    },
  )

  app.get<{ Params: { process: string; shipment: string } }>(
    '/v1/procurement/processes/:process/shipments/:shipment/qr.svg',
    {
      schema: {
        tags: ['procurement'],
        summary: "A QR code (SVG) that opens the shipment's public trail",
        params: paramsObject({ process: PROCESS, shipment: SLUG }, ['process', 'shipment']),
        querystring: paramsObject({}),
        response: { 200: { type: 'string', description: 'image/svg+xml' }, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { process, shipment } = request.params
      await answer(node, 'shipment', { process, shipment }, `shipment ${shipment} in ${process}`)
      const svg = qrOf(absolute(request, trailPath(process, shipment)))
      return hostCaching(reply.type('image/svg+xml'), 86_400).send(svg)
    },
  )

  app.get<{ Params: { process: string; shipment: string } }>(
    '/v1/procurement/processes/:process/shipments/:shipment/trail',
    {
      schema: {
        tags: ['procurement'],
        summary: "The shipment's public trail as a page (Bahasa Indonesia, English), where its QR code leads",
        params: paramsObject({ process: PROCESS, shipment: SLUG }, ['process', 'shipment']),
        querystring: paramsObject({}),
        response: { 200: { type: 'string', description: 'text/html' }, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { process, shipment } = request.params
      const trail = (await answer(node, 'shipment', { process, shipment }, `shipment ${shipment} in ${process}`)) as unknown as ShipmentTrail
      const expected = [`org:${trail.process.org}`, ...(trail.process.supplier ? [`sup:${trail.process.supplier}`] : [])]
      const html = await withNames(node, expected, (names) =>
        shipmentTrailPage(trail, { buyer: names.organisation(trail.process.org), supplier: trail.process.supplier ? names.supplier(trail.process.supplier) : undefined, jsonUrl: `/v1/procurement/processes/${process}/shipments/${shipment}`, processUrl: `/v1/procurement/processes/${process}/trail` }),
      )
      return sendHtml(reply, html)
    },
  )

  app.get<{ Querystring: { process?: string; after?: string; limit?: string } }>(
    '/v1/procurement/ocds/releases',
    {
      schema: {
        tags: ['procurement'],
        summary: 'OCDS 1.1 release package',
        description:
          'The releases of one process (`process`), or of every process a page at a time (`after` the last process id of the previous page; a `Link: <...>; rel="next"` header gives the next page). Releases follow the process: planning, tender, award, contract, contract signature, then one implementation release per inspection and per payment.',
        querystring: paramsObject({ process: PROCESS, after: PROCESS, limit: PAGE }),
        response: { 200: { type: 'object', description: 'an OCDS 1.1 release package' }, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { process, after, limit = '50' } = request.query
      const max = Number(limit)
      let ids: string[]
      if (process) ids = [process]
      else {
        const all = ((await answer(node, 'processes', { ...(after ? { after } : {}), limit: max + 1 }, 'processes')) as { id: string }[]).map((p) => p.id)
        ids = all.slice(0, max)
        if (all.length > max) reply.header('link', `<${absolute(request, `/v1/procurement/ocds/releases?after=${ids.at(-1)}&limit=${max}`)}>; rel="next"`)
      }
      const views = await Promise.all(ids.map(view))
      const releases = await withNames(node, namedIn(views), (names) => views.flatMap((v) => processReleases(ocidPrefix, v, names)))
      return releasePackage(absolute(request, request.url), { name: `Saksi ${node.info().network}` }, releases, new Date().toISOString())
    },
  )

  app.get<{ Params: { ocid: string } }>(
    '/v1/procurement/ocds/records/:ocid',
    {
      schema: {
        tags: ['procurement'],
        summary: 'OCDS 1.1 record package of one process',
        description: `The record of one contracting process: every release embedded, and the compiled release. The ocid is the publisher's prefix and the process id, e.g. \`${ocidPrefix}-pertamanan.bangku-taman-2026\`.`,
        params: paramsObject({ ocid: OCID }, ['ocid']),
        querystring: paramsObject({}),
        response: { 200: { type: 'object', description: 'an OCDS 1.1 record package' }, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { ocid } = request.params
      if (!ocid.startsWith(`${ocidPrefix}-`)) throw new NotFoundError('NOT_FOUND', `no record ${ocid}: this publisher's ocids begin with ${ocidPrefix}-`)
      const process = ocid.slice(ocidPrefix.length + 1)
      const v = await view(process)
      const { releases, compiled } = await withNames(node, namedIn([v]), (names) => {
        const all = processReleases(ocidPrefix, v, names)
        return { releases: all, compiled: compiledRelease(ocidPrefix, v, names, all) }
      })
      return recordPackage(absolute(request, request.url), { name: `Saksi ${node.info().network}` }, [{ ocid: ocidOf(ocidPrefix, process), releases, compiledRelease: compiled }], releases[0]!.date)
    },
  )
}
