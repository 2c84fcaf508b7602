import type { RequestErrorType, SaksiClient } from '../../index.js'
import { welfareAnswer, type WelfareAnswer } from './welfare-answer.js'

/** Parameters of {@link getProgrammeDecisions}. */
export interface GetProgrammeDecisionsParameters {
  /** A programme id, e.g. `dinsos.pkh`. */
  programme: string
}

/** What {@link getProgrammeDecisions} returns. */
export type GetProgrammeDecisionsReturnType = WelfareAnswer

/** What {@link getProgrammeDecisions} throws: 404 `NOT_FOUND` when there is nothing, 400 for an id of the wrong form. */
export type GetProgrammeDecisionsErrorType = RequestErrorType

/** `GET /v1/welfare/programmes/{programme}/decisions`: public counts of households per region by status, small counts withheld. */
export async function getProgrammeDecisions(client: SaksiClient, { programme }: GetProgrammeDecisionsParameters): Promise<GetProgrammeDecisionsReturnType> {
  return welfareAnswer(client, programme, 'decisions')
}
