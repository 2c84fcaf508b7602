import type { SaksiClient } from 'saksi/client'
import { welfareAnswer, type PeriodParameters, type WelfareAnswer, type WelfareAnswerErrorType } from './welfare-answer.js'

/** Parameters of {@link getProgrammeStats}. */
export type GetProgrammeStatsParameters = PeriodParameters

/** What {@link getProgrammeStats} returns. */
export type GetProgrammeStatsReturnType = WelfareAnswer

/** What {@link getProgrammeStats} throws. */
export type GetProgrammeStatsErrorType = WelfareAnswerErrorType

/** `GET /v1/welfare/programmes/{programme}/stats/{period}`: public figures per region for a period, small counts withheld. */
export async function getProgrammeStats(client: SaksiClient, { programme, period }: GetProgrammeStatsParameters): Promise<GetProgrammeStatsReturnType> {
  return welfareAnswer(client, programme, 'stats', period)
}
