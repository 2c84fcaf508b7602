import type { RequestErrorType, SaksiClient } from '../../index.js'
import { welfareAnswer, type WelfareAnswer } from './welfare-answer.js'

/** What {@link getProgrammes} returns. */
export type GetProgrammesReturnType = WelfareAnswer

/** What {@link getProgrammes} throws: 404 `NOT_FOUND` when there is nothing, 400 for an id of the wrong form. */
export type GetProgrammesErrorType = RequestErrorType

/** `GET /v1/welfare/programmes`: every welfare programme. */
export async function getProgrammes(client: SaksiClient): Promise<GetProgrammesReturnType> {
  return welfareAnswer(client)
}
