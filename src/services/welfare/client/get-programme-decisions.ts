import type { SaksiClient } from 'saksi/client'
import { welfareAnswer, type ProgrammeParameters, type WelfareAnswer, type WelfareAnswerErrorType } from './welfare-answer.js'

/** Parameters of {@link getProgrammeDecisions}. */
export type GetProgrammeDecisionsParameters = ProgrammeParameters

/** What {@link getProgrammeDecisions} returns. */
export type GetProgrammeDecisionsReturnType = WelfareAnswer

/** What {@link getProgrammeDecisions} throws. */
export type GetProgrammeDecisionsErrorType = WelfareAnswerErrorType

/** `GET /v1/welfare/programmes/{programme}/decisions`: public counts of households per region by status, small counts withheld. */
export async function getProgrammeDecisions(client: SaksiClient, { programme }: GetProgrammeDecisionsParameters): Promise<GetProgrammeDecisionsReturnType> {
  return welfareAnswer(client, programme, 'decisions')
}
