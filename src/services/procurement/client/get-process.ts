import type { SaksiClient } from 'saksi/client'
import { procurementAnswer, type ProcessParameters, type ProcurementAnswer, type ProcurementAnswerErrorType } from './procurement-answer.js'

/** Parameters of {@link getProcess}. */
export type GetProcessParameters = ProcessParameters

/** What {@link getProcess} returns. */
export type GetProcessReturnType = ProcurementAnswer

/** What {@link getProcess} throws. */
export type GetProcessErrorType = ProcurementAnswerErrorType

/** `GET /v1/procurement/processes/{process}`: plan, tender, bids (sealed ones as commitments only), award with reasons, purchase order, shipments, payments, disputes, audit notes. */
export async function getProcess(client: SaksiClient, { process }: GetProcessParameters): Promise<GetProcessReturnType> {
  return procurementAnswer(client, 'processes', process)
}
