import type { JsonObject } from 'saksi'
import { requestJson, type RequestErrorType, type SaksiClient } from 'saksi/client'
import { procurementPath } from './procurement-answer.js'

/** Parameters of {@link getOcdsRecord}. */
export interface GetOcdsRecordParameters {
  /** The publisher's prefix and the process id, e.g. `ocds-saksi-pertamanan.bangku-taman-2026`. */
  ocid: string
}

/** What {@link getOcdsRecord} returns: an OCDS 1.1 record package. */
export type GetOcdsRecordReturnType = JsonObject

/** What {@link getOcdsRecord} throws: 404 `NOT_FOUND` for an ocid of another publisher or an unknown process. */
export type GetOcdsRecordErrorType = RequestErrorType

/** `GET /v1/procurement/ocds/records/{ocid}`: the OCDS record of one process, every release embedded, and the compiled release. */
export async function getOcdsRecord(client: SaksiClient, { ocid }: GetOcdsRecordParameters): Promise<GetOcdsRecordReturnType> {
  return (await requestJson<JsonObject>(client, { path: procurementPath('ocds', 'records', ocid) })).data
}
