import type { SaksiClient } from 'saksi/client'
import { procurementAnswer, type ProcessParameters, type ProcurementAnswer, type ProcurementAnswerErrorType } from './procurement-answer.js'

/** Parameters of {@link getProcessConsistency}. */
export type GetProcessConsistencyParameters = ProcessParameters

/** What {@link getProcessConsistency} returns. */
export type GetProcessConsistencyReturnType = ProcurementAnswer

/** What {@link getProcessConsistency} throws. */
export type GetProcessConsistencyErrorType = ProcurementAnswerErrorType

/** `GET /v1/procurement/processes/{process}/consistency`: the auditors' consistency report, recomputed from the primary records. */
export async function getProcessConsistency(client: SaksiClient, { process }: GetProcessConsistencyParameters): Promise<GetProcessConsistencyReturnType> {
  return procurementAnswer(client, 'processes', process, 'consistency')
}
