import type { RequestErrorType, SaksiClient } from '../../index.js'
import { procurementAnswer, type ProcurementAnswer } from './procurement-answer.js'

/** Parameters of {@link getProcess}. */
export interface GetProcessParameters {
  /** A process id, e.g. `pertamanan.bangku-taman-2026`. */
  process: string
}

/** What {@link getProcess} returns. */
export type GetProcessReturnType = ProcurementAnswer

/** What {@link getProcess} throws: 404 `NOT_FOUND` when there is none, 400 for an id of the wrong form. */
export type GetProcessErrorType = RequestErrorType

/** `GET /v1/procurement/processes/{process}`: plan, tender, bids (sealed ones as commitments only), award with reasons, purchase order, shipments, payments, disputes, audit notes. */
export async function getProcess(client: SaksiClient, { process }: GetProcessParameters): Promise<GetProcessReturnType> {
  return procurementAnswer(client, 'processes', process)
}
