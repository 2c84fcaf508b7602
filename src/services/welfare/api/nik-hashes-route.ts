import type { FastifyInstance } from 'fastify'
import { SaksiError } from 'saksi'
import type { SaksiNode } from '../../../node/index.js'
import { ENVELOPE, errorResponses } from '../../../api/index.js'
import type { NikHasher, PersonalDataVault } from '../../../store/index.js'
import { utcDay } from '../contract/index.js'
import { commitRecord, readRecordTx } from './recorded-call.js'

/** What the route needs besides the node: the vault and the hasher (or why they are missing). */
export type NeedVault = () => { vault: PersonalDataVault; nik: NikHasher }

/**
 * `POST /v1/welfare/personal-data/nik-hashes`: the keyed hashes of the `nik` fields of some vault
 * records, answered only once a signed `welfare.recordNikCheck` naming those records, its purpose and
 * the household it serves is committed. Refused before anything is logged: a reference that is not
 * a vault record with a NIK, and a check that would pass the signer's daily limit (429).
 */
export function nikHashesRoute(app: FastifyInstance, node: SaksiNode, needVault: NeedVault, waitTimeoutMs: number): void {
  app.post<{ Body: Buffer | undefined }>(
    '/v1/welfare/personal-data/nik-hashes',
    {
      bodyLimit: 64 * 1024,
      config: { documentedBody: ENVELOPE },
      schema: {
        tags: ['welfare'],
        summary: 'Keyed NIK hashes of vault records, the check recorded on the log first',
        description:
          'The body is a signed `welfare.recordNikCheck` transaction: the programme, the purpose (`registration` for a new household, or another purpose with the `household` served), the vault references (`refs`) whose `nik` field to hash, and an optional note. The node commits it, and only if the contract accepts it (a welfare official of the programme\'s agency, or a verified citizen for their own registration, within the daily limit: 2,000 NIKs for an official, 30 for a citizen) answers `{check: {txId, index, seq}, hashes: [{ref, nikHash}]}`. The household served lists the check in the `nikChecks` query.',
        response: {
          200: { type: 'object', description: '`{check: {txId, index, seq}, hashes: [{ref, nikHash}]}`' },
          ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 429, 503),
        },
      },
    },
    async (request) => {
      const record = readRecordTx(request.body, 'recordNikCheck')
      const { vault, nik } = needVault()
      const { programme, refs } = record.tx.args as { programme: string; refs: string[] }
      // Read before anything is logged: a check of records that hold no NIK would be a record of nothing.
      const niks = refs.map((ref) => {
        const nikOf = vault.read(ref).record.nik
        if (typeof nikOf !== 'string') throw new SaksiError('WELFARE_NIK_CHECK_INVALID', `vault record ${ref} has no nik field`, { ref }, 'validation')
        return nikOf
      })
      // The contract enforces the daily limit; asked first so that a call past it is not logged as failed.
      const usage = (await node.query('welfare', 'nikHashUsage', { programme, did: record.tx.signer, day: utcDay(new Date().toISOString()) })) as { used: number; limit: number }
      if (usage.used + refs.length > usage.limit) {
        throw new SaksiError('REQUEST_QUOTA_EXCEEDED', `${record.tx.signer} had ${usage.used} NIKs hashed today; at most ${usage.limit} a day`, { limit: usage.limit, used: usage.used }, 'validation')
      }
      const receipt = await commitRecord(node, record, waitTimeoutMs)
      // Hashed only now, inside the recorded check (the deposit checked that each NIK is 16 digits).
      const hashes = niks.map((n) => nik.hash(n))
      const seq = receipt.events.find((e) => e.type === 'welfare.NikCheckRecorded')?.data.check as number
      return { check: { txId: receipt.txId, index: receipt.index, seq }, hashes: refs.map((ref, i) => ({ ref, nikHash: hashes[i]! })) }
    },
  )
}
