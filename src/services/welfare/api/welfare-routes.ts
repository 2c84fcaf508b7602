import type { JsonObject, JsonValue } from 'saksi'
import { NotFoundError, SaksiError, anyOf, role, verifiedCitizen } from 'saksi'
import type { SaksiNode } from '../../../node/index.js'
import type { ServiceRoutes, SignedRequestAction } from '../../../api/index.js'
import type { NikHasher, PersonalDataVault } from '../../../store/index.js'
import { acceptSignedRequest, apiError, authorizeRead, BEARER_SCHEME, paramsObject, signedRequestSchema, zodParam, ENVELOPE, errorResponses, requestAllowed, DailyQuota, ReplayCache } from '../../../api/index.js'
import { HouseholdId, Period, ProgrammeId, welfare, WELFARE_ROLES } from '../contract/index.js'
import { DepositBody } from './deposit-body.js'
import { nikHashesRoute } from './nik-hashes-route.js'
import { commitRecord, readRecordTx } from './recorded-call.js'

/** NIKs a citizen (not a field officer) may deposit per day: their household, not a search. */
export const CITIZEN_NIKS_PER_DAY = 30

/** Households' personal data an official may read per day (each read recorded on the log). */
export const OFFICIAL_READS_PER_DAY = 200

/**
 * Putting personal data into the vault. The answer carries no keyed NIK hash: those are answered
 * only inside a recorded check (`nik-hashes`). Field officers deposit; a citizen whose identity is
 * verified may deposit their own household's records, at most 30 NIKs a day. A revoked or rotated
 * key holds no role and is no citizen, so it is refused too.
 */
const DEPOSIT: SignedRequestAction<DepositBody> = {
  name: 'welfare.deposit',
  allow: anyOf(role(WELFARE_ROLES.enumerator), verifiedCitizen),
  denied: 'personal data is taken from field officers (welfare.enumerator) and verified citizens, with an active key',
  body: DepositBody,
}

/** Who deposits without the citizens' daily quota: field officers. */
const QUOTA_FREE = role(WELFARE_ROLES.enumerator)

const PROGRAMME = zodParam(ProgrammeId, 'a programme id, e.g. dinsos.pkh')
const HOUSEHOLD = zodParam(HouseholdId, 'a household id')
const PERIOD = zodParam(Period, 'a period, e.g. 2026-Q4 or 2026-11')
const ANY = { description: 'the answer (JSON)' }
async function answer(node: SaksiNode, query: string, args: Record<string, JsonValue>, what: string): Promise<JsonValue> {
  const a = await node.query('welfare', query, args)
  if (a === undefined || a === null) throw new NotFoundError('NOT_FOUND', `no ${what}`)
  return a
}

/** The welfare routes' configuration (the service descriptor's `options`). */
export interface WelfareRouteOptions {
  /** Households' personal data one signer may read per UTC day (default {@link OFFICIAL_READS_PER_DAY}). */
  readsPerDay?: number
}

/**
 * The welfare API (`/v1/welfare`): personal data into the vault by signed request, reads of a
 * household's personal data and keyed NIK hashes that are first recorded on the log, and readable
 * paths for the contract's public queries. Changes to the ledger itself are transactions (`POST /v1/tx`).
 */
