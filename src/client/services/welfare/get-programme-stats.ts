import type { RequestErrorType, SaksiClient } from '../../index.js'
import { welfareAnswer, type WelfareAnswer } from './welfare-answer.js'

/** Parameters of {@link getProgrammeStats}. */
export interface GetProgrammeStatsParameters {
  /** A programme id, e.g. `dinsos.pkh`. */
  programme: string
  /** A period, e.g. `2026-Q4` or `2026-11`. */
  period: string
}

/** What {@link getProgrammeStats} returns. */
export type GetProgrammeStatsReturnType = WelfareAnswer

/** What {@link getProgrammeStats} throws: 404 `NOT_FOUND` when there is nothing, 400 for an id of the wrong form. */
export type GetProgrammeStatsErrorType = RequestErrorType

/** `GET /v1/welfare/programmes/{programme}/stats/{period}`: public figures per region for a period, small counts withheld. */
export async function getProgrammeStats(client: SaksiClient, { programme, period }: GetProgrammeStatsParameters): Promise<GetProgrammeStatsReturnType> {
  return welfareAnswer(client, programme, 'stats', period)
}
