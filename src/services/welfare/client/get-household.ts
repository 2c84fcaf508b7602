import type { SaksiClient } from 'saksi/client'
import { welfareAnswer, type HouseholdParameters, type WelfareAnswer, type WelfareAnswerErrorType } from './welfare-answer.js'

/** Parameters of {@link getHousehold}. */
export type GetHouseholdParameters = HouseholdParameters

/** What {@link getHousehold} returns. */
export type GetHouseholdReturnType = WelfareAnswer

/** What {@link getHousehold} throws. */
export type GetHouseholdErrorType = WelfareAnswerErrorType

/** `GET /v1/welfare/programmes/{programme}/households/{household}`: a household's trail (no personal data): record, decisions with reasons, appeals, payments. For its applicant and the agency's welfare officials: give a client `withSession` (401 `AUTH_REQUIRED` without, 403 `ACCESS_DENIED` for another key). */
export async function getHousehold(client: SaksiClient, { programme, household }: GetHouseholdParameters): Promise<GetHouseholdReturnType> {
  return welfareAnswer(client, programme, 'households', household)
}
