import type { RequestErrorType, SaksiClient } from '../../index.js'
import { welfareAnswer, type WelfareAnswer } from './welfare-answer.js'

/** Parameters of {@link getHousehold}. */
export interface GetHouseholdParameters {
  /** A programme id, e.g. `dinsos.pkh`. */
  programme: string
  /** A household id, `hh-` and 20 hex digits. */
  household: string
}

/** What {@link getHousehold} returns. */
export type GetHouseholdReturnType = WelfareAnswer

/** What {@link getHousehold} throws: 404 `NOT_FOUND` when there is nothing, 400 for an id of the wrong form. */
export type GetHouseholdErrorType = RequestErrorType

/** `GET /v1/welfare/programmes/{programme}/households/{household}`: a household's trail (no personal data): record, decisions with reasons, appeals, payments. */
export async function getHousehold(client: SaksiClient, { programme, household }: GetHouseholdParameters): Promise<GetHouseholdReturnType> {
  return welfareAnswer(client, programme, 'households', household)
}
