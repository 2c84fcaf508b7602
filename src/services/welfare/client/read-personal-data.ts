import type { Envelope, JsonObject } from 'saksi'
import { requestJson, type RequestErrorType, type SaksiClient } from 'saksi/client'

/** Parameters of {@link readPersonalData}. */
export interface ReadPersonalDataParameters {
  /** A signed `welfare.recordAccess` transaction (purpose and note), as an object or its JSON text. */
  envelope: Envelope | string
}

/** A record of the household, opened from the vault, or why it could not be (e.g. erased). */
export type OpenedRecord = { ref: string; record: JsonObject; commitment: string } | { ref: string; unavailable: string }

/** What {@link readPersonalData} returns: the committed access record, the household's trail and its records. */
export interface ReadPersonalDataReturnType {
  access: { txId: string; index: number }
  household: JsonObject
  records: OpenedRecord[]
}

/**
 * What {@link readPersonalData} throws: the failed call's code when the contract refused the access
 * (403, 404 or 400, `details.txId`), `NODE_BUSY` (503) when the access was not committed in time
 * (ask again with a new transaction: the same one is refused as a duplicate).
 */
export type ReadPersonalDataErrorType = RequestErrorType

/**
 * `POST /v1/welfare/personal-data/read`: a household's personal data, answered only once the read
 * is recorded on the log. Never retried: a second try of the same envelope is a duplicate.
 */
export async function readPersonalData(client: SaksiClient, { envelope }: ReadPersonalDataParameters): Promise<ReadPersonalDataReturnType> {
  const body = typeof envelope === 'string' ? envelope : JSON.stringify(envelope)
  return (await requestJson<ReadPersonalDataReturnType>(client, { method: 'POST', path: '/v1/welfare/personal-data/read', body, retry: false })).data
}
