import type { SaksiClient } from 'saksi/client'
import { welfareAnswer, type ProgrammeParameters, type WelfareAnswer, type WelfareAnswerErrorType } from './welfare-answer.js'

/** Parameters of {@link getProgramme}. */
export type GetProgrammeParameters = ProgrammeParameters

/** What {@link getProgramme} returns. */
export type GetProgrammeReturnType = WelfareAnswer

/** What {@link getProgramme} throws. */
export type GetProgrammeErrorType = WelfareAnswerErrorType

/** `GET /v1/welfare/programmes/{programme}`: a programme with every version of its rules. */
export async function getProgramme(client: SaksiClient, { programme }: GetProgrammeParameters): Promise<GetProgrammeReturnType> {
  return welfareAnswer(client, programme)
}
