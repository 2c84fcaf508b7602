import type { RequestErrorType, SaksiClient } from '../../index.js'
import { procurementAnswer, type ProcurementAnswer } from './procurement-answer.js'

/** Parameters of {@link getProcessHistory}. */
export interface GetProcessHistoryParameters {
  /** A process id, e.g. `pertamanan.bangku-taman-2026`. */
  process: string
}

/** What {@link getProcessHistory} returns. */
export type GetProcessHistoryReturnType = ProcurementAnswer

/** What {@link getProcessHistory} throws: 404 `NOT_FOUND` when there is none, 400 for an id of the wrong form. */
export type GetProcessHistoryErrorType = RequestErrorType

/** `GET /v1/procurement/processes/{process}/history`: every step of the process, its time, signer and transaction id. */
export async function getProcessHistory(client: SaksiClient, { process }: GetProcessHistoryParameters): Promise<GetProcessHistoryReturnType> {
  return procurementAnswer(client, 'processes', process, 'history')
}
