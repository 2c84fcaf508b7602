import type { SignedRequest } from 'saksi'
import { requestJson, type RequestErrorType, type SaksiClient } from 'saksi/client'

/** Parameters of {@link depositPersonalData}. */
export interface DepositPersonalDataParameters {
  /** A `welfare.deposit` request signed by a field officer or a verified citizen (`signRequest`). */
  request: SignedRequest
}

/** One record sealed in the vault: what goes into `welfare.registerHousehold` (never the record). */
export interface DepositedRecord {
  ref: string
  commitment: string
  /** The commitment's salt: keep it to prove the record later. */
  salt: string
  /** Whether the record has a `nik` field: its keyed hash comes from `checkNiks`, with a recorded check. */
  nik: boolean
}

/** One person's records in the vault. */
export interface DepositedPerson {
  subject: string
  records: DepositedRecord[]
}

/** What {@link depositPersonalData} returns: one person, or with `people` in the request, each of them. */
export type DepositPersonalDataReturnType = DepositedPerson | { people: DepositedPerson[] }

/**
 * What {@link depositPersonalData} throws: `ACCESS_DENIED` (403) for a signer that is neither a
 * field officer nor a verified citizen with an active key, `REQUEST_QUOTA_EXCEEDED` (429) past a
 * citizen's daily NIKs, `REQUEST_*` for a request that does not verify, `VAULT_UNAVAILABLE` (503).
 */
export type DepositPersonalDataErrorType = RequestErrorType

/** `POST /v1/welfare/personal-data`: puts personal records into the node's vault (`201`). */
export async function depositPersonalData(client: SaksiClient, { request }: DepositPersonalDataParameters): Promise<DepositPersonalDataReturnType> {
  return (await requestJson<DepositPersonalDataReturnType>(client, { method: 'POST', path: '/v1/welfare/personal-data', body: JSON.stringify(request) }, [201])).data
}
