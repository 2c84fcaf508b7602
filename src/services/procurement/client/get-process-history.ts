import type { SaksiClient } from 'saksi/client'
import { procurementAnswer, type ProcessParameters, type ProcurementAnswer, type ProcurementAnswerErrorType } from './procurement-answer.js'

/** Parameters of {@link getProcessHistory}. */
export type GetProcessHistoryParameters = ProcessParameters

/** What {@link getProcessHistory} returns. */
export type GetProcessHistoryReturnType = ProcurementAnswer

/** What {@link getProcessHistory} throws. */
export type GetProcessHistoryErrorType = ProcurementAnswerErrorType

/** `GET /v1/procurement/processes/{process}/history`: every step of the process, its time, signer and transaction id. */
export async function getProcessHistory(client: SaksiClient, { process }: GetProcessHistoryParameters): Promise<GetProcessHistoryReturnType> {
  return procurementAnswer(client, 'processes', process, 'history')
}
