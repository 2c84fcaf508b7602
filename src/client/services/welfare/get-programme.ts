import type { RequestErrorType, SaksiClient } from '../../index.js'
import { welfareAnswer, type WelfareAnswer } from './welfare-answer.js'

/** Parameters of {@link getProgramme}. */
export interface GetProgrammeParameters {
  /** A programme id, e.g. `dinsos.pkh`. */
  programme: string
}

/** What {@link getProgramme} returns. */
export type GetProgrammeReturnType = WelfareAnswer

/** What {@link getProgramme} throws: 404 `NOT_FOUND` when there is nothing, 400 for an id of the wrong form. */
export type GetProgrammeErrorType = RequestErrorType

/** `GET /v1/welfare/programmes/{programme}`: a programme with every version of its rules. */
export async function getProgramme(client: SaksiClient, { programme }: GetProgrammeParameters): Promise<GetProgrammeReturnType> {
  return welfareAnswer(client, programme)
}
