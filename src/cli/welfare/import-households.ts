import type { JsonObject } from '../../core/encoding/json.js'
import type { KeyPair } from '../../core/keys/key-pair.js'
import { signRequest } from '../../core/request/sign-request.js'
import { signTx } from '../../core/tx/sign-tx.js'
import type { NodeClient } from '../http/node-client.js'
import { parseBody } from '../http/node-client.js'
import type { ImportHousehold } from './household-csv.js'

/** How one household's import ended. */
export interface ImportOutcome {
  household: string
  row: number
  status: 'registered' | 'rejected'
  /** The contract's household id when registered. */
  id?: string
  code?: string
  message?: string
}

interface Deposited {
  people: { subject: string; records: { ref: string; commitment: string; nikHash: string | null }[] }[]
}

const link = (r: { ref: string; commitment: string }) => ({ ref: r.ref, commitment: r.commitment })

/**
 * Imports households through a node's API, as a field officer: each household's people go into
 * the vault in one signed request (each under their own key; their NIKs come back as keyed
 * hashes), then `welfare.registerHousehold` is signed and submitted and its receipt awaited. A
 * refusal at either step (or a failed call, e.g. a duplicate beneficiary) rejects that household
 * only, with its code.
 * @param onDone called after each household, for progress and the report
 */
export async function importHouseholds(
  client: NodeClient,
  network: string,
  key: KeyPair,
  programme: string,
  households: ImportHousehold[],
  options: { concurrency?: number; onDone?: (o: ImportOutcome) => void } = {},
): Promise<ImportOutcome[]> {
  const out: ImportOutcome[] = []
  let next = 0
  const one = async (h: ImportHousehold): Promise<ImportOutcome> => {
    const reject = (code: string, message: string): ImportOutcome => ({ household: h.key, row: h.row, status: 'rejected', code, message })
    // One person per vault subject; the household's own record and its consent go with the head.
    const people = h.people.map((p, i) => ({
      records: [
        { name: p.name, nik: p.nik, birthDate: p.birthDate },
        ...(i === 0 ? [{ address: h.address }, { consent: h.consent, recordedBy: key.did, source: 'saksi welfare import' }] : []),
      ],
    }))
    const dep = await client.request('/v1/welfare/personal-data', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signRequest({ network, action: 'welfare.deposit', body: { people } as unknown as JsonObject }, key)),
    })
    const depBody = parseBody(dep.body) as Deposited & { error?: { code: string; message: string } }
    if (dep.status !== 201) return reject(depBody?.error?.code ?? `HTTP_${dep.status}`, depBody?.error?.message ?? 'the vault refused the records')
    const members = h.people.map((p, i) => {
      const rec = depBody.people[i]!.records[0]!
      return { nikHash: rec.nikHash!, relationship: p.relationship, birthMonth: p.birthDate.slice(0, 7), schoolLevel: p.schoolLevel, disability: p.disability, pregnant: p.pregnant, record: link(rec) }
    })
    const headRecords = depBody.people[0]!.records
    const args = { programme, region: h.region, incomeDecile: h.incomeDecile, members, consent: { method: h.consent, evidence: link(headRecords[2]!) }, record: link(headRecords[1]!) }
    const env = signTx({ network, contract: 'welfare', method: 'registerHousehold', args: args as unknown as JsonObject }, key).envelope
    const tx = await client.request('/v1/tx?wait=true', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(env) })
    const receipt = parseBody(tx.body) as { status?: string; code?: string; events?: { data: { household?: string } }[]; error?: { code: string; message: string } }
    if (tx.status === 200 && receipt.status === 'ok') return { household: h.key, row: h.row, status: 'registered', id: receipt.events?.[0]?.data.household }
    if (tx.status === 200) return reject(receipt.code ?? 'FAILED', 'the contract refused the registration (committed as a failed call)')
    return reject(receipt?.error?.code ?? `HTTP_${tx.status}`, receipt?.error?.message ?? 'the node refused the transaction')
  }
  const worker = async (): Promise<void> => {
    while (next < households.length) {
      const h = households[next++]!
      let o: ImportOutcome
      try {
        o = await one(h)
      } catch (e) {
        o = { household: h.key, row: h.row, status: 'rejected', code: 'NETWORK', message: (e as Error).message }
      }
      out.push(o)
      options.onDone?.(o)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 16) }, worker))
  return out.sort((a, b) => a.row - b.row)
}
