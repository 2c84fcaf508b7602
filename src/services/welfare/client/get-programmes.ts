import type { SaksiClient } from 'saksi/client'
import { welfareAnswer, type WelfareAnswer, type WelfareAnswerErrorType } from './welfare-answer.js'

/** What {@link getProgrammes} returns. */
export type GetProgrammesReturnType = WelfareAnswer

/** What {@link getProgrammes} throws. */
export type GetProgrammesErrorType = WelfareAnswerErrorType

/** `GET /v1/welfare/programmes`: every welfare programme. */
export async function getProgrammes(client: SaksiClient): Promise<GetProgrammesReturnType> {
  return welfareAnswer(client)
}
