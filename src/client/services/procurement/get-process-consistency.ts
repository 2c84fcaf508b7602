import type { RequestErrorType, SaksiClient } from '../../index.js'
import { procurementAnswer, type ProcurementAnswer } from './procurement-answer.js'

/** Parameters of {@link getProcessConsistency}. */
export interface GetProcessConsistencyParameters {
  /** A process id, e.g. `pertamanan.bangku-taman-2026`. */
  process: string
}

/** What {@link getProcessConsistency} returns. */
export type GetProcessConsistencyReturnType = ProcurementAnswer

/** What {@link getProcessConsistency} throws: 404 `NOT_FOUND` when there is none, 400 for an id of the wrong form. */
export type GetProcessConsistencyErrorType = RequestErrorType

/** `GET /v1/procurement/processes/{process}/consistency`: the auditors' consistency report, recomputed from the primary records. */
export async function getProcessConsistency(client: SaksiClient, { process }: GetProcessConsistencyParameters): Promise<GetProcessConsistencyReturnType> {
  return procurementAnswer(client, 'processes', process, 'consistency')
}
