import type { JsonObject, KeyPair } from 'saksi'
import { signRequest, signTx } from 'saksi'
import { getTransaction, SaksiApiError, submitTransaction, type SaksiClient } from 'saksi/client'
import { checkNiks, depositPersonalData } from '../client/index.js'
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
  people: { subject: string; records: { ref: string; commitment: string }[] }[]
}

const link = (r: { ref: string; commitment: string }) => ({ ref: r.ref, commitment: r.commitment })

/**
 * Imports households through a node's API, as a field officer: the people of several households go
 * into the vault in one signed request (each under their own key), then each household's NIKs are
 * hashed under a recorded check (`welfare.recordNikCheck`, purpose `registration`: one per household,
 * on the log before the hashes come back), then each household's `welfare.registerHousehold` is
 * signed and submitted and its receipt awaited. A refusal at any step (or a failed call, e.g. a
 * duplicate beneficiary, or the officer's daily limit of NIK hashes) rejects that household only,
 * with its code.
 * @param options `concurrency`: vault requests (batches of households) in flight at once
 * @param onDone called after each household, for progress and the report
 */
export async function importHouseholds(
  client: SaksiClient,
  network: string,
  key: KeyPair,
  programme: string,
  households: ImportHousehold[],
  options: { concurrency?: number; onDone?: (o: ImportOutcome) => void } = {},
): Promise<ImportOutcome[]> {
  const out: ImportOutcome[] = []
  // Households go to the vault in batches (at most 50 people a request, the API's limit): one
  // storage transaction, one fsync, for several families. Their registrations then go out together.
  const batches: ImportHousehold[][] = []
  for (const h of households) {
    const last = batches.at(-1)
    const people = (last ?? []).reduce((n, x) => n + x.people.length, 0)
    if (last && people + h.people.length <= 50) last.push(h)
    else batches.push([h])
  }
  let next = 0
  const reject = (h: ImportHousehold, code: string, message: string): ImportOutcome => ({ household: h.key, row: h.row, status: 'rejected', code, message })

  /** Signs and submits one registration; resolves once admitted (so that batch order is log order). */
  const submit = async (h: ImportHousehold, deposited: Deposited['people'], hashes: string[]): Promise<{ txId: string } | ImportOutcome> => {
    const members = h.people.map((p, i) => {
      const rec = deposited[i]!.records[0]!
      return { nikHash: hashes[i]!, relationship: p.relationship, birthMonth: p.birthDate.slice(0, 7), schoolLevel: p.schoolLevel, disability: p.disability, pregnant: p.pregnant, record: link(rec) }
    })
    const headRecords = deposited[0]!.records
    const args = { programme, region: h.region, incomeDecile: h.incomeDecile, members, consent: { method: h.consent, evidence: link(headRecords[2]!) }, record: link(headRecords[1]!) }
    const env = signTx({ network, contract: 'welfare', method: 'registerHousehold', args: args as unknown as JsonObject }, key).envelope
    try {
      const tx = await submitTransaction(client, { envelope: env })
      if (!('status' in tx) && tx.txId) return { txId: tx.txId }
      return reject(h, 'HTTP_200', 'the node refused the transaction')
    } catch (e) {
      if (!(e instanceof SaksiApiError)) throw e
      return reject(h, e.errorBody?.error.code ?? `HTTP_${e.status}`, e.errorBody?.error.message ?? 'the node refused the transaction')
    }
  }

  /** Has the household's NIKs hashed under a recorded check; answers the hashes in member order. */
  const check = async (h: ImportHousehold, deposited: Deposited['people']): Promise<string[] | ImportOutcome> => {
    const refs = deposited.map((p) => p.records[0]!.ref)
    const env = signTx({ network, contract: 'welfare', method: 'recordNikCheck', args: { programme, purpose: 'registration', refs, note: `saksi welfare import, row ${h.row}` } }, key).envelope
    try {
      return (await checkNiks(client, { envelope: env })).hashes.map((x) => x.nikHash)
    } catch (e) {
      if (!(e instanceof SaksiApiError)) throw e
      return reject(h, e.errorBody?.error.code ?? `HTTP_${e.status}`, e.errorBody?.error.message ?? 'the node refused the NIK check')
    }
  }

  /** Waits for an admitted registration's receipt. */
  const settle = async (h: ImportHousehold, txId: string): Promise<ImportOutcome> => {
    for (let waited = 0; waited < 120_000; waited += 20) {
      // Not known yet, or any other answer than a receipt: asked again.
      const receipt = (await getTransaction(client, { txId }).catch((e: unknown) => {
        if (e instanceof SaksiApiError) return undefined
        throw e
      })) as { status?: string; code?: string; events?: { data: { household?: string } }[] } | undefined
      if (receipt?.status === 'ok') return { household: h.key, row: h.row, status: 'registered', id: receipt.events?.[0]?.data.household }
      if (receipt?.status === 'failed') return reject(h, receipt.code ?? 'FAILED', 'the contract refused the registration (committed as a failed call)')
      await new Promise((r) => setTimeout(r, 20))
    }
    return reject(h, 'TIMEOUT', `transaction ${txId} was admitted but not committed within 2 minutes`)
  }

  const batch = async (hs: ImportHousehold[]): Promise<ImportOutcome[]> => {
    // One person per vault subject; the household's own record and its consent go with the head.
    const people = hs.flatMap((h) =>
      h.people.map((p, i) => ({
        records: [
          { name: p.name, nik: p.nik, birthDate: p.birthDate },
          ...(i === 0 ? [{ address: h.address }, { consent: h.consent, recordedBy: key.did, source: 'saksi welfare import' }] : []),
        ],
      })),
    )
    let depBody: Deposited
    try {
      depBody = (await depositPersonalData(client, { request: signRequest({ network, action: 'welfare.deposit', body: { people } as unknown as JsonObject }, key) })) as Deposited
    } catch (e) {
      if (!(e instanceof SaksiApiError)) throw e
      // One bad record refuses the whole request; send the households one by one to find it.
      if (hs.length > 1) return (await Promise.all(hs.map((h) => batch([h])))).flat()
      return [reject(hs[0]!, e.errorBody?.error.code ?? `HTTP_${e.status}`, e.errorBody?.error.message ?? 'the vault refused the records')]
    }
    let at = 0
    const mine = hs.map((h) => depBody.people.slice(at, (at += h.people.length)))
    // Each household's NIKs hashed under its own recorded check, the checks in flight together.
    const hashed = await Promise.all(hs.map((h, i) => check(h, mine[i]!).catch((e: unknown) => reject(h, 'NETWORK', (e as Error).message))))
    // Submitted one after the other, in file order, then awaited together: of two households of the
    // file that share a person, the earlier one is registered (with --concurrency 1, file order
    // decides throughout).
    const admitted: ({ txId: string } | ImportOutcome)[] = []
    for (const [i, h] of hs.entries()) {
      const hashes = hashed[i]!
      admitted.push(Array.isArray(hashes) ? await submit(h, mine[i]!, hashes).catch((e: unknown) => reject(h, 'NETWORK', (e as Error).message)) : hashes)
    }
    return Promise.all(hs.map((h, i) => {
      const a = admitted[i]!
      return 'txId' in a ? settle(h, a.txId).catch((e: unknown) => reject(h, 'NETWORK', (e as Error).message)) : a
    }))
  }

  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const hs = batches[next++]!
      let outcomes: ImportOutcome[]
      try {
        outcomes = await batch(hs)
      } catch (e) {
        outcomes = hs.map((h) => reject(h, 'NETWORK', (e as Error).message))
      }
      for (const o of outcomes) {
        out.push(o)
        options.onDone?.(o)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 16) }, worker))
  return out.sort((a, b) => a.row - b.row)
}
