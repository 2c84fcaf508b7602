import type { SaksiClient } from 'saksi/client'
import { welfareAnswer, type PeriodParameters, type WelfareAnswer, type WelfareAnswerErrorType } from './welfare-answer.js'

/** Parameters of {@link getDisbursementRun}. */
export type GetDisbursementRunParameters = PeriodParameters

/** What {@link getDisbursementRun} returns. */
export type GetDisbursementRunReturnType = WelfareAnswer

/** What {@link getDisbursementRun} throws. */
export type GetDisbursementRunErrorType = WelfareAnswerErrorType

/** `GET /v1/welfare/programmes/{programme}/runs/{period}`: progress of a period's disbursement run. */
export async function getDisbursementRun(client: SaksiClient, { programme, period }: GetDisbursementRunParameters): Promise<GetDisbursementRunReturnType> {
  return welfareAnswer(client, programme, 'runs', period)
}
