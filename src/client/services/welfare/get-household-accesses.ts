import type { RequestErrorType, SaksiClient } from '../../index.js'
import { welfareAnswer, type WelfareAnswer } from './welfare-answer.js'

/** Parameters of {@link getHouseholdAccesses}. */
export interface GetHouseholdAccessesParameters {
  /** A programme id, e.g. `dinsos.pkh`. */
  programme: string
  /** A household id, `hh-` and 20 hex digits. */
  household: string
}

/** What {@link getHouseholdAccesses} returns. */
export type GetHouseholdAccessesReturnType = WelfareAnswer

/** What {@link getHouseholdAccesses} throws: 404 `NOT_FOUND` when there is nothing, 400 for an id of the wrong form. */
export type GetHouseholdAccessesErrorType = RequestErrorType

/** `GET /v1/welfare/programmes/{programme}/households/{household}/accesses`: who read the household's personal data, when and why. */
export async function getHouseholdAccesses(client: SaksiClient, { programme, household }: GetHouseholdAccessesParameters): Promise<GetHouseholdAccessesReturnType> {
  return welfareAnswer(client, programme, 'households', household, 'accesses')
}
