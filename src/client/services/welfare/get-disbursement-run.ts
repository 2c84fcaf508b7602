import type { RequestErrorType, SaksiClient } from '../../index.js'
import { welfareAnswer, type WelfareAnswer } from './welfare-answer.js'

/** Parameters of {@link getDisbursementRun}. */
export interface GetDisbursementRunParameters {
  /** A programme id, e.g. `dinsos.pkh`. */
  programme: string
  /** A period, e.g. `2026-Q4` or `2026-11`. */
  period: string
}

/** What {@link getDisbursementRun} returns. */
export type GetDisbursementRunReturnType = WelfareAnswer

/** What {@link getDisbursementRun} throws: 404 `NOT_FOUND` when there is nothing, 400 for an id of the wrong form. */
export type GetDisbursementRunErrorType = RequestErrorType

/** `GET /v1/welfare/programmes/{programme}/runs/{period}`: progress of a period's disbursement run. */
export async function getDisbursementRun(client: SaksiClient, { programme, period }: GetDisbursementRunParameters): Promise<GetDisbursementRunReturnType> {
  return welfareAnswer(client, programme, 'runs', period)
}