export const welfareRoutes: ServiceRoutes<WelfareRouteOptions | undefined> = async (app, { node, resources: { vault, nik, guards, waitTimeoutMs, sessions }, options }) => {
  const replays = new ReplayCache(guards)
  const quota = new DailyQuota(CITIZEN_NIKS_PER_DAY, { store: guards, scope: 'welfare.deposit.niks', message: (n) => `a citizen may deposit at most ${n} NIKs a day; ask a field officer` })
  const reads = new DailyQuota(options?.readsPerDay ?? OFFICIAL_READS_PER_DAY, { store: guards, scope: 'welfare.read', message: (n) => `an official may read at most ${n} households' personal data a day` })
  const needVault = (): { vault: PersonalDataVault; nik: NikHasher } => {
    if (!vault || !nik) throw new SaksiError('VAULT_UNAVAILABLE', 'this node runs without a personal-data vault (no vault key or NIK secret)', undefined, 'internal')
    return { vault, nik }
  }

  app.post<{ Body: Buffer | undefined }>(
    '/v1/welfare/personal-data',
    {
      bodyLimit: 256 * 1024,
      config: { documentedBody: signedRequestSchema(DEPOSIT) },
      schema: {
        tags: ['welfare'],
        summary: 'Put personal records into the vault (signed request)',
        description:
          'For a field officer (`welfare.enumerator`) or a verified citizen (at most 30 NIKs a day), with an active key. Each record is sealed under the person\'s own key; the answer gives each record\'s vault reference, salted commitment and salt (to keep), and the keyed hash of a record\'s `nik` field. Put the references, commitments and hashes in `welfare.registerHousehold`; never the record.',
        response: {
          201: {
            type: 'object',
            description: '`{subject, records}`, or with `people`: `{people: [{subject, records}]}`',
            properties: {
              people: { type: 'array' },
              subject: { type: 'string' },
              records: { type: 'array', items: { type: 'object', properties: { ref: { type: 'string' }, commitment: { type: 'string' }, salt: { type: 'string' }, nik: { type: 'boolean' } } } },
            },
          },
          ...errorResponses(400, 401, 403, 409, 413, 415, 422, 429),
        },
      },
    },
    async (request, reply) => {
      if (!(request.body instanceof Uint8Array)) throw apiError('MEDIA_TYPE_UNSUPPORTED', 'send the signed request as an application/json body')
      const { vault, nik } = needVault()
      const now = Date.now()
      const r = await acceptSignedRequest(node, DEPOSIT, request.body, now)
      const officer = await requestAllowed(node, DEPOSIT, QUOTA_FREE, r, now)
      replays.claim(r.id, r.expiresAtMs)
      const body = r.body
      // Either one person's records (`records`, optionally for an existing `subject`), or several new
      // people at once (`people: [{records}]`, e.g. a whole household): each person gets their own key.
      const groups: { records: JsonObject[]; subject?: string }[] = body.people ?? [{ records: body.records!, subject: body.subject }]
      if (!officer) quota.take(r.signer, groups.reduce((n, g) => n + g.records.filter((rec) => 'nik' in rec).length, 0))
      // A bad NIK refuses the whole request before anything is stored; the hash is not answered.
      for (const g of groups) for (const rec of g.records) if ('nik' in rec) nik.hash(rec.nik as string)
      const answers = groups.map((g) => {
        const deposited = vault.deposit(g.records, g.subject)
        return { subject: deposited[0]!.subject, records: deposited.map((d, j) => ({ ref: d.ref, commitment: d.commitment, salt: d.salt, nik: 'nik' in g.records[j]! })) }
      })
      return reply.code(201).send(body.people !== undefined ? { people: answers } : answers[0])
    },
  )

  app.post<{ Body: Buffer | undefined }>(
    '/v1/welfare/personal-data/read',
    {
      bodyLimit: 64 * 1024,
      config: { documentedBody: ENVELOPE },
      schema: {
        tags: ['welfare'],
        summary: "Read a household's personal data, recorded on the log first",
        description:
          "The body is a signed `welfare.recordAccess` transaction (purpose and note). The node commits it, and only if the contract accepts it (the signer holds a welfare role in the programme's agency) answers the household's records from the vault. The household sees the read in `accesses`. At most 200 reads a day per signer (429 `REQUEST_QUOTA_EXCEEDED`).",
        response: { 200: ANY, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 429, 503) },
      },
    },
    async (request) => {
      // The read's policy is the contract's: recordAccess declares its `allow`, and the runtime checks
      // it as the call commits. The signer's daily quota counts reads the node admits.
      const record = readRecordTx(request.body, 'recordAccess')
      const { vault } = needVault()
      const signer = record.tx.signer
      const receipt = await commitRecord(node, record, waitTimeoutMs, { take: () => reads.take(signer, 1), refund: () => reads.refund(signer, 1) })
      const { programme, household } = record.tx.args as unknown as { programme: string; household: string }
      const trail = (await answer(node, 'household', { programme, household }, `household ${household}`)) as { household: { record: { ref: string }; consent: { evidence?: { ref: string } }; members: { record: { ref: string } }[] } }
      const h = trail.household
      const refs = [h.record.ref, ...h.members.map((m) => m.record.ref), ...(h.consent.evidence ? [h.consent.evidence.ref] : [])]
      const records = refs.map((ref) => {
        try {
          const o = vault.read(ref)
          return { ref, record: o.record, commitment: o.commitment }
        } catch (e) {
          if (e instanceof SaksiError) return { ref, unavailable: e.code }
          throw e
        }
      })
      return { access: { txId: receipt.txId, index: receipt.index }, household: h, records }
    },
  )

  nikHashesRoute(app, node, needVault, waitTimeoutMs)

  // Each readable path is one of the contract's queries; one that declares who may read it (the
  // household trails, the accesses) takes a session, checked for its signer before anything is read.
  const get = (url: string, summary: string, params: Record<string, object>, query: string, what: (p: Record<string, string>) => string) => {
    const allow = welfare.queries.get(query)?.allow
    const description = allow ? `For a session (Authorization: Bearer) of ${allow.describe}.` : undefined
    app.get<{ Params: Record<string, string> }>(
      url,
      {
        schema: {
          tags: ['welfare'],
          summary,
          ...(description ? { description, security: [{ [BEARER_SCHEME]: [] }] } : {}),
          params: paramsObject(params, Object.keys(params)),
          querystring: paramsObject({}),
          response: { 200: ANY, ...(allow ? errorResponses(400, 401, 403, 404) : errorResponses(400, 404)) },
        },
      },
      async (request) => {
        // Fastify's params object has no prototype; the runtime takes plain JSON objects.
        const args = { ...request.params }
        if (allow) await authorizeRead(node, sessions, request, allow, { contract: 'welfare', method: query, args })
        return answer(node, query, args, what(args))
      },
    )
  }

  get('/v1/welfare/programmes', 'Every welfare programme', {}, 'programmes', () => 'programmes')
  get('/v1/welfare/programmes/:programme', 'A programme with every version of its rules', { programme: PROGRAMME }, 'programme', (p) => `programme ${p.programme}`)
  get('/v1/welfare/programmes/:programme/stats/:period', 'Public figures per region for a period, small counts withheld', { programme: PROGRAMME, period: PERIOD }, 'stats', (p) => `programme ${p.programme}`)
  get('/v1/welfare/programmes/:programme/decisions', 'Public counts of households per region by status, small counts withheld', { programme: PROGRAMME }, 'decisions', (p) => `programme ${p.programme}`)
  get('/v1/welfare/programmes/:programme/runs/:period', "Progress of a period's disbursement run", { programme: PROGRAMME, period: PERIOD }, 'run', (p) => `run for ${p.period}`)
  get('/v1/welfare/programmes/:programme/households/:household', 'A household’s trail: record (no personal data), decisions with reasons, appeals, payments', { programme: PROGRAMME, household: HOUSEHOLD }, 'household', (p) => `household ${p.household}`)
  get('/v1/welfare/programmes/:programme/households/:household/accesses', 'Who read the household’s personal data, when and why', { programme: PROGRAMME, household: HOUSEHOLD }, 'accesses', (p) => `household ${p.household}`)
}
