import type { Envelope } from 'saksi'
import { requestJson, type RequestErrorType, type SaksiClient } from 'saksi/client'

/** Parameters of {@link checkNiks}. */
export interface CheckNiksParameters {
  /** A signed `welfare.recordNikCheck` transaction (programme, purpose, vault `refs`, household or none, note), as an object or its JSON text. */
  envelope: Envelope | string
}

/** What {@link checkNiks} returns: the committed check and the keyed hash of each record's NIK, in the order of `refs`. */
export interface CheckNiksReturnType {
  check: { txId: string; index: number; seq: number }
  hashes: { ref: string; nikHash: string }[]
}

/**
 * What {@link checkNiks} throws: the failed call's code when the contract refused the check (e.g.
 * `ACCESS_DENIED` 403, `WELFARE_VAULT_REF_USED` 409, `details.txId`), `REQUEST_QUOTA_EXCEEDED` (429)
 * past the signer's daily limit, `WELFARE_NIK_CHECK_INVALID` (400) for a record without a NIK,
 * `VAULT_RECORD_NOT_FOUND` (404), `NODE_BUSY` (503) when the check was not committed in time.
 */
export type CheckNiksErrorType = RequestErrorType

/**
 * `POST /v1/welfare/personal-data/nik-hashes`: the keyed NIK hashes of vault records, answered only
 * once the check is recorded on the log. Never retried: a second try of the same envelope is a duplicate.
 */
export async function checkNiks(client: SaksiClient, { envelope }: CheckNiksParameters): Promise<CheckNiksReturnType> {
  const body = typeof envelope === 'string' ? envelope : JSON.stringify(envelope)
  return (await requestJson<CheckNiksReturnType>(client, { method: 'POST', path: '/v1/welfare/personal-data/nik-hashes', body, retry: false })).data
}
